#include "ClaimOwnership.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <array>
#include <string>

namespace rs {

namespace {

// Words that put a sentence in another person's history. "Social history" is the patient's
// own (smoking, alcohol) and stays the patient's.
// "Relative" alone is left out: "a relative contraindication" is the patient's.
constexpr std::array<std::string_view, 17> kOtherPersonCues = {
    "family history", "mother",    "father", "sister",   "brother",     "sibling",
    "siblings",       "relatives", "uncle",  "aunt",     "grandmother", "grandfather",
    "cousin",         "parents",   "son",    "daughter", "twin"};

// Words with which a sentence rejects an answer option.
constexpr std::array<std::string_view, 22> kRejectionCues = {
    "incorrect",        "not correct",    "is wrong",     "unlikely",        "less likely",
    "ruled out",        "rule out",       "rules out",    "excluded",        "eliminate",
    "eliminated",       "not the answer", "not the best", "not the most",    "would not",
    "does not explain", "not consistent", "inconsistent", "not appropriate", "inappropriate",
    "not indicated",    "not the correct"};

// Words with which a sentence speaks of the patient in the question ("the patient has ...",
// "this 45-year-old man presents with ..."): with both ends of a claim in the question, such a
// sentence repeats the case rather than reasons about it.
constexpr std::array<std::string_view, 12> kPatientCues = {
    "patient", "patient s", "year old",   "he",      "she",       "his",
    "her",     "this man",  "this woman", "the man", "the woman", "the question"};

std::string spacedWords(std::string_view text) {
    std::string words = " ";
    for (const Token& t : tokenize(text))
        words += t.norm + " ";
    return words;
}

template <std::size_t N>
bool hasCue(const std::string& words, const std::array<std::string_view, N>& cues) {
    return std::any_of(cues.begin(), cues.end(), [&](std::string_view cue) {
        return words.find(" " + std::string(cue) + " ") != std::string::npos;
    });
}

bool contains(const std::vector<NodeId>& v, NodeId n) {
    return std::find(v.begin(), v.end(), n) != v.end();
}

// "B) Amoxicillin is incorrect", "(B) ...", "Option B: ...", "B. ...": the sentence is about
// the option with that label.
bool startsWithOptionLabel(std::string_view sentence, const std::string& label) {
    std::size_t i = sentence.find_first_not_of(" \t\n*-#");
    if (i == std::string_view::npos || label.empty())
        return false;
    std::string_view s = sentence.substr(i);
    for (std::string_view prefix : {"option ", "Option ", "choice ", "Choice ", "("})
        if (s.substr(0, prefix.size()) == prefix) {
            s.remove_prefix(prefix.size());
            break;
        }
    if (s.substr(0, label.size()) != label || s.size() == label.size())
        return false;
    const char after = s[label.size()];
    return after == ')' || after == '.' || after == ':' || after == ' ' || after == ',';
}

// The line around [begin, end) of text: an option item of a list ("D) Montelukast: ... . It
// is not the best choice ...") is one line, however many sentences it has.
std::string_view lineAround(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t nl = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
    const std::size_t from = nl == std::string_view::npos ? 0 : nl + 1;
    const std::size_t to = std::min(text.find('\n', end), text.size());
    return text.substr(from, to - from);
}

} // namespace

ClaimOwner ownerFromWords(std::string_view sentence, bool rejectsAnOption) {
    const std::string words = spacedWords(sentence);
    if (hasCue(words, kOtherPersonCues))
        return ClaimOwner::OtherPerson;
    if (rejectsAnOption && hasCue(words, kRejectionCues))
        return ClaimOwner::RejectedOption;
    return ClaimOwner::Model;
}

void assignClaimOwners(const Case& c, CaseAnalysis& a, std::size_t stem) {
    std::vector<NodeId> questionNodes;
    for (const Mention& m : a.questionMentions)
        if (m.begin < stem && m.node != kNoNode)
            questionNodes.push_back(m.node);
    std::vector<NodeId> otherOptions;
    for (std::size_t i = 0; i < a.optionNodes.size(); ++i)
        if (int(i) != a.predictedOption && a.optionNodes[i] != kNoNode &&
            a.optionNodes[i] != a.predictedNode)
            otherOptions.push_back(a.optionNodes[i]);

    for (Claim& cl : a.claims) {
        const std::string_view sentence =
            cl.end <= c.output.size() && cl.begin < cl.end
                ? std::string_view(c.output).substr(cl.begin, cl.end - cl.begin)
                : std::string_view();
        bool aboutOtherOption = contains(otherOptions, cl.head) || contains(otherOptions, cl.tail);
        for (std::size_t i = 0; i < c.options.size() && !aboutOtherOption; ++i)
            aboutOtherOption =
                int(i) != a.predictedOption && startsWithOptionLabel(sentence, c.options[i].label);
        // A denial is the model's own argument for rejecting ("pericarditis does not cause ST
        // elevation, so A is excluded"): still checked. What a rejection asserts describes the
        // option being dropped, not the model's reasoning.
        cl.owner = ownerFromWords(sentence, aboutOtherOption && cl.polarity != Polarity::Negated);
        // "D) Montelukast: Montelukast is a leukotriene receptor antagonist used in asthma.
        // It is not the best choice": the item of another option, rejected in a later
        // sentence, describes the option being dropped too.
        if (cl.owner == ClaimOwner::Model && cl.polarity != Polarity::Negated &&
            cl.end <= c.output.size() && cl.begin < cl.end) {
            const std::string_view item = lineAround(c.output, cl.begin, cl.end);
            for (std::size_t i = 0; i < c.options.size(); ++i)
                if (int(i) != a.predictedOption &&
                    startsWithOptionLabel(item, c.options[i].label) &&
                    hasCue(spacedWords(item), kRejectionCues))
                    cl.owner = ClaimOwner::RejectedOption;
        }
        if (cl.owner == ClaimOwner::Model && contains(questionNodes, cl.head) &&
            contains(questionNodes, cl.tail) && hasCue(spacedWords(sentence), kPatientCues))
            cl.owner = ClaimOwner::QuestionRestatement;
    }
}

} // namespace rs
