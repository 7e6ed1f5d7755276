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
    for (const Token& t : tokenize(text)) {
        words += t.norm;
        words += ' ';
    }
    return words;
}

// Whether cue occurs in words as whole words: " cue " (words is spaced as spacedWords makes
// it). Searched without building that string: this runs for every claim.
bool hasWords(std::string_view words, std::string_view cue) {
    for (std::size_t at = words.find(cue, 1); at != std::string_view::npos;
         at = words.find(cue, at + 1))
        if (words[at - 1] == ' ' && at + cue.size() < words.size() && words[at + cue.size()] == ' ')
            return true;
    return false;
}

template <std::size_t N>
bool hasCue(std::string_view words, const std::array<std::string_view, N>& cues) {
    return std::any_of(cues.begin(), cues.end(),
                       [&](std::string_view cue) { return hasWords(words, cue); });
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

// The owner by the words of the sentence, spaced as spacedWords makes them.
ClaimOwner ownerFromSpacedWords(std::string_view words, bool rejectsAnOption) {
    if (hasCue(words, kOtherPersonCues))
        return ClaimOwner::OtherPerson;
    if (rejectsAnOption && hasCue(words, kRejectionCues))
        return ClaimOwner::RejectedOption;
    return ClaimOwner::Model;
}

} // namespace

ClaimOwner ownerFromWords(std::string_view sentence, bool rejectsAnOption) {
    return ownerFromSpacedWords(spacedWords(sentence), rejectsAnOption);
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

    // Claims of one sentence come one after the other: its words are spaced, and each cue
    // list searched, once for them (-1: not searched yet).
    std::string_view spacedOf;
    std::string words;
    int otherPerson = -1, rejection = -1, patient = -1;
    auto has = [&words](int& found, const auto& cues) {
        if (found < 0)
            found = hasCue(words, cues) ? 1 : 0;
        return found == 1;
    };
    // "D) Montelukast: Montelukast is a leukotriene receptor antagonist used in asthma. It is
    // not the best choice": the item of another option, rejected in a later sentence,
    // describes the option being dropped too. Judged once per item line.
    std::string_view itemOf;
    bool itemRejected = false;
    auto inRejectedItem = [&](const Claim& cl) {
        const std::string_view item = lineAround(c.output, cl.begin, cl.end);
        if (item.data() != itemOf.data() || item.size() != itemOf.size()) {
            itemOf = item;
            itemRejected = false;
            for (std::size_t i = 0; i < c.options.size() && !itemRejected; ++i)
                itemRejected = int(i) != a.predictedOption &&
                               startsWithOptionLabel(item, c.options[i].label) &&
                               hasCue(spacedWords(item), kRejectionCues);
        }
        return itemRejected;
    };
    for (Claim& cl : a.claims) {
        const std::string_view sentence =
            cl.end <= c.output.size() && cl.begin < cl.end
                ? std::string_view(c.output).substr(cl.begin, cl.end - cl.begin)
                : std::string_view();
        if (words.empty() || sentence.data() != spacedOf.data() ||
            sentence.size() != spacedOf.size()) {
            words = spacedWords(sentence);
            spacedOf = sentence;
            otherPerson = rejection = patient = -1;
        }
        bool aboutOtherOption = contains(otherOptions, cl.head) || contains(otherOptions, cl.tail);
        for (std::size_t i = 0; i < c.options.size() && !aboutOtherOption; ++i)
            aboutOtherOption =
                int(i) != a.predictedOption && startsWithOptionLabel(sentence, c.options[i].label);
        // A denial is the model's own argument for rejecting ("pericarditis does not cause ST
        // elevation, so A is excluded"): still checked. What a rejection asserts describes the
        // option being dropped, not the model's reasoning.
        // As ownerFromWords.
        const bool rejectsAnOption = aboutOtherOption && cl.polarity != Polarity::Negated;
        // "Given the family history of dementia, Huntington's disease is likely": evidence
        // weighed for this patient's diagnosis is the model's inference, whoever's history
        // it names.
        const bool otherPersons = cl.relation != "evidential" && has(otherPerson, kOtherPersonCues);
        cl.owner = otherPersons                                        ? ClaimOwner::OtherPerson
                   : rejectsAnOption && has(rejection, kRejectionCues) ? ClaimOwner::RejectedOption
                                                                       : ClaimOwner::Model;
        if (cl.owner == ClaimOwner::Model && cl.polarity != Polarity::Negated &&
            !sentence.empty() && inRejectedItem(cl))
            cl.owner = ClaimOwner::RejectedOption;
        if (cl.owner == ClaimOwner::Model && contains(questionNodes, cl.head) &&
            contains(questionNodes, cl.tail) && has(patient, kPatientCues))
            cl.owner = ClaimOwner::QuestionRestatement;
    }
}

} // namespace rs
