#pragma once
// The text form of a case-table filter (CaseQuery), as `reasonscope report --filter` takes
// it and as every report prints the filter it used:
//
//   run=LABEL  question=ID  correct=yes|no|unscored  class=relation|branch|missing|grounding
//   subtype=NAME  pattern=SIGNATURE  review=confirmed|rejected|unsure|unreviewed
//   search=TEXT  case=ID[,ID...]
//
// Terms are separated by white space and combine with AND; a key given twice ORs its
// values (run, class, subtype, pattern, case), except question, correct, review and
// search, which take one value. A value with spaces or quotes is written in double quotes;
// inside them a backslash escapes a quote or a backslash. `case` takes the project's case row ids
// (what the projection view selects). Runs are named by label; formatting writes the label back, so
// format(parse(s)) is s's canonical form and parse(format(q)) == q for every query (sort order
// aside, and the single runId, which comes back as one of runIds). Labels the project does not know
// are written as "#ID" by format and refused by parse.
#include "ProjectStore.h"

#include <string>
#include <vector>

namespace rs {

// Parses text into *query (sort fields untouched). runs resolves labels to ids. False,
// with *error naming the offending term and its position, on unknown keys, bad values or
// unknown run labels; *query is unchanged then.
bool parseCaseFilter(const std::string& text, const std::vector<ProjectStore::RunInfo>& runs,
                     CaseQuery* query, std::string* error);

// The canonical text of the query's filter fields; empty when it filters nothing.
std::string formatCaseFilter(const CaseQuery& query,
                             const std::vector<ProjectStore::RunInfo>& runs);

} // namespace rs
