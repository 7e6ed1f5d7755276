#pragma once
// The questions OpenAI outputs answer: generic JSONL records (GenericRecord.h, output not
// needed) from ImportOptions::questionFiles, by id. The outputs carry only a custom_id.
#include "ImportContext.h"

#include <string>
#include <unordered_map>

namespace rs::importers {

class QuestionBank {
public:
    // Reads every question file, reporting bad records against their own file. False, with
    // summary.fatalError set, when no question could be read at all.
    bool load(ImportContext& ctx);
    const Case* find(const std::string& id) const;

private:
    std::unordered_map<std::string, Case> byId_;
};

} // namespace rs::importers
