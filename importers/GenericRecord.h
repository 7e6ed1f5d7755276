#pragma once
// One record of ReasonScope's own JSONL format, version 1. Read by the generic JSONL
// reader (outputs) and by the question files OpenAI outputs are joined to (questions).
//
// {"id": "q17", "question": "...", "options": {"A": "..."} | ["...", ...],
//  "gold": "B" | "answer text" | 1 (0-based index), "model": "...", "run": "...",
//  "output": "...", "prediction": "B" (optional; extracted from output when absent),
//  "reasoning_content" | "reasoning": "..." (optional: a reasoning model's trace; it is
//  then what is analysed, and output is its final answer; a <think> trace inline in
//  output is split off the same way),
//  "dataset": "...", "question_id": "..." (optional; pairs questions across runs),
//  "correct": true | false (optional; otherwise computed from prediction and gold),
//  "reference_path": [["head", "relation", "tail"], ...],
//  "images": [{"path", "modality", "boxes": [{"label", "source": "model"|"reference",
//              "x", "y", "w", "h", "z", "d"}]}],
//  "meta": {...}}
// id and question are required, output too for outputs. Unknown keys are ignored.
// questionId = question_id, else "<dataset>:<id>" when dataset is given, else id.
#include "JsonUtil.h"

#include <filesystem>
#include <string>

namespace rs::importers {

enum class GenericRecordKind { Output, Question };

// Fills c, or returns false with err saying what is wrong. Relative image paths are
// resolved against baseDir.
bool parseGenericRecord(const Json& record, GenericRecordKind kind,
                        const std::filesystem::path& baseDir, Case& c, std::string& err);

} // namespace rs::importers
