#include "ReadingChecker.h"

#include "FactChecker.h"
#include "JudgementContext.h"
#include "ReadingText.h"
#include "StatedFindingChecker.h"

#include <algorithm>
#include <cmath>

namespace rs::reading {

namespace {

// Whether a claim contradicts a value's verdict. Borderline values contradict nothing.
bool contradicts(Claim claim, const RangeVerdict& v, bool qualified) {
    if (v.borderline)
        return false;
    switch (claim) {
    case Claim::Low:
        return v.level != Level::Low;
    case Claim::High:
        return v.level != Level::High;
    case Claim::Normal:
        return v.level != Level::Normal;
    case Claim::Abnormal:
        return v.level == Level::Normal;
    case Claim::NotLow:
        return v.level == Level::Low && (!qualified || v.severity >= 3);
    case Claim::NotHigh:
        return v.level == Level::High && (!qualified || v.severity >= 3);
    }
    return false;
}

// How far a normal value lies from the bound a claim of "low"/"high" needs, as a severity.
int insideSeverity(Claim claim, const ReferenceRange& r, double value) {
    const double width = std::max(r.high - r.low, 1e-9);
    double d = 0;
    if (claim == Claim::Low)
        d = (value - r.low) / width;
    else if (claim == Claim::High)
        d = (r.high - value) / width;
    else
        return 2;
    return d < 0.25 ? 1 : d < 0.75 ? 2 : 3;
}

struct Judged {
    const MeasuredValue* value = nullptr;
    ReferenceRange range;
    RangeVerdict verdict;
    bool conflict = false;
};

std::string valuePhrase(std::string_view question, const MeasuredValue& v) {
    std::string name = v.name;
    if (!nameIsCaseSensitive(name))
        name = lowerAscii(name);
    return "the " + name + " of " + quote(question, v.valueSpan);
}

} // namespace

ReadingChecker::ReadingChecker(const ReferenceRangeTable& table)
    : table_(table), names_(table), extractor_(table, names_), judgements_(table, names_) {}

std::vector<ReadingFinding> ReadingChecker::check(std::string_view question,
                                                  std::string_view output, bool answerWrong) const {
    return check(question, extractor_.readValues(question), QuestionFacts(question), output,
                 answerWrong);
}

std::vector<ReadingFinding> ReadingChecker::check(std::string_view question,
                                                  const QuestionReading& reading,
                                                  std::string_view output, bool answerWrong) const {
    return check(question, reading, QuestionFacts(reading.facts), output, answerWrong);
}

std::vector<ReadingFinding> ReadingChecker::check(std::string_view question,
                                                  const QuestionReading& reading,
                                                  const QuestionFacts& facts,
                                                  std::string_view output, bool answerWrong) const {
    std::vector<ReadingFinding> out;
    const OutputText text(output);
    // Judgements and quoted values are compared with the question's values: without any
    // (half the questions) the output's analyte names need not be searched at all.
    if (!reading.values.empty())
        checkJudgements(question, reading, facts, text, out);
    for (auto& f : checkStatedFindings(question, text))
        out.push_back(std::move(f));
    for (auto& f : checkFacts(question, facts, text))
        out.push_back(std::move(f));
    if (!reading.values.empty())
        for (auto& f : checkQuotedValues(question, reading, text, table_, names_))
            out.push_back(std::move(f));
    // One finding per output place: a value judged twice in one phrase ("low platelets,
    // thrombocytopenia") and a state word read both ways are one root cause.
    std::vector<ReadingFinding> kept;
    const std::vector<Span>& outSentences = text.sentences();
    auto sentenceOf = [&](const Span& s) {
        for (std::size_t i = 0; i < outSentences.size(); ++i)
            if (s.begin >= outSentences[i].begin && s.begin < outSentences[i].end)
                return i;
        return outSentences.size();
    };
    for (auto& f : out) {
        const bool dup = std::any_of(kept.begin(), kept.end(), [&](const ReadingFinding& k) {
            const bool overlap =
                k.outputSpan.begin < f.outputSpan.end && f.outputSpan.begin < k.outputSpan.end;
            // "high MCV suggests a macrocytic anemia": one misreading of one value.
            const bool sameValue =
                k.analyte == f.analyte && sentenceOf(k.outputSpan) == sentenceOf(f.outputSpan);
            return overlap || sameValue;
        });
        if (dup)
            continue;
        f.answerWrong = answerWrong;
        if (answerWrong)
            f.severity = std::min(f.severity + 1, 4);
        kept.push_back(std::move(f));
    }
    std::sort(kept.begin(), kept.end(), [](const ReadingFinding& a, const ReadingFinding& b) {
        return a.outputSpan.begin < b.outputSpan.begin;
    });
    return kept;
}

void ReadingChecker::checkJudgements(std::string_view question, const QuestionReading& reading,
                                     const QuestionFacts& facts, const OutputText& text,
                                     std::vector<ReadingFinding>& out) const {
    const std::string_view output = text.text();
    const std::vector<Judgement> judgements = judgements_.find(text);
    if (judgements.empty())
        return;
    // The patient's sex, age and pregnancy choose a range variant: read them only once a
    // judgement meets a value of the question.
    auto patient = [&]() {
        const PatientFacts& pf = facts.get();
        return PatientContext{pf.sex, pf.ageYears, pf.pregnant};
    };
    std::string qLower; // lowered on first use: few judgements name a state
    for (const Judgement& j : judgements) {
        if ((j.hedged || j.generic || j.otherPerson) && !judgeFlagged_)
            continue;
        // An abnormal state the question itself names ("fevers", "anemia") is no invention.
        if (!j.stateWord.empty() && !j.stateNegated &&
            (j.claim == Claim::Low || j.claim == Claim::High)) {
            bool named = false;
            for (const StateWord& w : table_.stateWords())
                if (w.analyte == j.analytes.front() && w.direction != StateDirection::Normal) {
                    std::vector<Span> hits;
                    if (qLower.empty())
                        qLower = lowerAscii(question);
                    findName(question, qLower, w.word, false, 0, question.size(), hits);
                    named = named || !hits.empty();
                }
            if (named)
                continue;
        }
        // Judge each analyte: all its values at different times must contradict.
        std::vector<Judged>
            perAnalyte; // the worst contradicted value of each analyte, or a consistent one
        bool anyConsistent = false;
        for (const std::string& id : j.analytes) {
            std::vector<Judged> vals;
            for (const MeasuredValue& v : reading.values) {
                if (v.analyte != id || !v.specimen.empty() || v.alternate)
                    continue;
                Judged d;
                d.value = &v;
                if (v.hasOwnRange) {
                    d.range.analyte = id;
                    d.range.unit = v.unit;
                    d.range.low = v.ownLow;
                    d.range.high = v.ownHigh;
                    d.range.borderline =
                        0.02 * (v.ownHigh < 1e11 ? v.ownHigh - v.ownLow : v.ownLow);
                    d.verdict = ReferenceRangeTable::classify(d.range, v.value);
                } else {
                    const auto r = table_.lookup(id, patient());
                    const auto tv = table_.toTableUnit(id, v.value, v.unit);
                    if (!r || !tv)
                        continue;
                    d.range = *r;
                    d.verdict = ReferenceRangeTable::classify(*r, *tv);
                }
                if (j.hasQuotedValue && !j.group) {
                    const auto qv = table_.toTableUnit(id, j.quotedValue,
                                                       j.quotedUnit == "-" ? v.unit : j.quotedUnit);
                    const auto vv = table_.toTableUnit(id, v.value, v.unit);
                    if (qv && vv && std::fabs(*qv - *vv) > 0.02 * std::fabs(*vv))
                        continue; // the output speaks of another of the values
                }
                d.conflict = contradicts(j.claim, d.verdict, j.qualified);
                vals.push_back(d);
            }
            if (vals.empty())
                continue;
            const bool allConflict =
                std::all_of(vals.begin(), vals.end(), [](const Judged& d) { return d.conflict; });
            if (!allConflict) {
                anyConsistent = true;
                continue;
            }
            perAnalyte.push_back(
                *std::max_element(vals.begin(), vals.end(), [](const Judged& a, const Judged& b) {
                    return a.verdict.deviation < b.verdict.deviation;
                }));
        }
        if (perAnalyte.empty())
            continue;
        // "Elevated liver enzymes" needs one elevated enzyme; "normal vital signs" needs all
        // normal.
        const bool someSemantics =
            (j.group || !j.stateWord.empty()) &&
            (j.claim == Claim::Low || j.claim == Claim::High || j.claim == Claim::Abnormal);
        if (someSemantics && anyConsistent)
            continue;
        // Children's vital signs vary too much with age to call a named state invented.
        const bool vital =
            std::any_of(j.analytes.begin(), j.analytes.end(), [](const std::string& a) {
                return a == "pulse" || a == "respirations" || a == "sbp" || a == "dbp";
            });
        if (vital && !j.stateWord.empty() && !j.stateNegated && facts.get().ageYears >= 0 &&
            facts.get().ageYears < 12)
            continue;
        // A named state speaks first of its first analyte ("hypotension": systolic); a group of its
        // worst value.
        const Judged& worst =
            !j.stateWord.empty()
                ? perAnalyte.front()
                : *std::max_element(perAnalyte.begin(), perAnalyte.end(),
                                    [](const Judged& a, const Judged& b) {
                                        return a.verdict.deviation < b.verdict.deviation;
                                    });
        ReadingFinding f;
        f.analyte = worst.value->analyte;
        f.questionSpan = worst.value->span;
        f.outputSpan = j.span;
        f.deviation = worst.verdict.deviation;
        f.claimed = claimWords(j.claim);
        f.actual = worst.verdict.level == Level::Low    ? "low"
                   : worst.verdict.level == Level::High ? "high"
                                                        : "normal";
        const bool valueOutside = worst.verdict.level != Level::Normal;
        f.severity = valueOutside
                         ? worst.verdict.severity
                         : insideSeverity(
                               j.claim, worst.range,
                               table_.toTableUnit(f.analyte, worst.value->value, worst.value->unit)
                                   .value_or(worst.value->value));
        const std::string range = (worst.value->hasOwnRange ? "the question's own range is "
                                                            : "the reference range is ") +
                                  formatRange(worst.range);
        const std::string said = quote(output, j.span);
        const std::string value = valuePhrase(question, *worst.value);
        if (j.stateWord.empty() || j.claim == Claim::Normal) {
            f.kind = ReadingKind::ValueMisjudged;
            if (j.group || !j.stateWord.empty())
                f.explanation = "Calls " + quote(output, j.mentionSpan) + " " +
                                claimWords(j.claim) + " (\"" + said +
                                "\"), but the question gives " + value + "; " + range + ".";
            else
                f.explanation = "Calls " + value + " " + claimWords(j.claim) + " (\"" + said +
                                "\"); " + range + ".";
        } else if (j.stateNegated) {
            f.kind = ReadingKind::FindingDenied;
            f.explanation = "Denies " + j.stateWord + " (\"" + said +
                            "\"), but the question gives " + value + "; " + range + ".";
        } else {
            f.kind = ReadingKind::FindingInvented;
            f.explanation = "Asserts " + j.stateWord + " (\"" + said +
                            "\"), but the question gives " + value + "; " + range + ".";
        }
        out.push_back(std::move(f));
    }
}

} // namespace rs::reading
