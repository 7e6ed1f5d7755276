#include "PredictionExtractor.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace rs {

namespace {

// Phrases after which models state their final answer, lower case. Longer phrases that
// contain a shorter one are listed too so the option letter right after them is found.
constexpr std::array<std::string_view, 24> kAnswerCues = {
    "answer is",
    "answer would be",
    "answer should be",
    "answer will be",
    "answer:",
    "answer -",
    "answer =",
    "answer to this question is",
    "answer to the question is",
    "answer choice is",
    "answer option is",
    "option is",
    "option would be",
    "choice is",
    "choice would be",
    "correct option:",
    "correct choice:",
    "best option:",
    "i would choose",
    "i would go with",
    "i choose",
    "i'd choose",
    "i would select",
    "i select",
};

// Words that may stand between a cue and the letter ("the answer is option B").
constexpr std::array<std::string_view, 3> kLetterWords = {"option", "choice", "letter"};

constexpr std::size_t kShortAnswerBytes = 160;

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool isAlnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (isUpper(c))
            c = char(c - 'A' + 'a');
    return out;
}

// Index of the option whose single-letter label is c (either case), or -1.
int optionByLetter(const std::vector<AnswerOption>& options, char c) {
    const char upper = isLower(c) ? char(c - 'a' + 'A') : c;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].label.size() == 1 && options[i].label[0] == upper)
            return int(i);
    return -1;
}

// Distinct options named by markers like "C)" or "(c)" in s. Two or more means the text
// lists options rather than choosing one.
std::set<int> markedOptions(const std::vector<AnswerOption>& options, std::string_view s) {
    std::set<int> found;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const char c = s[i];
        if (!(isUpper(c) || isLower(c)) || s[i + 1] != ')')
            continue;
        const bool openParen = i > 0 && s[i - 1] == '(';
        const bool wordStart = i == 0 || isSpace(s[i - 1]) || s[i - 1] == ',' || s[i - 1] == '*';
        if (!(openParen || (wordStart && isUpper(c))))
            continue;
        if (const int o = optionByLetter(options, c); o >= 0)
            found.insert(o);
    }
    return found;
}

// A pair of bare option letters joined as alternatives: "B or C", "B, C", "(B)/(C)".
bool letterPair(const std::vector<AnswerOption>& options, std::string_view s) {
    auto standalone = [&](std::size_t i) {
        return i < s.size() && isUpper(s[i]) && (i == 0 || !isAlnum(s[i - 1])) &&
               (i + 1 == s.size() || !isAlnum(s[i + 1])) && optionByLetter(options, s[i]) >= 0;
    };
    auto skipSpaces = [&](std::size_t i) {
        while (i < s.size() && isSpace(s[i]))
            ++i;
        return i;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!standalone(i))
            continue;
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == ')' || s[j] == '.'))
            ++j;
        j = skipSpaces(j);
        bool joined = false;
        for (std::string_view connector : {",", "/", "&", "or", "and"}) {
            if (s.substr(j, connector.size()) == connector &&
                (isAlnum(connector[0])
                     ? j + connector.size() < s.size() && !isAlnum(s[j + connector.size()])
                     : true)) {
                j = skipSpaces(j + connector.size());
                joined = true;
                break;
            }
        }
        if (!joined)
            continue;
        if (j < s.size() && s[j] == '(')
            ++j;
        if (standalone(j) && s[j] != s[i])
            return true;
    }
    return false;
}

// Whether s names more than one option, by markers or by a list of letters.
bool namesSeveral(const std::vector<AnswerOption>& options, std::string_view s) {
    return markedOptions(options, s).size() > 1 || letterPair(options, s);
}

// The option whose normalized text the normalized s starts with (the longest), or -1.
int optionByLeadingText(const std::vector<AnswerOption>& options, std::string_view s) {
    const std::string norm = normalizeName(s);
    int best = -1;
    std::size_t bestLen = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string opt = normalizeName(options[i].text);
        if (opt.empty() || opt.size() <= bestLen || norm.size() < opt.size())
            continue;
        if (norm.compare(0, opt.size(), opt) == 0 &&
            (norm.size() == opt.size() || norm[opt.size()] == ' ')) {
            best = int(i);
            bestLen = opt.size();
        }
    }
    return best;
}

std::string_view skipDecoration(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) ||
                          std::string_view("*\"'`:$_-").find(s.front()) != std::string_view::npos))
        s.remove_prefix(1);
    for (std::string_view prefix : {"\\boxed{", "\\text{", "\\mathrm{"}) {
        if (s.rfind(prefix, 0) == 0)
            s.remove_prefix(prefix.size());
    }
    return s;
}

// After "option X" / "choice X": phrases that make X the answer ("Option B is the correct
// answer."), lower case.
constexpr std::array<std::string_view, 6> kVerdictsAfterLetter = {
    " is the correct",          " is correct",    " is the best", " is the right",
    " is the most appropriate", " is the answer",
};

struct CueResult {
    bool found = false;
    bool ambiguous = false;
    int option = -1;
    std::string text;
};

// What the text right after a cue names. `tail` runs from the end of the cue to the end
// of its line.
CueResult readAfterCue(const std::vector<AnswerOption>& options, std::string_view tail) {
    CueResult r;
    if (namesSeveral(options, tail)) {
        r.found = r.ambiguous = true;
        return r;
    }
    std::string_view s = skipDecoration(tail);
    for (std::string_view word : kLetterWords) {
        if (s.size() > word.size() && lowerAscii(s.substr(0, word.size())) == word &&
            (isSpace(s[word.size()]) || s[word.size()] == ':')) {
            s = skipDecoration(s.substr(word.size()));
            break;
        }
    }
    const bool paren = !s.empty() && (s.front() == '(' || s.front() == '[');
    if (paren)
        s.remove_prefix(1);
    if (!s.empty() && !options.empty()) {
        const char c = s.front();
        const char next = s.size() > 1 ? s[1] : '\n';
        const bool closes = next == ')' || next == ']';
        const bool strongEnd =
            closes || std::string_view("\n.,:;*\"'`$}").find(next) != std::string_view::npos;
        const int byLetter = optionByLetter(options, c);
        if (byLetter >= 0) {
            // A capital followed by punctuation, or any letter in parentheses, is a label;
            // a lower-case letter otherwise is an ordinary word ("the answer is a ...").
            if ((isUpper(c) && strongEnd) || (isLower(c) && (closes || (paren && strongEnd)))) {
                r.found = true;
                r.option = byLetter;
                return r;
            }
        }
        if (const int byText = optionByLeadingText(options, s); byText >= 0) {
            r.found = true;
            r.option = byText;
            return r;
        }
        if (byLetter >= 0 && isUpper(c) && isSpace(next)) {
            r.found = true;
            r.option = byLetter;
            return r;
        }
    }
    if (options.empty()) {
        // Free-text question: the statement up to the end of its sentence.
        std::string_view t = trimSpace(s);
        std::size_t end = t.size();
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '.' && (i + 1 == t.size() || isSpace(t[i + 1]))) {
                end = i;
                break;
            }
        }
        t = trimSpace(t.substr(0, std::min<std::size_t>(end, 300)));
        while (!t.empty() && std::string_view("*\"'`").find(t.back()) != std::string_view::npos)
            t.remove_suffix(1);
        if (!t.empty()) {
            r.found = true;
            r.text = std::string(t);
        }
    }
    return r;
}

// Options a sentence names in a way that checks itself: a marker followed by that
// option's own text ("is B) Traumatic bronchial rupture"), an option's text followed by its
// letter ("Staphylococcus aureus (C)"), "(option C)" / "(choice C)", or a letter in
// parentheses closing the sentence ("... is 50% (C).").
std::set<int> selfCheckedOptions(const std::vector<AnswerOption>& options, std::string_view line) {
    std::set<int> named;
    const std::string lower = lowerAscii(line);
    // "(option C)", "(choice C)", and a closing "(C)".
    for (std::size_t at = lower.find('('); at != std::string::npos; at = lower.find('(', at + 1)) {
        std::string_view rest = std::string_view(line).substr(at + 1);
        bool worded = false;
        for (std::string_view word : {"option ", "choice ", "answer choice ", "answer "}) {
            if (lowerAscii(rest.substr(0, word.size())) == word) {
                rest.remove_prefix(word.size());
                worded = true;
                break;
            }
        }
        if (rest.size() < 2 || rest[1] != ')' || !isUpper(rest[0]))
            continue;
        const std::string_view after = trimSpace(rest.substr(2));
        const bool closing =
            after.empty() || after == "." || after == "*" || after == "**" || after == ".**";
        if (const int o = optionByLetter(options, rest[0]); o >= 0 && (worded || closing))
            named.insert(o);
    }
    // "is option D, myasthenia gravis", "choice B." (a bare worded letter ending a clause)
    for (std::string_view word : {"option ", "choice "}) {
        for (std::size_t at = lower.find(word); at != std::string::npos;
             at = lower.find(word, at + 1)) {
            const std::size_t l = at + word.size();
            if ((at > 0 && isAlnum(lower[at - 1])) || l >= line.size() || !isUpper(line[l]))
                continue;
            const bool ends = l + 1 == line.size() || line[l + 1] == ',' || line[l + 1] == '.' ||
                              line[l + 1] == ';';
            if (const int o = optionByLetter(options, line[l]); o >= 0 && ends)
                named.insert(o);
        }
    }
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string text = lowerAscii(options[i].text);
        if (text.empty() || options[i].label.size() != 1)
            continue;
        // "C) <text of C>"
        const std::string marker = options[i].label + ")";
        for (std::size_t at = line.find(marker); at != std::string_view::npos;
             at = line.find(marker, at + 1)) {
            if (at > 0 && isAlnum(line[at - 1]))
                continue;
            if (optionByLeadingText(options, line.substr(at + 2)) == int(i))
                named.insert(int(i));
        }
        // "<text of C> (C)"
        for (std::size_t at = lower.find(text); at != std::string::npos;
             at = lower.find(text, at + 1)) {
            std::string_view rest = std::string_view(line).substr(at + text.size());
            while (!rest.empty() && isSpace(rest.front()))
                rest.remove_prefix(1);
            if (rest.size() >= 3 && rest[0] == '(' && rest[2] == ')' &&
                optionByLetter(options, rest[1]) == int(i))
                named.insert(int(i));
        }
    }
    return named;
}

// Sentences that reject or contrast ("... (option E) are used for tuberculosis, but ...",
// "... is incorrect") name options that are not the answer.
constexpr std::array<std::string_view, 14> kRejectionCues = {
    " not ", "n't ",          "incorrect", "unlikely", "less likely", "rule out",   "ruled out",
    "wrong", "inappropriate", "exclude",   " but ",    "however",     "instead of", "rather than",
};

// Options the concluding line commits to: those named (see selfCheckedOptions) in its
// sentences that do not reject or contrast.
std::set<int> concludedOptions(const std::vector<AnswerOption>& options, std::string_view line) {
    std::set<int> named;
    std::size_t start = 0;
    while (start < line.size()) {
        std::size_t end = start;
        while (end < line.size() && !((line[end] == '.' || line[end] == '?' || line[end] == '!') &&
                                      (end + 1 == line.size() || isSpace(line[end + 1]))))
            ++end;
        const std::string_view sentence =
            line.substr(start, std::min(end + 1, line.size()) - start);
        const std::string lower = " " + lowerAscii(sentence) + " ";
        const bool rejects =
            std::any_of(kRejectionCues.begin(), kRejectionCues.end(),
                        [&](std::string_view cue) { return lower.find(cue) != std::string::npos; });
        if (!rejects)
            for (const int o : selfCheckedOptions(options, sentence))
                named.insert(o);
        start = end + 1;
    }
    return named;
}

// Option named by a marker at the start of a line ("C)", "(C)", "C.", "C:"), or -1.
int leadingMarker(const std::vector<AnswerOption>& options, std::string_view line) {
    line = trimSpace(line);
    while (!line.empty() && std::string_view("*#->`").find(line.front()) != std::string_view::npos)
        line = trimSpace(line.substr(1));
    for (std::string_view word : kLetterWords) {
        if (line.size() > word.size() + 1 && lowerAscii(line.substr(0, word.size())) == word &&
            isSpace(line[word.size()])) {
            line = trimSpace(line.substr(word.size()));
            break;
        }
    }
    const bool paren = !line.empty() && line.front() == '(';
    if (paren)
        line.remove_prefix(1);
    if (line.size() < 2)
        return -1;
    const char c = line[0], next = line[1];
    const bool marker =
        paren ? (next == ')') : (isUpper(c) && (next == ')' || next == '.' || next == ':'));
    if (!marker || (next != ')' && line.size() > 2 && !isSpace(line[2]) && line[2] != '*'))
        return -1;
    return optionByLetter(options, c);
}

std::vector<std::string_view> nonEmptyLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trimSpace(text.substr(start, end - start));
        if (!line.empty())
            lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

} // namespace

ExtractedAnswer extractAnswer(const std::vector<AnswerOption>& options, std::string_view text) {
    ExtractedAnswer out;
    const std::string_view body = trimSpace(text);
    if (body.empty())
        return out;

    if (!options.empty() && body.size() <= kShortAnswerBytes &&
        body.find('\n') == std::string_view::npos) {
        if (namesSeveral(options, body)) {
            out.ambiguous = true;
            out.rule = "short-answer";
            return out;
        }
        if (const int o = matchOption(options, std::string(body)); o >= 0) {
            out.option = o;
            out.rule = "short-answer";
            return out;
        }
    }

    // Cue occurrences, latest first: the final statement is the answer.
    const std::string lower = lowerAscii(body);
    std::vector<std::pair<std::size_t, std::size_t>> cues; // (begin, end)
    for (std::string_view cue : kAnswerCues) {
        for (std::size_t at = lower.find(cue); at != std::string::npos;
             at = lower.find(cue, at + 1)) {
            if (at > 0 && isAlnum(lower[at - 1]))
                continue;
            cues.emplace_back(at, at + cue.size());
        }
    }
    // Among cues starting at the same place keep the longest; latest first.
    std::sort(cues.begin(), cues.end(), [](auto a, auto b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    CueResult cue;
    std::size_t cueAt = 0;
    std::size_t lastBegin = std::string::npos;
    for (const auto& [begin, end] : cues) {
        if (begin == lastBegin)
            continue;
        lastBegin = begin;
        std::size_t eol = body.find('\n', end);
        if (eol == std::string_view::npos)
            eol = body.size();
        cue = readAfterCue(options, body.substr(end, eol - end));
        if (cue.found) {
            cueAt = begin;
            break;
        }
    }
    // "Option B is the correct answer": the letter comes before its verdict.
    for (std::string_view word : {"option ", "choice "}) {
        for (std::size_t at = lower.find(word); at != std::string::npos;
             at = lower.find(word, at + 1)) {
            const std::size_t l = at + word.size();
            if ((at > 0 && isAlnum(lower[at - 1])) || l >= body.size() || !isUpper(body[l]) ||
                (cue.found && at <= cueAt))
                continue;
            const int o = optionByLetter(options, body[l]);
            const std::string_view after = std::string_view(lower).substr(l + 1);
            const bool verdict =
                std::any_of(kVerdictsAfterLetter.begin(), kVerdictsAfterLetter.end(),
                            [&](std::string_view v) { return after.substr(0, v.size()) == v; });
            if (o >= 0 && verdict) {
                cue = CueResult{true, false, o, {}};
                cueAt = at;
            }
        }
    }
    auto fromCue = [&] {
        out.rule = "answer-cue";
        out.ambiguous = cue.ambiguous;
        out.option = cue.option;
        out.text = cue.text;
        return out;
    };
    if (options.empty()) {
        if (cue.found)
            return fromCue();
        if (body.size() <= kShortAnswerBytes && body.find('\n') == std::string_view::npos) {
            out.text = std::string(body);
            out.rule = "short-answer";
        }
        return out;
    }

    const std::vector<std::string_view> lines = nonEmptyLines(body);
    const std::string_view last = lines.back();
    const std::size_t lastStart = std::size_t(last.data() - body.data());
    if (cue.found && cueAt >= lastStart)
        return fromCue();
    // The concluding line outranks a cue further up: models restate their answer last.
    if (leadingMarker(options, last) < 0) {
        const std::set<int> named = concludedOptions(options, last);
        if (!named.empty()) {
            out.rule = "conclusion";
            out.ambiguous = named.size() > 1;
            out.option = out.ambiguous ? -1 : *named.begin();
            return out;
        }
    }
    if (cue.found)
        return fromCue();

    int option = leadingMarker(options, last);
    if (option < 0) {
        const std::string norm = normalizeName(last);
        for (std::size_t i = 0; i < options.size() && option < 0; ++i)
            if (!norm.empty() && normalizeName(options[i].text) == norm)
                option = int(i);
    }
    if (option < 0)
        return out;
    out.rule = "last-line";
    // The last of a list of options ("C) ...\nD) ...\nE) ...") is not a choice.
    const bool listed = lines.size() >= 2 && leadingMarker(options, lines[lines.size() - 2]) >= 0;
    if (listed || namesSeveral(options, last)) {
        out.ambiguous = true;
        return out;
    }
    out.option = option;
    return out;
}

} // namespace rs
