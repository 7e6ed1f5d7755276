#pragma once
// Judgements an output makes about lab values and vital signs: "the platelet count of
// 67,000 is not low", "elevated creatinine", "BUN and creatinine are normal", "vital signs
// within normal limits", and named states ("thrombocytopenia", "tachycardic", "afebrile",
// "no fever"), each with the analytes it is about. Judgements that are hedged ("may be
// low", "if"), general knowledge ("heparin can cause thrombocytopenia") or about another
// person (family history, the fetus) are kept but flagged, so callers can ignore them.
#include "AnalyteNameIndex.h"
#include "ReadingText.h"
#include "ReadingTypes.h"
#include "ReferenceRangeTable.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rs::reading {

class OutputText;

enum class Claim { Low, High, Normal, NotLow, NotHigh, Abnormal };

const char* claimWords(Claim claim); // "low", "elevated", "normal", "not low", ...

struct Judgement {
    std::vector<std::string> analytes; // table ids the judgement is about
    bool group = false; // "vital signs", "electrolytes", "liver enzymes", "blood pressure"
    Claim claim = Claim::Normal;
    bool qualified = false;      // "not significantly elevated": only a marked value contradicts it
    Span span;                   // mention through judgement words
    Span mentionSpan;            // the analyte or state word
    std::string stateWord;       // "thrombocytopenia" when judged by a named state, else empty
    bool stateNegated = false;   // "no thrombocytopenia"
    bool hasQuotedValue = false; // "the platelet count of 67,000 is not low"
    double quotedValue = 0;
    std::string quotedUnit;
    bool hedged = false;      // may, might, could, if, likely, ...
    bool generic = false;     // general knowledge: can cause, is characterized by, such as, ...
    bool otherPerson = false; // family history, the fetus
};

class JudgementFinder {
public:
    JudgementFinder(const ReferenceRangeTable& table, const AnalyteNameIndex& names);

    std::vector<Judgement> find(std::string_view output) const;
    std::vector<Judgement> find(const OutputText& output) const;

private:
    void findMentionJudgements(const OutputText& output, std::size_t sentence,
                               std::vector<Judgement>& out) const;
    void findStateJudgements(const OutputText& output, std::size_t sentence,
                             std::vector<Judgement>& out) const;

    const ReferenceRangeTable& table_;
    const AnalyteNameIndex& names_;
    // State word -> the analytes it names, in table order ("hypotension": sbp, dbp).
    StringMap<std::vector<const StateWord*>> stateWords_;
    WordStartFilter stateWordStarts_;
};

} // namespace rs::reading
