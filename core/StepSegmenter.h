#pragma once
// Splits a model output into reasoning steps. Chain-of-thought answers come as numbered
// lists, bullet lists, option-by-option items ("A) ..."), paragraphs, or one block of prose;
// each of these is what a reader would call "a step", so findings can point at it.
#include "CaseAnalysis.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace rs {

struct TextSpan {
    std::size_t begin = 0, end = 0; // byte offsets
};

class StepSegmenter {
public:
    // Steps in text order, trimmed of surrounding white space. Every non-space byte of text
    // lies in exactly one step. Item lines ("1.", "2)", "(3)", "A)", "Step 4:", "-", "*",
    // "•") start "numbered"/"bullet" steps that run to the next item or blank line; other
    // blocks are "paragraph"s; text with neither items nor blank lines is split into
    // "sentence"s.
    static std::vector<Step> segment(std::string_view text);

    // Sentences of text[begin, end): ends at . ! ? before white space (not after
    // abbreviations such as "e.g." or when a lower-case word follows) and at line breaks.
    // Trimmed; together they cover every non-space byte of the range.
    static std::vector<TextSpan> sentences(std::string_view text, std::size_t begin,
                                           std::size_t end);

    // Index of the step containing offset, else the last step before it, else 0 (-1 when
    // there are no steps). steps must be ordered, as segment() returns them.
    static int stepAt(const std::vector<Step>& steps, std::size_t offset);
};

} // namespace rs
