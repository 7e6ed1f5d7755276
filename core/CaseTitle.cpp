#include "CaseTitle.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace rs {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string collapseSpace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (isSpace(c)) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// The first sentence: up to a '.', '?' or '!' followed by a space (a decimal point such as
// "39.1°C" is not followed by one). complete is false when the text ends inside it.
std::string firstSentence(const std::string& text, bool* complete) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ') {
            *complete = true;
            return text.substr(0, i);
        }
    if (!text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!')) {
        *complete = true;
        return text.substr(0, text.size() - 1);
    }
    *complete = false;
    const std::size_t lastSpace = text.rfind(' ');
    return lastSpace == std::string::npos ? text : text.substr(0, lastSpace);
}

std::string lower(std::string s) {
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool startsWithWord(std::string_view text, std::string_view word) {
    return text.size() > word.size() && lower(std::string(text.substr(0, word.size()))) == word &&
           text[word.size()] == ' ';
}

std::string dropArticle(std::string s) {
    for (std::string_view article : {"a", "an", "the"})
        if (startsWithWord(s, article))
            return s.substr(article.size() + 1);
    return s;
}

// "35-year-old woman", "3-week-old male newborn", "59-year-old overweight woman": the age
// and up to two words before a person noun. Sets [begin, end) to where it stands in text.
std::string patientPhrase(const std::string& text, std::size_t* begin, std::size_t* end) {
    static const std::regex pattern(
        R"((\d+(?:\.\d+)?)[- ](year|month|week|day|hour)s?[- ]old(?:[- ]([A-Za-z]+(?: [A-Za-z]+)?))?[- ])"
        R"((woman|man|boy|girl|male|female|newborn|infant|neonate|child|baby|toddler|adolescent|patient|)"
        R"(primigravida|gravida|multigravida|nulligravida|primipara|multipara|nullipara)\b)",
        std::regex::icase);
    std::smatch m;
    if (std::regex_search(text, m, pattern)) {
        *begin = std::size_t(m.position(0));
        *end = *begin + std::size_t(m.length(0));
        std::string phrase = m.str(1) + "-" + lower(m.str(2)) + "-old ";
        if (m[3].matched)
            phrase += m.str(3) + " ";
        return phrase + m.str(4);
    }
    // No person noun within reach: the age alone still names the patient.
    static const std::regex ageOnly(R"((\d+(?:\.\d+)?)[- ](year|month|week|day)s?[- ]old\b)",
                                    std::regex::icase);
    if (std::regex_search(text, m, ageOnly)) {
        *begin = std::size_t(m.position(0));
        *end = *begin + std::size_t(m.length(0));
        return m.str(1) + "-" + lower(m.str(2)) + "-old";
    }
    return {};
}

// Where the reason for the visit starts after one of the phrases that introduce it.
std::size_t complaintStart(const std::string& rest) {
    // Longer phrases first, so that "with the complaint of" wins over "with" at one place.
    static const std::array<std::string_view, 13> cues = {"with the complaints of ",
                                                          "with the complaint of ",
                                                          "with complaints of ",
                                                          "after the onset of ",
                                                          "after an episode of ",
                                                          "for evaluation of ",
                                                          "complaining of ",
                                                          "because of ",
                                                          "due to ",
                                                          "requesting ",
                                                          "with ",
                                                          "for ",
                                                          "after "};
    // Words after which "with" or "for" introduce a person or a place, not a complaint:
    // "with her physician", "for a regular prenatal visit", "with a history of asthma".
    static const std::array<std::string_view, 10> notAComplaint = {
        "her ",   "his ",      "their ", "the ", "a history",
        "a past", "a regular", "he ",    "she ", "they "};
    const std::string low = lower(rest);
    // A phrase that names the visit ("because of") beats one that may not ("with"); and
    // "with" right after the patient ("a 67-year-old man with diabetes") is background.
    auto rank = [](bool weak, std::size_t at) { return !weak ? 0 : at > 0 ? 1 : 2; };
    std::size_t best = std::string::npos, bestLength = 0;
    int bestRank = 3;
    for (std::string_view cue : cues) {
        for (std::size_t at = low.find(cue); at != std::string::npos; at = low.find(cue, at + 1)) {
            if (at > 0 && low[at - 1] != ' ')
                continue;
            const std::string_view after = std::string_view(low).substr(at + cue.size());
            const bool weak = cue == "with " || cue == "for " || cue == "after ";
            if (weak &&
                std::any_of(notAComplaint.begin(), notAComplaint.end(),
                            [&](std::string_view w) { return after.substr(0, w.size()) == w; }))
                continue;
            const int r = rank(weak, at);
            if (r < bestRank ||
                (r == bestRank && (at < best || (at == best && cue.size() > bestLength)))) {
                best = at;
                bestLength = cue.size();
                bestRank = r;
            }
        }
    }
    return best == std::string::npos ? std::string::npos : best + bestLength;
}

// "a 2-day history of right upper abdominal pain" -> "right upper abdominal pain for 2 days"
std::string historyLast(const std::string& complaint) {
    static const std::regex history(
        R"(^(?:an? )?(\d+)-(hour|day|week|month|year) history of (.+)$)", std::regex::icase);
    std::smatch m;
    if (!std::regex_match(complaint, m, history))
        return complaint;
    const std::string unit = lower(m.str(2)) + (m.str(1) == "1" ? "" : "s");
    return m.str(3) + " for " + m.str(1) + " " + unit;
}

std::size_t codePoints(std::string_view s) {
    return std::size_t(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first n code points of s.
std::string firstCodePoints(const std::string& s, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n)
            return s.substr(0, i);
    return s;
}

// s cut at a word boundary to at most maxChars code points, "…" marking the cut.
std::string fit(const std::string& s, std::size_t maxChars, bool cutAlready) {
    if (codePoints(s) <= maxChars && !cutAlready)
        return s;
    std::string head = codePoints(s) + 1 <= maxChars ? s : firstCodePoints(s, maxChars - 1);
    if (head.size() < s.size()) {
        const std::size_t space = head.rfind(' ');
        if (space != std::string::npos && space > head.size() / 2)
            head.resize(space);
    }
    // A cut after "for the" or "and" reads as a broken sentence; end on a word that counts.
    static const std::array<std::string_view, 16> dangling = {
        "the", "a",  "an", "of",  "and", "or",    "with", "for",
        "to",  "in", "on", "his", "her", "their", "at",   "by"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';' ||
                                 head.back() == ':'))
            head.pop_back();
        const std::size_t space = head.rfind(' ');
        if (space == std::string::npos)
            break;
        const std::string last = lower(head.substr(space + 1));
        if (std::find(dangling.begin(), dangling.end(), last) != dangling.end()) {
            head.resize(space);
            trimmed = true;
        }
    }
    return head + "\u2026";
}

std::string capitalised(std::string s) {
    if (!s.empty())
        s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

std::string caseTitle(std::string_view question, std::size_t maxChars) {
    maxChars = std::max<std::size_t>(maxChars, 8);
    bool complete = true;
    const std::string sentence = firstSentence(collapseSpace(question), &complete);
    if (sentence.empty())
        return {};
    std::size_t begin = 0, end = 0;
    const std::string patient = patientPhrase(sentence, &begin, &end);
    if (patient.empty())
        return fit(capitalised(dropArticle(sentence)), maxChars, !complete);

    std::string rest = sentence.substr(end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ','))
        rest.erase(0, 1);
    std::string complaint;
    if (const std::size_t at = complaintStart(rest); at != std::string::npos)
        complaint = rest.substr(at);
    else
        complaint = rest; // what the patient does or has, in the question's words
    // A clause after the complaint ("…, which began after a trip") is detail, not the name.
    for (std::string_view stop : {", which ", "; ", ", and is ", ", who "})
        if (const std::size_t cut = complaint.find(stop); cut != std::string::npos)
            complaint.resize(cut);
    complaint = dropArticle(complaint);
    // "pain for 2 days" reads best, unless the cut would then take the duration away.
    if (const std::string moved = historyLast(complaint);
        codePoints(patient + ", " + moved) <= maxChars)
        complaint = moved;
    if (complaint.empty())
        return fit(patient, maxChars, !complete);
    return fit(patient + ", " + complaint, maxChars, !complete);
}

} // namespace rs
