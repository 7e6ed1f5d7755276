#pragma once
// Findings stated in words rather than numbers: a finding the question states that the
// output denies ("the patient does not have weight loss" when the question gives a 5.6-kg
// weight loss), and one the question denies that the output asserts ("the patient's
// fever" when she "denies fever"). Phrases are compared as word sequences (plural folded),
// never reduced to a bare generic word such as "pain".
#include "ReadingTypes.h"

#include <string_view>
#include <vector>

namespace rs::reading {

class OutputText;

std::vector<ReadingFinding> checkStatedFindings(std::string_view question,
                                                const OutputText& output);

} // namespace rs::reading
