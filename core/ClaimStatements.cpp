// An answer option that states a relation, then the model's verdict on it: "B)
// Administration of gonadotropins will increase the chances of conceiving - This statement
// is not true" denies what the option states (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

namespace {

// The verdict's last word, after "This statement is" (or "That option is"): those that
// deny the statement.
constexpr std::array<std::string_view, 5> kFalseVerdicts = {"false", "incorrect", "inaccurate",
                                                            "untrue", "wrong"};
constexpr std::array<std::string_view, 4> kTrueVerdicts = {"true", "accurate", "correct", "right"};
// What the verdict judges: "This statement", "That option".
constexpr std::array<std::string_view, 3> kStatementNouns = {"statement", "option", "claim"};

} // namespace

void ClaimExtractor::deniedStatements(const Reading& r, const Sentence& s,
                                      std::vector<Claim>& claims, std::size_t first) const {
    // After a colon or a spaced dash: "this"/"that", "statement"/"option"/"claim", "is",
    // "not" and a true-word or a false-word, and the sentence ends there.
    for (std::size_t t = s.ta + 1; t + 3 < s.tb; ++t) {
        const std::string_view sep = r.separator(t);
        const bool dash =
            hasAny(sep, "-") && !sep.empty() && sep.front() == ' ' && sep.back() == ' ';
        if (!(hasAny(sep, ":") || dash) ||
            !(r.tokens[t].norm == "this" || r.tokens[t].norm == "that") ||
            !words::in(kStatementNouns, r.tokens[t + 1].norm) || r.tokens[t + 2].norm != "is")
            continue;
        std::size_t v = t + 3;
        const bool notWord = r.tokens[v].norm == "not";
        if (notWord)
            ++v;
        if (v + 1 != s.tb)
            return;
        const bool denies = notWord ? words::in(kTrueVerdicts, r.tokens[v].norm)
                                    : words::in(kFalseVerdicts, r.tokens[v].norm);
        if (!denies)
            return;
        const std::size_t verdictAt = r.tokens[t].begin;
        for (std::size_t i = first; i < claims.size(); ++i)
            if (claims[i].phraseEnd <= verdictAt)
                claims[i].polarity = Polarity::Negated;
        return;
    }
}

} // namespace rs
