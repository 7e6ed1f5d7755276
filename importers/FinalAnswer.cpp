#include "FinalAnswer.h"

#include "TextNormalizer.h"

#include <array>
#include <cctype>

namespace rs::importers {

namespace {

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "**Gastric schwannoma**." -> "Gastric schwannoma"
std::string cleanAnswer(std::string_view s) {
    s = trim(s);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        for (char mark : {'*', '_', '`', '"', '#', ':', '-'}) {
            if (!s.empty() && s.front() == mark) {
                s.remove_prefix(1);
                changed = true;
            }
            if (!s.empty() && s.back() == mark) {
                s.remove_suffix(1);
                changed = true;
            }
        }
        s = trim(s);
    }
    if (!s.empty() && s.back() == '.')
        s.remove_suffix(1);
    return std::string(trim(s));
}

// The labels that open a final answer, lower case, longest first among shared prefixes.
constexpr std::array<std::string_view, 8> kLabels = {
    "final answer", "final diagnosis", "most likely diagnosis", "answer",
    "diagnosis",    "conclusion",      "the answer is",         "the most likely diagnosis is",
};

// One line of text after a label: either "Label: text" on the line, or a heading
// ("### Answer", "**Answer:**") whose text is on the next non-empty line.
std::string answerAfterLabel(std::string_view line, std::string_view label, std::string_view rest) {
    std::string_view after = trim(line.substr(label.size()));
    while (!after.empty() && (after.front() == '*' || after.front() == '_'))
        after = trim(after.substr(1));
    const bool sentence = label.substr(0, 4) == "the ";
    if (!sentence) {
        if (!after.empty() && (after.front() == ':' || after.front() == '-'))
            after = trim(after.substr(1));
        else if (!after.empty())
            return {}; // "Answering this ..." or "Diagnosis of ..." is prose, not a label
    }
    if (!cleanAnswer(after).empty())
        return cleanAnswer(after);
    // Heading: the answer is the next non-empty line.
    std::size_t start = 0;
    while (start < rest.size()) {
        std::size_t end = rest.find('\n', start);
        if (end == std::string_view::npos)
            end = rest.size();
        const std::string text = cleanAnswer(rest.substr(start, end - start));
        if (!text.empty())
            return text;
        start = end + 1;
    }
    return {};
}

} // namespace

void splitReasoningTrace(Case& c) {
    if (!c.finalAnswer.empty())
        return;
    const std::size_t close = c.output.find("</think>");
    const std::size_t open = c.output.find("<think>");
    if (close == std::string::npos && open == std::string::npos)
        return;
    if (close == std::string::npos) {
        c.output = std::string(trim(std::string_view(c.output).substr(open + 7)));
        return;
    }
    const std::size_t begin = open != std::string::npos && open < close ? open + 7 : 0;
    c.finalAnswer = std::string(trim(std::string_view(c.output).substr(close + 8)));
    c.output = std::string(trim(std::string_view(c.output).substr(begin, close - begin)));
}

std::string statedFinalAnswer(std::string_view text) {
    // Lines, last first: the final statement is the answer.
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t start = text.rfind('\n', end - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        std::string_view line = trim(text.substr(start, end - start));
        const std::string_view rest = text.substr(end);
        while (!line.empty() && (line.front() == '#' || line.front() == '*' ||
                                 line.front() == '>' || line.front() == '-'))
            line = trim(line.substr(1));
        const std::string lower = lowerAscii(line);
        for (std::string_view label : kLabels) {
            const bool sentence = label.substr(0, 4) == "the ";
            // Sentences ("... the answer is X") may sit anywhere in the line; labels open it.
            const std::size_t at = sentence ? lower.rfind(label)
                                            : (lower.rfind(label, 0) == 0 ? 0 : std::string::npos);
            if (at == std::string::npos)
                continue;
            std::string found = answerAfterLabel(line.substr(at), label, rest);
            if (!found.empty())
                return found;
        }
        end = start == 0 ? 0 : start - 1;
    }
    return {};
}

std::optional<bool> verdictOf(std::string_view text) {
    const std::string v = lowerAscii(trim(text));
    for (const char* yes : {"true", "1", "1.0", "yes", "correct", "right"})
        if (v == yes)
            return true;
    for (const char* no : {"false", "0", "0.0", "no", "incorrect", "wrong"})
        if (v == no)
            return false;
    return std::nullopt;
}

void scoreFreeText(Case& c) {
    if (c.correct || !c.options.empty() || c.gold.empty() || c.prediction.empty())
        return;
    auto norm = [](const std::string& s) {
        std::string n = normalizeName(s);
        for (const char* article : {"the ", "a ", "an "})
            if (n.rfind(article, 0) == 0)
                n.erase(0, std::char_traits<char>::length(article));
        return n;
    };
    if (norm(c.gold) == norm(c.prediction) && !norm(c.gold).empty()) {
        c.correct = true;
        return;
    }
    c.meta.emplace_back(
        "scoring", "unscored: the free-text answer is worded differently from the gold answer; it "
                   "may be a synonym, which only the knowledge graph could tell");
}

} // namespace rs::importers
