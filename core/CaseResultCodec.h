#pragma once
// The one encoder and the one decoder of the stored form of a CaseResult: the per-case JSON
// of the project file and of `analyze --json` (docs/json-output.md).
//
// Decoding is lenient: a project written by an older version, or edited by hand, never
// makes it throw. A field that is absent keeps its default; one of the wrong type is left
// at its default and named in the problems. An entry of a list that is no object is kept
// as an empty entry where positions matter (findings, marked unreadable, which reviews
// refer to by position; steps, images and reference paths, which other entries index) and
// left out of the others (coverage gaps, mentions, claims).
#include "CaseResult.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace rs {

nlohmann::json encodeCaseResult(const CaseResult& result);

// problems, when given, receives one line per value that could not be read, e.g.
// "findings[2]: not an object", "steps[0].span: not [begin, end]".
CaseResult decodeCaseResult(const nlohmann::json& stored,
                            std::vector<std::string>* problems = nullptr);

// Whether j has the shape of a case result at all: an object with a reasoning path or
// reference paths list (what a diagram needs). A document of some other kind is not.
bool looksLikeCaseResult(const nlohmann::json& j);

} // namespace rs
