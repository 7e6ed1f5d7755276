#pragma once
// One model output on one question, as imported. Everything here comes from an input
// file and is treated as untrusted text.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rs {

struct Box {
    std::string label;
    std::string source; // "model" or "reference"
    double x = 0, y = 0, w = 0, h = 0;
    double z = 0, d = 0; // depth origin and extent for 3D boxes
    bool is3d = false;
};

struct ImageRef {
    std::string path;
    std::string modality;
    std::vector<Box> boxes;
};

// A (head, relation, tail) triple by name, as in a gold reference path supplied with input.
struct NamedTriple {
    std::string head;
    std::string relation;
    std::string tail;
};

struct AnswerOption {
    std::string label; // "A", "B", ... (generated from the position for list options)
    std::string text;
};

struct Case {
    std::string key;        // input record id, or "file#N" where the input has none
    std::string questionId; // pairs the same question across runs
    std::string dataset;
    std::string run; // run label: model plus prompt variant, or the user's label
    std::string model;
    std::string sourceFile;       // path of the file the case came from
    std::size_t sourceRecord = 0; // 1-based line or record number in that file
    std::string question;
    std::vector<AnswerOption> options;
    std::string gold;   // an option label or the answer text, as given
    std::string output; // the model's reasoning text: what the claims are read from
    // The answer a reasoning model wrote after its trace (after </think>, or the message
    // content beside reasoning_content): kept apart so that output is the trace alone.
    // Empty when the output is one text holding both.
    std::string finalAnswer;
    std::string prediction; // as given, or extracted from the final answer or the output
    // The tool scored the answer from per-option log-likelihoods (lm-eval multiple-choice
    // tasks): the model wrote no text, so output is empty by nature, not by loss.
    bool scoredFromLoglikelihoods = false;
    std::optional<bool> correct;
    std::vector<NamedTriple> goldPath;
    std::vector<ImageRef> images;
    std::vector<std::pair<std::string, std::string>> meta;
};

// Finds the option a free-text answer refers to ("B", "B)", "(b) Foo", or the option's own
// text). Returns the index into options or -1.
int matchOption(const std::vector<AnswerOption>& options, const std::string& answer);

} // namespace rs
