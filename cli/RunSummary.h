#pragma once
// The summary `reasonscope analyze` prints: runs, cases, accuracy, findings per class and
// sub-kind, top recurring patterns, coverage and import errors.
#include <string>

namespace rs {

class ProjectStore;
struct PipelineResult;

std::string runSummaryText(const ProjectStore& store, const PipelineResult& result);

} // namespace rs
