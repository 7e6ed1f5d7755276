#include "FactChecker.h"

#include "JudgementContext.h"
#include "PatientFactExtractor.h"
#include "ReadingText.h"
#include "UnitNames.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

namespace rs::reading {

namespace {

Sex sexWord(std::string_view w) {
    if (w == "woman" || w == "female" || w == "girl" || w == "lady")
        return Sex::Female;
    if (w == "man" || w == "male" || w == "boy" || w == "gentleman")
        return Sex::Male;
    return Sex::Unknown;
}

const char* sexName(Sex s) {
    return s == Sex::Female ? "female" : s == Sex::Male ? "male" : "unknown";
}

ReadingFinding misquote(std::string analyte, Span q, Span o, std::string explanation) {
    ReadingFinding f;
    f.kind = ReadingKind::FactMisquoted;
    f.analyte = std::move(analyte);
    f.questionSpan = q;
    f.outputSpan = o;
    f.severity = 2;
    f.explanation = std::move(explanation);
    return f;
}

std::string digitsOnly(std::string_view s) {
    std::string d;
    d.reserve(s.size());
    for (char c : s)
        if (c != ',')
            d += c;
    return d;
}

// Words that start a fact pattern, besides numbers and "...menopausal".
const WordSet kFactCandidates = {"she",  "patient", "one",   "two",   "three", "four",
                                 "five", "six",     "seven", "eight", "nine",  "ten"};

// Only sentences with a number, an age or time word, or a pregnancy or menopause word can
// misquote a fact.
// One pass over the sentence: a search per word read each sentence six more times.
bool mayQuoteAFact(std::string_view text) {
    // Per byte: 1 for a digit, 2 + k for the first letter of kFactStems[k], else 0.
    static constexpr std::array<std::string_view, 6> kFactStems = {"regnan", "enopaus", "year",
                                                                   "week",   "month",   "day"};
    static const std::array<unsigned char, 256> kind = [] {
        std::array<unsigned char, 256> t{};
        for (char c = '0'; c <= '9'; ++c)
            t[static_cast<unsigned char>(c)] = 1;
        for (std::size_t k = 0; k < kFactStems.size(); ++k)
            t[static_cast<unsigned char>(kFactStems[k][0])] = static_cast<unsigned char>(2 + k);
        return t;
    }();
    for (std::size_t p = 0; p < text.size(); ++p) {
        const unsigned char k = kind[static_cast<unsigned char>(text[p])];
        if (k == 1)
            return true;
        if (k > 1 && text.compare(p, kFactStems[k - 2].size(), kFactStems[k - 2]) == 0)
            return true;
    }
    return false;
}

// "a 3-month history" (os) against the question's history of another length.
std::optional<ReadingFinding> misquotedHistory(std::string_view question, std::string_view output,
                                               const PatientFacts& pf, const DurationMatch& d,
                                               Span os) {
    bool same = false, other = false;
    Span qspan;
    for (const auto& qd : pf.durations) {
        if (qd.unit != d.unit)
            continue;
        if (std::fabs(qd.amount - d.amount) < 0.01)
            same = true;
        else if (qd.history)
            other = true, qspan = qd.span;
    }
    if (!other || same)
        return std::nullopt;
    return misquote("duration", qspan, os,
                    "Gives " + quote(output, os) + "; the question says \"" +
                        quote(question, {qspan.begin, qspan.end + 8}) + "\".");
}

} // namespace

std::vector<ReadingFinding> checkFacts(std::string_view question, const QuestionFacts& facts,
                                       const OutputText& ot) {
    const std::string_view output = ot.text();
    std::vector<ReadingFinding> out;
    // Read only once an output phrase could quote a fact: each test below reads pf() last.
    auto pf = [&]() -> const PatientFacts& { return facts.get(); };
    for (std::size_t si = 0; si < ot.sentences().size(); ++si) {
        const Span& s = ot.sentences()[si];
        if (!mayQuoteAFact(output.substr(s.begin, s.end - s.begin)))
            continue;
        const SentenceWords& sw = ot.words(si);
        const auto& ws = sw.ws;
        auto at = [&](std::size_t i) -> std::string_view {
            return i < ws.size() ? std::string_view(ws[i].lower) : std::string_view();
        };
        if (otherPersonIn(sw))
            continue;
        for (std::size_t k = 0; k < ws.size(); ++k) {
            const std::string_view w0 = ws[k].lower;
            const bool candidate =
                ws[k].number || in(kFactCandidates, w0) ||
                (w0.size() >= 10 && w0.find("menopausal") != std::string_view::npos);
            if (!candidate)
                continue;
            // Asked only once a pattern below matched: it reads the clause before k.
            auto hedged = [&, h = -1]() mutable {
                if (h < 0)
                    h = hedgedBefore(sw, k) ? 1 : 0;
                return h == 1;
            };
            // "a 45-year-old woman": age and sex.
            if (ws[k].number && at(k + 1) == "-" &&
                (at(k + 2) == "year-old" || at(k + 2) == "years-old")) {
                const double age = std::atof(digitsOnly(ws[k].lower).c_str());
                const Span os{ws[k].begin, ws[std::min(k + 3, ws.size() - 1)].end};
                if (pf().ageYears >= 1 && !hedged() &&
                    std::none_of(pf().agesMentioned.begin(), pf().agesMentioned.end(),
                                 [&](double a) { return std::fabs(a - age) < 0.01; }))
                    out.push_back(misquote(
                        "age", pf().ageSpan, os,
                        "Calls the patient " + quote(output, {ws[k].begin, ws[k + 2].end}) +
                            " (\"" + quote(output, os) + "\"); the question says " +
                            quote(question, pf().ageSpan) + "."));
                const Sex said = sexWord(at(k + 3));
                if (said != Sex::Unknown && pf().sex != Sex::Unknown && !pf().sexSpan.empty() &&
                    said != pf().sex && !hedged() && std::fabs(age - pf().ageYears) < 0.01)
                    out.push_back(misquote("sex", pf().sexSpan, os,
                                           std::string("Calls the patient ") + sexName(said) +
                                               " (\"" + quote(output, os) +
                                               "\"); the question introduces a " +
                                               sexName(pf().sex) + " patient (\"" +
                                               quote(question, pf().sexSpan) + "\")."));
            }
            // Pregnancy stated against the question.
            if ((at(k) == "she" || at(k) == "patient") && at(k + 1) == "is" && !hedged()) {
                std::size_t v = k + 2;
                const bool negated = at(v) == "not";
                if (negated)
                    ++v;
                if (at(v) == "currently")
                    ++v;
                if (at(v) == "pregnant") {
                    const Span os{ws[k].begin, ws[v].end};
                    if (!negated && (pf().pregnant == 0 || pf().sex == Sex::Male) &&
                        !pf().sexSpan.empty())
                        out.push_back(misquote(
                            "pregnancy", pf().pregnant == 0 ? pf().pregnancySpan : pf().sexSpan, os,
                            "Says the patient is pregnant (\"" + quote(output, os) +
                                "\"); the question says \"" +
                                quote(question,
                                      pf().pregnant == 0 ? pf().pregnancySpan : pf().sexSpan) +
                                "\"."));
                    if (negated && pf().pregnant == 1)
                        out.push_back(misquote("pregnancy", pf().pregnancySpan, os,
                                               "Says the patient is not pregnant (\"" +
                                                   quote(output, os) + "\"); the question says \"" +
                                                   quote(question, pf().pregnancySpan) + "\"."));
                }
            }
            // Menopause against age: only ages where it is clearly impossible or certain.
            const bool post = at(k) == "postmenopausal" || at(k) == "post-menopausal";
            const bool pre = at(k) == "premenopausal" || at(k) == "pre-menopausal";
            if ((post || pre) && !hedged() && !pf().mentionsMenopause && pf().ageYears >= 0 &&
                !genericAround(sw, k)) {
                const bool wrong = (post && (pf().ageYears < 40 || pf().sex == Sex::Male)) ||
                                   (pre && pf().ageYears >= 60);
                if (wrong) {
                    const Span os{ws[k].begin, ws[k].end};
                    out.push_back(misquote(
                        "menopause", pf().ageSpan, os,
                        "Calls the patient " + quote(output, os) + " (\"" +
                            quote(output, {s.begin, std::min(s.end, ws[k].end + 40)}) +
                            "\"); the question describes a " +
                            quote(question, pf().sexSpan.empty() ? pf().ageSpan : pf().sexSpan) +
                            "."));
                }
            }
            // Gestational age: "at 30 weeks' gestation" against the question's weeks.
            if (ws[k].number && (at(k + 1) == "weeks" || at(k + 1) == "week") && !hedged() &&
                !pf().gestationWeeks.empty()) {
                const bool gestation = at(k + 2) == "gestation" || at(k + 2) == "pregnant" ||
                                       (at(k + 2) == "'" && at(k + 3) == "gestation") ||
                                       (at(k + 2) == "of" && at(k + 3) == "gestation") ||
                                       at(k + 2) == "weeks'";
                const int weeks = std::atoi(std::string(ws[k].lower).c_str());
                bool anchored = k > 0 && at(k - 1) == "at";
                bool aboutPatient = false;
                for (const Word& w : ws)
                    aboutPatient = aboutPatient || w.lower == "patient" || w.lower == "she" ||
                                   w.lower == "her";
                if (gestation && anchored && aboutPatient &&
                    std::find(pf().gestationWeeks.begin(), pf().gestationWeeks.end(), weeks) ==
                        pf().gestationWeeks.end()) {
                    const Span os{ws[k].begin, ws[std::min(k + 3, ws.size() - 1)].end};
                    out.push_back(misquote("gestational age", pf().pregnancySpan, os,
                                           "Gives the gestational age as " + quote(output, os) +
                                               "; the question says \"" +
                                               quote(question, pf().pregnancySpan) + "\"."));
                }
            }
            // Durations: "a 3-month history" where the question's history is 2 months.
            if (k == 0 || !ws[k - 1].number) {
                const DurationMatch d = matchDuration(ot.lower(), ws[k].begin);
                if (d.length) {
                    const std::size_t end = ws[k].begin + d.length;
                    const std::size_t next = sw.indexAt(end);
                    if (at(next) == "history" && !hedged())
                        if (auto f = misquotedHistory(question, output, pf(), d,
                                                      {ws[k].begin, ws[next].end}))
                            out.push_back(std::move(*f));
                }
            }
        }
    }
    return out;
}

std::vector<ReadingFinding> checkQuotedValues(std::string_view question,
                                              const QuestionReading& reading, const OutputText& ot,
                                              const ReferenceRangeTable& table,
                                              const AnalyteNameIndex& names) {
    std::vector<ReadingFinding> out;
    const std::string_view output = ot.text();
    const std::string& lower = ot.lower();
    // The question without thousands separators, made once a number is compared with it.
    std::string qDigits;
    bool qDigitsMade = false;
    for (std::size_t si = 0; si < ot.sentences().size(); ++si) {
        const Span& s = ot.sentences()[si];
        const std::string_view text = output.substr(s.begin, s.end - s.begin);
        if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const std::vector<AnalyteMention> mentions = names.find(output, lower, s.begin, s.end);
        if (mentions.empty())
            continue;
        const SentenceWords& sw = ot.words(si);
        if (otherPersonIn(sw))
            continue;
        for (const AnalyteMention& m : mentions) {
            std::size_t k = sw.indexAt(m.span.end);
            std::size_t steps = 0;
            while (k < sw.ws.size() && steps < 3 && !sw.ws[k].number) {
                const std::string_view w = sw.ws[k].lower;
                if (!(w == "of" || w == "is" || w == "was" || w == ":" || w == "(" ||
                      w == "level" || w == "count" || w == "at"))
                    break;
                ++k, ++steps;
            }
            if (k >= sw.ws.size() || !sw.ws[k].number)
                continue;
            if (k > 0 && (sw.ws[k - 1].lower == "than" || sw.ws[k - 1].lower == "to"))
                continue;
            if (k + 1 < sw.ws.size() &&
                (sw.ws[k + 1].lower == "-" || sw.ws[k + 1].lower == "to" ||
                 sw.ws[k + 1].lower == "–" ||
                 (sw.ws[k + 1].lower == "/" && k + 2 < sw.ws.size() && sw.ws[k + 2].number)))
                continue;
            if (hedgedBefore(sw, k) || genericAround(sw, k))
                continue;
            const std::string written =
                std::string(output.substr(sw.ws[k].begin, sw.ws[k].end - sw.ws[k].begin));
            if (!qDigitsMade)
                qDigits = digitsOnly(question), qDigitsMade = true;
            if (qDigits.find(digitsOnly(written)) != std::string::npos)
                continue; // the number is in the question (perhaps another value's): not a clear
                          // misquote
            double said = 0;
            matchNumber(output, sw.ws[k].begin, said);
            const UnitMatch u = matchUnit(output, sw.ws[k].end);
            const MeasuredValue* closest = nullptr;
            bool comparable = false, matched = false;
            for (const MeasuredValue& v : reading.values) {
                if (v.analyte != m.analyte || !v.specimen.empty())
                    continue;
                const auto qv = table.toTableUnit(v.analyte, v.value, v.unit);
                const auto ov = table.toTableUnit(v.analyte, said, u.length ? u.key : v.unit);
                if (!qv || !ov)
                    continue;
                comparable = true;
                // Rounding ("590" for 589) and unit conversion are no misquote.
                if (std::fabs(*qv - *ov) <= std::max(0.02 * std::fabs(*qv), 1e-9))
                    matched = true;
                if (!v.alternate)
                    closest = &v;
            }
            if (matched)
                continue;
            if (!comparable || !closest)
                continue;
            const Span os{m.span.begin, sw.ws[k].end + (u.length ? u.length : 0)};
            out.push_back(misquote(m.analyte, closest->span, os,
                                   "Quotes " + quote(output, os) + "; the question gives " +
                                       quote(question, closest->span) + "."));
        }
    }
    return out;
}

} // namespace rs::reading
