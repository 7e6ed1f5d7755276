#include "JudgementFinder.h"

#include "JudgementContext.h"
#include "ReadingText.h"
#include "UnitNames.h"
#include "WordLists.h"

#include <algorithm>
#include <array>
#include <optional>

namespace rs::reading {

namespace {

using words::in;

const WordSet kDegree = {"mildly",       "slightly",    "markedly",  "significantly", "severely",
                         "very",         "moderately",  "extremely", "profoundly",    "critically",
                         "persistently", "dangerously", "notably",   "substantially", "also"};
// Degree words that, after "not", weaken the negation: "not significantly elevated".
const WordSet kStrongDegree = {"significantly", "markedly",    "severely",
                               "very",          "extremely",   "profoundly",
                               "critically",    "dangerously", "substantially"};
const WordSet kCopulas = {"is",       "are",     "was",    "were",  "remains", "remain",
                          "remained", "appears", "appear", "seems", "seem",    "being"};
const WordSet kMeasureWords = {"level",          "levels",  "count",  "counts", "concentration",
                               "concentrations", "value",   "values", "of",     "at",
                               "measurement",    "reading", "result", "results"};

// Nouns after an analyte name that make it a process, not a level: "decreased glucose uptake".
const WordSet kProcessNouns = {
    "uptake",      "metabolism",   "production",     "synthesis",   "secretion",
    "excretion",   "reabsorption", "absorption",     "transport",   "utilization",
    "clearance",   "tolerance",    "intolerance",    "channel",     "channels",
    "homeostasis", "release",      "binding",        "deficiency",  "supplementation",
    "replacement", "infusion",     "administration", "therapy",     "intake",
    "loss",        "wasting",      "gradient",       "influx",      "efflux",
    "requirement", "requirements", "demand",         "consumption", "output",
    "flow",        "pump",         "receptor",       "receptors",   "load"};
// Specimens other than blood: "urine osmolality is high" is not the serum value.
const WordSet kOtherSpecimenWords = {"urine",   "urinary", "csf",      "cerebrospinal",
                                     "pleural", "ascitic", "synovial", "stool",
                                     "sweat",   "fluid",   "vaginal",  "gastric"};

struct GroupName {
    std::string_view name;
    std::array<std::string_view, 5> members;
};
constexpr std::array<GroupName, 14> kGroups = {{
    {"vital signs", {"temperature", "pulse", "respirations", "sbp", "dbp"}},
    {"vitals", {"temperature", "pulse", "respirations", "sbp", "dbp"}},
    {"electrolytes", {"sodium", "potassium", "chloride", "bicarbonate", ""}},
    {"liver enzymes", {"alt", "ast", "", "", ""}},
    {"transaminases", {"alt", "ast", "", "", ""}},
    {"aminotransferases", {"alt", "ast", "", "", ""}},
    {"liver function tests", {"alt", "ast", "alp", "bilirubin_total", ""}},
    {"LFTs", {"alt", "ast", "alp", "bilirubin_total", ""}},
    {"blood pressure", {"sbp", "dbp", "", "", ""}},
    {"BP", {"sbp", "dbp", "", "", ""}},
    {"renal function", {"creatinine", "bun", "", "", ""}},
    {"kidney function", {"creatinine", "bun", "", "", ""}},
    {"complete blood count", {"hemoglobin", "leukocytes", "platelets", "", ""}},
    {"CBC", {"hemoglobin", "leukocytes", "platelets", "", ""}},
}};

Claim negate(Claim c) {
    switch (c) {
    case Claim::Low:
        return Claim::NotLow;
    case Claim::High:
        return Claim::NotHigh;
    case Claim::Normal:
        return Claim::Abnormal;
    case Claim::Abnormal:
        return Claim::Normal;
    case Claim::NotLow:
        return Claim::Low;
    case Claim::NotHigh:
        return Claim::High;
    }
    return c;
}

std::optional<Claim> preModifier(std::string_view w) {
    static constexpr std::array<std::string_view, 6> low = {"low",       "decreased",  "reduced",
                                                            "depressed", "diminished", "lowered"};
    static constexpr std::array<std::string_view, 6> high = {"elevated", "high",       "increased",
                                                             "raised",   "heightened", "higher"};
    if (in(low, w))
        return Claim::Low;
    if (in(high, w))
        return Claim::High;
    if (w == "normal")
        return Claim::Normal;
    if (w == "abnormal" || w == "deranged")
        return Claim::Abnormal;
    return std::nullopt;
}

// The predicate after a copula at ws[k]: returns the claim and the index past it.
std::optional<Claim> predicate(const std::vector<Word>& ws, std::size_t& k) {
    auto at = [&](std::size_t i) -> std::string_view {
        return i < ws.size() ? std::string_view(ws[i].lower) : std::string_view();
    };
    if (at(k) == "within" || (at(k) == "in" && (at(k + 1) == "the" || at(k + 1) == "normal"))) {
        std::size_t j = k + 1;
        if (at(j) == "the")
            ++j;
        if (at(j) == "normal" || at(j) == "reference") {
            k = j + 2;
            return Claim::Normal;
        }
        return std::nullopt;
    }
    if (at(k) == "wnl" || at(k) == "unremarkable" || at(k) == "normal") {
        if (at(k + 1) == "range" || at(k + 1) == "ranges") // "normal range is ..." is no judgement
            return std::nullopt;
        k += 1;
        return Claim::Normal;
    }
    if ((at(k) == "below" || at(k) == "above") &&
        (at(k + 1) == "normal" || at(k + 2) == "normal")) {
        const bool below = at(k) == "below";
        k += at(k + 1) == "normal" ? 2 : 3;
        return below ? Claim::Low : Claim::High;
    }
    if (auto c = preModifier(at(k)); c && at(k) != "higher") {
        if (at(k + 1) == "than") // "higher than before": a comparison, not a level
            return std::nullopt;
        k += 1;
        return c;
    }
    return std::nullopt;
}

bool isAdjectiveState(std::string_view w) {
    auto ends = [&](std::string_view suf) {
        return w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf;
    };
    return ends("ic") || ends("ile") || ends("ive") || w == "obese" || w == "overweight" ||
           w == "underweight";
}

// The group names word by word: lower-case names fold case, abbreviations ("BP", "LFTs")
// match as written.
struct GroupWords {
    std::vector<std::string> words; // lower-case, or as written when caseSensitive
    bool caseSensitive = false;
};

struct GroupIndex {
    std::vector<GroupWords> groups; // in kGroups order
    WordStartFilter starts;         // first words, lower-case
    GroupIndex() {
        for (const GroupName& g : kGroups) {
            GroupWords gw;
            gw.caseSensitive = nameIsCaseSensitive(g.name);
            std::size_t b = 0;
            while (b < g.name.size()) {
                std::size_t e = g.name.find(' ', b);
                if (e == std::string_view::npos)
                    e = g.name.size();
                const std::string_view w = g.name.substr(b, e - b);
                gw.words.push_back(gw.caseSensitive ? std::string(w) : lowerAscii(w));
                b = e + 1;
            }
            starts.add(lowerAscii(gw.words.front()));
            groups.push_back(std::move(gw));
        }
    }
};

struct GroupHit {
    std::size_t group = 0;
    Span span;
};

// The group names in a sentence, as whole words.
std::vector<GroupHit> groupHits(const OutputText& output, const SentenceWords& sw) {
    static const GroupIndex index;
    const std::string_view text = output.text();
    std::vector<GroupHit> hits;
    const auto& ws = sw.ws;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!index.starts.mayStart(ws[k].lower))
            continue;
        for (std::size_t g = 0; g < index.groups.size(); ++g) {
            const GroupWords& gw = index.groups[g];
            if (k + gw.words.size() > ws.size())
                continue;
            bool same = true;
            for (std::size_t i = 0; i < gw.words.size() && same; ++i) {
                const Word& w = ws[k + i];
                same = (gw.caseSensitive ? text.substr(w.begin, w.end - w.begin) : w.lower) ==
                       gw.words[i];
            }
            if (same)
                hits.push_back({g, {ws[k].begin, ws[k + gw.words.size() - 1].end}});
        }
    }
    return hits;
}

// An analyte name or group name ("vital signs") in a sentence, with the analytes it covers.
struct NameMention {
    Span span;
    std::vector<std::string> analytes;
    bool group = false;
};

// The analyte and group names in a sentence, in text order; a group name inside an
// analyte name is no mention of its own.
std::vector<NameMention> nameMentions(const AnalyteNameIndex& names, const OutputText& output,
                                      Span sentence, const SentenceWords& sw) {
    const std::string_view text = output.text();
    const std::string_view lower = output.lower();
    std::vector<NameMention> mentions;
    for (const AnalyteMention& m : names.find(text, lower, sentence.begin, sentence.end)) {
        if (!mentions.empty() && mentions.back().span.begin == m.span.begin &&
            mentions.back().span.end == m.span.end)
            mentions.back().analytes.push_back(m.analyte);
        else
            mentions.push_back({m.span, {m.analyte}, false});
    }
    for (const GroupHit& gh : groupHits(output, sw)) {
        const Span& h = gh.span;
        const bool overlaps =
            std::any_of(mentions.begin(), mentions.end(), [&](const NameMention& m) {
                return m.span.begin < h.end && h.begin < m.span.end;
            });
        if (overlaps)
            continue;
        NameMention m{h, {}, true};
        for (auto id : kGroups[gh.group].members)
            if (!id.empty())
                m.analytes.emplace_back(id);
        mentions.push_back(std::move(m));
    }
    std::sort(mentions.begin(), mentions.end(), [](const NameMention& a, const NameMention& b) {
        return a.span.begin < b.span.begin;
    });
    return mentions;
}

// One sentence's words and name mentions, read by the steps below.
struct SentenceScan {
    std::string_view text;
    const SentenceWords& sw;
    const std::vector<NameMention>& mentions;
    std::string_view at(std::size_t i) const {
        return i < sw.ws.size() ? std::string_view(sw.ws[i].lower) : std::string_view();
    }
};

// A modifier seen before the previous name, which a coordinated name shares: "elevated
// BUN and creatinine".
struct ModifierCarry {
    bool active = false;
    Claim claim = Claim::Normal;
    std::size_t lastWord = std::string::npos; // last word of the previous name
};

// Step 1, a modifier before the name (word tb): "low platelet count", "mildly elevated
// creatinine", "not elevated BUN", or one shared from the previous name.
bool judgeByModifier(const SentenceScan& s, std::size_t tb, const NameMention& m,
                     ModifierCarry& carry, Judgement& j) {
    const auto& ws = s.sw.ws;
    std::size_t k = tb;
    if (k > 0 && in(kDegree, s.at(k - 1)))
        --k;
    if (k == 0)
        return false;
    if (auto c = preModifier(s.at(k - 1))) {
        j.claim = *c;
        j.span = {ws[k - 1].begin, m.span.end};
        if (const std::size_t neg = negationBefore(s.sw, k - 1, 4); neg != std::string::npos)
            j.claim = negate(j.claim), j.span.begin = ws[neg].begin;
        carry.active = true;
        carry.claim = j.claim;
        return true;
    }
    if ((s.at(k - 1) == "and" || s.at(k - 1) == "or" || s.at(k - 1) == ",") && carry.active &&
        carry.lastWord + 1 == k) {
        j.claim = carry.claim;
        j.span = m.span;
        return true;
    }
    return false;
}

// A number right after the name is the value the output quotes ("platelet count of
// 67,000/mm3"); returns the index of the number's last word (its unit included).
std::size_t readQuotedValue(const SentenceScan& s, std::size_t i, Judgement& j) {
    const auto& ws = s.sw.ws;
    const Word& w = ws[i];
    if (j.hasQuotedValue)
        return i;
    matchNumber(s.text, w.begin, j.quotedValue);
    const UnitMatch u = matchUnit(s.text, w.end);
    j.hasQuotedValue = true;
    j.quotedUnit = u.length ? u.key : "-";
    if (u.length) {
        const std::size_t unitEnd = w.end + u.length;
        while (i + 1 < ws.size() && ws[i + 1].begin < unitEnd)
            ++i;
    }
    return i;
}

// "Pulse: 70/min - This is within the normal range", "Hemoglobin: 10 g/dL - low": the list
// form after a dash at word i. Returns where reading stopped.
std::size_t judgeAfterDash(const SentenceScan& s, std::size_t i, const NameMention& m, Judgement& j,
                           bool& found) {
    const auto& ws = s.sw.ws;
    std::size_t n = i + 1;
    if (s.at(n) == "this" || s.at(n) == "which" || s.at(n) == "it")
        ++n;
    std::size_t probe = n;
    if (!in(kCopulas, s.at(n)) && predicate(ws, probe)) {
        j.claim = *predicate(ws, n);
        j.span = {m.span.begin, ws[std::min(n, ws.size()) - 1].end};
        found = true;
    }
    return n;
}

bool isFillerBeforePredicate(std::string_view w) {
    return w == "(" || w == ")" || w == ":" || in(kMeasureWords, w) || w == "the" || w == "both" ||
           w == "all" || w == "patient's" || w == "her" || w == "his";
}

// Step 2a, from the word after the name (te) to where its predicate would start: past a
// quoted value, the model's own printed range, fillers ("level of", "the") and names
// coordinated with it ("BUN and creatinine are"). The dash list form is judged here.
std::size_t skipToPredicate(const SentenceScan& s, std::size_t te, const NameMention& m,
                            Judgement& j, bool& found) {
    const auto& ws = s.sw.ws;
    std::size_t i = te;
    for (std::size_t steps = 0; i < ws.size() && steps < 14; ++steps) {
        const Word& w = ws[i];
        if (w.number) {
            i = readQuotedValue(s, i, j) + 1;
            continue;
        }
        if (w.lower == "(" && j.hasQuotedValue) {
            // "(normal range: 12-16 g/dL)" after the value: the model's own range.
            std::size_t close = i + 1;
            while (close < ws.size() && ws[close].lower != ")")
                ++close;
            if (close < ws.size()) {
                i = close + 1;
                continue;
            }
        }
        if ((w.lower == "-" || w.lower == "–") && j.hasQuotedValue)
            return judgeAfterDash(s, i, m, j, found);
        if (isFillerBeforePredicate(w.lower)) {
            ++i;
            continue;
        }
        if (w.lower == "and" || w.lower == "," || w.lower == "or") {
            // Coordinated names share the predicate; ", which is" starts one.
            std::size_t n = i + 1;
            if (s.at(n) == "which" || s.at(n) == "that")
                return n + 1;
            if (s.at(n) == "and")
                ++n;
            auto next =
                std::find_if(s.mentions.begin(), s.mentions.end(),
                             [&](const NameMention& o) { return s.sw.indexAt(o.span.begin) == n; });
            if (next != s.mentions.end()) {
                i = s.sw.indexAt(next->span.end);
                continue;
            }
            if (w.lower == ",") { // ", 67,000/mm3," and other asides
                ++i;
                continue;
            }
            return i;
        }
        if (w.lower == "which" || w.lower == "that")
            return i + 1;
        return i;
    }
    return i;
}

// Step 2b, the predicate at word p: "is not low", "may be elevated", "are within normal
// limits", "within normal limits".
bool judgeByPredicate(const SentenceScan& s, std::size_t p, const NameMention& m, Judgement& j) {
    const auto& ws = s.sw.ws;
    bool copula = false;
    // "may be low": the modal makes it hedged, not unjudged.
    const std::string_view w = s.at(p);
    if ((w == "may" || w == "might" || w == "could" || w == "would" || w == "can" ||
         w == "should" || w == "must") &&
        s.at(p + 1) == "be") {
        p += 2;
        copula = true;
    } else if (in(kCopulas, w)) {
        ++p;
        copula = true;
    }
    bool negated = false;
    if (copula && (s.at(p) == "not" || s.at(p) == "n't")) {
        negated = true;
        ++p;
    }
    if (copula &&
        (s.at(p) == "also" || s.at(p) == "still" || s.at(p) == "both" || s.at(p) == "all"))
        ++p;
    if (in(kDegree, s.at(p))) {
        j.qualified = negated && in(kStrongDegree, s.at(p));
        ++p;
    }
    std::size_t after = p;
    const bool directOk = s.at(p) == "within" || s.at(p) == "in" || s.at(p) == "wnl";
    if (!copula && !directOk)
        return false;
    const auto c = predicate(ws, after);
    if (!c)
        return false;
    j.claim = negated ? negate(*c) : *c;
    j.span = {m.span.begin, ws[std::min(after, ws.size()) - 1].end};
    return true;
}

// "vital signs are within normal limits, except for a low pulse": the exception is
// judged apart, so the blanket judgement is dropped.
bool exceptionFollows(const SentenceScan& s, std::size_t last) {
    for (std::size_t e = last; e < s.sw.ws.size(); ++e)
        if (s.at(e) == "except" || s.at(e) == "apart" ||
            (s.at(e) == "other" && s.at(e + 1) == "than") || s.at(e) == "besides")
            return true;
    return false;
}

// A name that is not a blood level: "urine osmolality", "glucose uptake".
bool notABloodLevel(const SentenceScan& s, std::size_t tb, std::size_t te) {
    if ((tb > 0 && in(kOtherSpecimenWords, s.at(tb - 1))) ||
        (tb > 1 && in(kOtherSpecimenWords, s.at(tb - 2))))
        return true;
    return in(kProcessNouns, s.at(te)) || (s.at(te) == "-" && in(kProcessNouns, s.at(te + 1)));
}

} // namespace

const char* claimWords(Claim claim) {
    switch (claim) {
    case Claim::Low:
        return "low";
    case Claim::High:
        return "elevated";
    case Claim::Normal:
        return "normal";
    case Claim::NotLow:
        return "not low";
    case Claim::NotHigh:
        return "not elevated";
    case Claim::Abnormal:
        return "abnormal";
    }
    return "";
}

JudgementFinder::JudgementFinder(const ReferenceRangeTable& table, const AnalyteNameIndex& names)
    : table_(table), names_(names) {
    for (const StateWord& w : table_.stateWords()) {
        stateWords_[w.word].push_back(&w);
        stateWordStarts_.add(w.word);
    }
}

std::vector<Judgement> JudgementFinder::find(std::string_view output) const {
    return find(OutputText(output));
}

std::vector<Judgement> JudgementFinder::find(const OutputText& output) const {
    std::vector<Judgement> out;
    for (std::size_t s = 0; s < output.sentences().size(); ++s) {
        findMentionJudgements(output, s, out);
        findStateJudgements(output, s, out);
    }
    return out;
}

void JudgementFinder::findMentionJudgements(const OutputText& output, std::size_t si,
                                            std::vector<Judgement>& out) const {
    const SentenceWords& sw = output.words(si);
    const std::vector<NameMention> mentions =
        nameMentions(names_, output, output.sentences()[si], sw);
    if (mentions.empty())
        return;
    const SentenceScan s{output.text(), sw, mentions};
    const bool other = otherPersonIn(sw);
    ModifierCarry carry;
    for (const NameMention& m : mentions) {
        const std::size_t tb = sw.indexAt(m.span.begin);
        const std::size_t te = sw.indexAt(m.span.end);
        if (notABloodLevel(s, tb, te))
            continue;
        Judgement j;
        j.analytes = m.analytes;
        j.group = m.group;
        j.mentionSpan = m.span;
        j.otherPerson = other;
        bool found = judgeByModifier(s, tb, m, carry, j);
        if (!found)
            carry.active = false;
        carry.lastWord = te - 1;
        if (!found) {
            const std::size_t p = skipToPredicate(s, te, m, j, found);
            // A list form judged after a dash reads no further predicate.
            if (!found)
                found = judgeByPredicate(s, p, m, j);
        }
        if (!found)
            continue;
        const std::size_t last = sw.indexAt(j.span.end);
        if ((j.group || j.claim == Claim::Normal) && exceptionFollows(s, last))
            continue;
        j.hedged = hedgedBefore(sw, last > 0 ? last - 1 : 0);
        j.generic = genericAround(sw, tb);
        out.push_back(std::move(j));
    }
}

void JudgementFinder::findStateJudgements(const OutputText& output, std::size_t si,
                                          std::vector<Judgement>& out) const {
    const std::string_view text = output.text();
    const SentenceWords& sw = output.words(si);
    const auto& ws = sw.ws;
    auto at = [&](std::size_t i) -> std::string_view {
        return i < ws.size() ? std::string_view(ws[i].lower) : std::string_view();
    };
    // Most sentences name no state: look for one before reading the sentence's context.
    std::size_t first = 0;
    auto isStateWord = [&](std::string_view w) {
        return stateWordStarts_.mayStart(w) && stateWords_.find(w) != stateWords_.end();
    };
    while (first < ws.size() && !isStateWord(ws[first].lower))
        ++first;
    if (first == ws.size())
        return;
    const bool other = otherPersonIn(sw);
    bool optionSentence = false;
    for (const Word& w : ws)
        optionSentence = optionSentence || w.lower == "option" || w.lower == "options" ||
                         w.lower == "choice" || w.lower == "answer";
    // "A) Abrupt hypotension: ..." restates an answer choice.
    if (ws.size() > 2 && ws[0].lower.size() == 1 && ws[0].lower[0] >= 'a' &&
        ws[0].lower[0] <= 'j' && (ws[1].lower == ")" || ws[1].lower == ":" || ws[1].lower == "."))
        optionSentence = true;
    for (std::size_t k = first; k < ws.size(); ++k) {
        if (!stateWordStarts_.mayStart(ws[k].lower))
            continue;
        const auto found = stateWords_.find(ws[k].lower);
        if (found == stateWords_.end())
            continue;
        {
            // The first row naming the word speaks for all ("hypotension": systolic or diastolic).
            const StateWord& sword = *found->second.front();
            Judgement j;
            for (const StateWord* o : found->second)
                if (std::find(j.analytes.begin(), j.analytes.end(), o->analyte) == j.analytes.end())
                    j.analytes.push_back(o->analyte);
            j.stateWord = std::string(text.substr(ws[k].begin, ws[k].end - ws[k].begin));
            j.mentionSpan = {ws[k].begin, ws[k].end};
            j.span = j.mentionSpan;
            j.otherPerson = other;
            const bool adjective = isAdjectiveState(sword.word);
            const std::size_t neg = negationBefore(sw, k, 6);
            if (sword.direction == StateDirection::Normal) {
                j.claim = Claim::Normal; // "afebrile", "normocytic"
                if (neg != std::string::npos)
                    continue;
            } else if (neg != std::string::npos) {
                j.claim = sword.direction == StateDirection::Low ? Claim::NotLow : Claim::NotHigh;
                j.stateNegated = true;
                j.span.begin = ws[neg].begin;
            } else {
                j.claim = sword.direction == StateDirection::Low ? Claim::Low : Claim::High;
                // An adjective asserts a state only as a predicate ("she is febrile") or
                // before "anemia"/"patient"; "thrombocytopenic purpura" names a disease.
                if (adjective) {
                    const bool pred =
                        k > 0 && (in(kCopulas, at(k - 1)) ||
                                  (k > 1 && in(kDegree, at(k - 1)) && in(kCopulas, at(k - 2))) ||
                                  at(k - 1) == "became" || at(k - 1) == "remains");
                    const bool beforeNoun =
                        at(k + 1) == "anemia" || at(k + 1) == "patient" || at(k + 1) == "and";
                    if (!pred && !beforeNoun)
                        continue;
                } else if (at(k + 1) == "of" && at(k + 2) == "unknown") {
                    continue;
                }
                if (optionSentence)
                    j.generic = true; // listing an option is no assertion about the patient
            }
            j.hedged = hedgedBefore(sw, k);
            j.generic = j.generic || genericAround(sw, k);
            out.push_back(std::move(j));
        }
    }
}

} // namespace rs::reading
