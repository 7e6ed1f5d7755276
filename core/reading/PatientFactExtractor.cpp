#include "PatientFactExtractor.h"

#include "ReadingText.h"
#include "UnitNames.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

namespace rs::reading {

namespace {

constexpr std::array<std::string_view, 12> kNumberWords = {"zero",  "one",  "two", "three",
                                                           "four",  "five", "six", "seven",
                                                           "eight", "nine", "ten", "eleven"};

bool startsWithAt(std::string_view lower, std::size_t pos, std::string_view what) {
    return lower.substr(pos, what.size()) == what;
}

// "year" from "years", "yr"; empty when w is no time unit.
std::string timeUnit(std::string_view w) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> units = {
        {{"hours", "hour"},
         {"hour", "hour"},
         {"days", "day"},
         {"day", "day"},
         {"weeks", "week"},
         {"week", "week"},
         {"months", "month"},
         {"month", "month"},
         {"years", "year"},
         {"year", "year"},
         {"yrs", "year"},
         {"yr", "year"}}};
    for (const auto& [form, unit] : units)
        if (w == form)
            return std::string(unit);
    return {};
}

std::size_t skipSpaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ')
        ++i;
    return i;
}

Sex sexNoun(std::string_view lowerWord) {
    static constexpr std::array<std::string_view, 7> female = {
        "woman", "female", "girl", "lady", "women", "primigravida", "daughter"};
    static constexpr std::array<std::string_view, 6> male = {"man",       "male", "boy",
                                                             "gentleman", "men",  "son"};
    for (auto w : female)
        if (lowerWord == w)
            return Sex::Female;
    for (auto w : male)
        if (lowerWord == w)
            return Sex::Male;
    return Sex::Unknown;
}

} // namespace

DurationMatch matchDuration(std::string_view lowerText, std::size_t pos) {
    const std::string_view lower = lowerText.substr(pos, 40);
    DurationMatch m;
    double amount = 0;
    std::size_t i = matchNumber(lower, 0, amount);
    if (i == 0) {
        for (std::size_t k = 0; k < kNumberWords.size(); ++k)
            if (startsWithAt(lower, 0, kNumberWords[k]) && lower.size() > kNumberWords[k].size() &&
                !isWordByte(lower[kNumberWords[k].size()])) {
                amount = static_cast<double>(k);
                i = kNumberWords[k].size();
            }
        if (i == 0)
            return m;
    }
    if (i < lower.size() && (lower[i] == '-' || lower[i] == ' '))
        ++i;
    std::size_t e = i;
    while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e])))
        ++e;
    const std::string unit = timeUnit(lower.substr(i, e - i));
    if (unit.empty())
        return m;
    return {e, amount, unit};
}

// The words before "pregnan" that make it another time's or another person's pregnancy
// ("not pregnant", "trying to become", "her previous", "her mother").
static bool saysNotPregnantNow(std::string_view before) {
    for (std::string_view cue : {"not ", "become", "trying", "plan", "previous", "prior", "last",
                                 "first", "during her", "get", "mother"})
        if (before.find(cue) != std::string_view::npos)
            return true;
    return false;
}

PatientFacts readPatientFacts(std::string_view q) {
    PatientFacts f;
    const std::string lower = lowerAscii(q);
    // Ages: "48-year-old", "3-week-old", "6-month-old"; the first is the patient unless an
    // adult "brings" a child.
    struct Age {
        double years;
        Span span;
        Sex sex;
        std::size_t nounEnd;
    };
    std::vector<Age> ages;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(q[i])) || (i > 0 && isWordByte(q[i - 1])))
            continue;
        double n = 0;
        const std::size_t len = matchNumber(q, i, n);
        std::size_t j = i + len;
        if (j >= q.size() || (q[j] != '-' && q[j] != ' '))
            continue;
        ++j;
        double scale = 0;
        for (auto [unit, s] : {std::pair<std::string_view, double>{"year", 1.0},
                               {"month", 1.0 / 12},
                               {"week", 1.0 / 52},
                               {"day", 1.0 / 365}})
            if (startsWithAt(lower, j, unit)) {
                scale = s;
                j += unit.size();
            }
        if (scale == 0 || !(startsWithAt(lower, j, "-old") || startsWithAt(lower, j, "s old") ||
                            startsWithAt(lower, j, " old")))
            continue;
        j = lower.find("old", j) + 3;
        std::size_t k = skipSpaces(lower, j);
        std::size_t e = k;
        while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e])))
            ++e;
        Sex sex = sexNoun(std::string_view(lower).substr(k, e - k));
        if (sex == Sex::Unknown && e < lower.size()) { // "a 25-year-old pregnant woman"
            std::size_t k2 = skipSpaces(lower, e), e2 = k2;
            while (e2 < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e2])))
                ++e2;
            sex = sexNoun(std::string_view(lower).substr(k2, e2 - k2));
            if (sex != Sex::Unknown)
                e = e2;
        }
        ages.push_back({n * scale, {i, j}, sex, e});
        f.agesMentioned.push_back(n * scale);
        i = j;
    }
    if (!ages.empty()) {
        std::size_t pick = 0;
        // "A 35-year-old woman brings her 3-year-old son": the child is the patient.
        if (ages.size() > 1) {
            const std::string_view between = std::string_view(lower).substr(
                ages[0].span.end, ages[1].span.begin - ages[0].span.end);
            if (between.size() < 40 && between.find("brings") != std::string_view::npos)
                pick = 1;
        }
        f.ageYears = ages[pick].years;
        f.ageSpan = ages[pick].span;
        f.sex = ages[pick].sex;
        if (f.sex != Sex::Unknown)
            f.sexSpan = {ages[pick].span.begin, ages[pick].nounEnd};
    }
    if (f.sex == Sex::Unknown) { // pronouns decide: "she/her" against "he/his/him"
        int female = 0, male = 0;
        for (const Word& w : words(q, lower, 0, q.size())) {
            female += w.lower == "she" || w.lower == "her";
            male += w.lower == "he" || w.lower == "his" || w.lower == "him";
        }
        if (female > 2 * male && female >= 2)
            f.sex = Sex::Female;
        else if (male > 2 * female && male >= 2)
            f.sex = Sex::Male;
    }
    // Pregnancy.
    const bool child = f.ageYears >= 0 && f.ageYears < 10;
    for (std::size_t p = lower.find("pregnan"); p != std::string::npos;
         p = lower.find("pregnan", p + 1)) {
        const std::string_view before =
            std::string_view(lower).substr(p >= 30 ? p - 30 : 0, p >= 30 ? 30 : p);
        const bool notNow = saysNotPregnantNow(before);
        const std::string_view after = std::string_view(lower).substr(p, 40);
        if (after.rfind("pregnancy test", 0) == 0 || after.rfind("pregnancies", 0) == 0) {
            if (after.find("negative") != std::string_view::npos && f.pregnant < 0) {
                f.pregnant = 0;
                f.pregnancySpan = {p, p + 14};
            }
            continue;
        }
        if (after.rfind("pregnant", 0) == 0 && !notNow && !child && f.pregnant != 1) {
            f.pregnant = 1;
            f.pregnancySpan = {p, p + 8};
        }
    }
    for (std::string_view cue : {"weeks' gestation", "weeks’ gestation", "weeks of gestation",
                                 "week's gestation", "weeks gestation"}) {
        for (std::size_t p = lower.find(cue); p != std::string::npos; p = lower.find(cue, p + 1)) {
            std::size_t b = p;
            while (b > 0 &&
                   (std::isdigit(static_cast<unsigned char>(lower[b - 1])) || lower[b - 1] == ' '))
                --b;
            const std::string_view before =
                std::string_view(lower).substr(b >= 40 ? b - 40 : 0, b >= 40 ? 40 : b);
            const bool birth = child || before.find("born") != std::string_view::npos ||
                               before.find("deliver") != std::string_view::npos;
            f.gestationWeeks.push_back(std::atoi(std::string(lower.substr(b, p - b)).c_str()));
            if (!birth && f.pregnant != 1) {
                f.pregnant = 1;
                f.pregnancySpan = {b, p + cue.size()};
            }
        }
    }
    for (std::string_view cue : {"menopaus", "hysterectomy", "oophorectomy", "amenorrhea",
                                 "last menstrual", "menses", "menstrual period", "perimenopaus"})
        if (lower.find(cue) != std::string::npos)
            f.mentionsMenopause = true;
    // Durations: "2-month history", "for 3 weeks".
    for (std::size_t i = 0; i < q.size(); ++i) {
        if ((i > 0 && isWordByte(q[i - 1])) || !std::isalnum(static_cast<unsigned char>(q[i])))
            continue;
        if (!std::isdigit(static_cast<unsigned char>(q[i])) && !std::strchr("otfsenOTFSEN", q[i]))
            continue;
        const DurationMatch d = matchDuration(lower, i);
        if (d.length == 0)
            continue;
        const std::size_t end = i + d.length;
        const std::size_t h = skipSpaces(lower, end);
        const bool history = startsWithAt(lower, h, "history");
        if (startsWithAt(lower, end, "-old") || startsWithAt(lower, end, "s old") ||
            startsWithAt(lower, end, " old")) {
            i = end;
            continue;
        }
        f.durations.push_back({d.amount, d.unit, {i, end}, history});
        i = end;
    }
    return f;
}

} // namespace rs::reading
