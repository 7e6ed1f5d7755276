#include "Case.h"

#include "TextNormalizer.h"

#include <cctype>

namespace rs {

int matchOption(const std::vector<AnswerOption>& options, const std::string& answer) {
    // Strip decoration around a leading option letter: "B", "B.", "B)", "(B)", "B) text",
    // "Answer: B".
    std::string_view a = answer;
    auto trim = [](std::string_view s) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
            s.remove_prefix(1);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
            s.remove_suffix(1);
        return s;
    };
    a = trim(a);
    if (a.empty())
        return -1;
    for (std::string_view prefix : {"answer:", "answer is", "the answer is"}) {
        if (a.size() > prefix.size() &&
            normalizeName(a.substr(0, prefix.size())) == normalizeName(prefix))
            a = trim(a.substr(prefix.size()));
    }
    if (!a.empty() && a.front() == '(')
        a.remove_prefix(1);
    if (!a.empty()) {
        const char c = char(std::toupper(static_cast<unsigned char>(a.front())));
        const bool alone = a.size() == 1;
        const bool decorated =
            a.size() >= 2 && (a[1] == ')' || a[1] == '.' || a[1] == ':' ||
                              (a[1] == ' ' && std::isupper(static_cast<unsigned char>(a.front()))));
        if (alone || decorated) {
            for (std::size_t i = 0; i < options.size(); ++i)
                if (options[i].label.size() == 1 && options[i].label[0] == c)
                    return int(i);
        }
    }
    const std::string norm = normalizeName(answer);
    if (norm.empty())
        return -1;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (normalizeName(options[i].text) == norm)
            return int(i);
    // "B) <option text>" where the letter did not decide it.
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string opt = normalizeName(options[i].text);
        if (!opt.empty() && norm.size() > opt.size() &&
            norm.compare(norm.size() - opt.size(), opt.size(), opt) == 0)
            return int(i);
    }
    return -1;
}

} // namespace rs
