#include "CaseAnalyzer.h"

#include "ClaimOwnership.h"
#include "ClinicalReference.h"
#include "ImageFileCheck.h"
#include "MentionFilter.h"
#include "ReadingFindings.h"
#include "ReasoningPath.h"
#include "StepSegmenter.h"
#include "TextNormalizer.h"
#include "reading/ReadingChecker.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace rs {

namespace {

bool isLetterOrDigit(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::size_t letterCount(std::string_view s) {
    return std::size_t(std::count_if(
        s.begin(), s.end(), [](char c) { return isLetterOrDigit(static_cast<unsigned char>(c)); }));
}

// Answer texts can be long ("Lactose-fermenting, gram-negative rods forming ..."); a reason
// quotes the start, cut at a word and never inside a UTF-8 sequence.
std::string shortQuote(std::string_view text) {
    std::string s;
    for (char c : text) {
        const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space && (s.empty() || s.back() == ' '))
            continue;
        s.push_back(space ? ' ' : c);
    }
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    constexpr std::size_t kMax = 48;
    if (s.size() <= kMax)
        return s;
    std::size_t cut = s.rfind(' ', kMax);
    if (cut == std::string::npos || cut < kMax / 2) {
        cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut;
    }
    s.resize(cut);
    while (!s.empty() && (s.back() == ',' || s.back() == ' ' || s.back() == ';'))
        s.pop_back();
    return s + " ...";
}

bool startsWithLabel(std::string_view line, std::string_view label) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    line.remove_prefix(i);
    auto eqLabel = [&](std::string_view s) {
        if (s.size() < label.size())
            return false;
        for (std::size_t k = 0; k < label.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(s[k])) !=
                std::tolower(static_cast<unsigned char>(label[k])))
                return false;
        return true;
    };
    if (!line.empty() && line[0] == '(') {
        line.remove_prefix(1);
        return eqLabel(line) && line.size() > label.size() && line[label.size()] == ')';
    }
    return eqLabel(line) && line.size() > label.size() &&
           (line[label.size()] == ')' || line[label.size()] == '.' || line[label.size()] == ':');
}

} // namespace

CaseAnalyzer::CaseAnalyzer(const KnowledgeBase& kb, const Lexicon& lexicon,
                           AnalysisSettings settings)
    : kb_(kb), lexicon_(lexicon), settings_(settings), claims_(lexicon, settings.claims, &kb),
      classifier_(kb, lexicon, settings.mechanisticKinds), grounding_(settings.iouThreshold, &kb) {}

std::size_t CaseAnalyzer::stemEnd(std::string_view question,
                                  const std::vector<AnswerOption>& options) {
    if (options.empty())
        return question.size();
    // An option list on its own lines: the first line that starts with the first label.
    const std::string& first = options.front().label;
    if (!first.empty()) {
        std::size_t pos = question.find('\n');
        while (pos != std::string_view::npos) {
            const std::size_t lineStart = pos + 1;
            const std::size_t next = question.find('\n', lineStart);
            const std::string_view line =
                question.substr(lineStart, next == std::string_view::npos ? std::string_view::npos
                                                                          : next - lineStart);
            if (startsWithLabel(line, first))
                return lineStart;
            pos = next;
        }
    }
    // Options run on after the question sentence: cut at the first option text after the
    // last question mark.
    const std::size_t lastQ = question.rfind('?');
    if (lastQ == std::string_view::npos)
        return question.size();
    std::size_t end = question.size();
    for (const AnswerOption& o : options) {
        if (letterCount(o.text) < 2)
            continue;
        std::string_view t = o.text;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '"'))
            t.remove_suffix(1);
        const std::size_t p = question.find(t, lastQ + 1);
        if (p != std::string_view::npos)
            end = std::min(end, p);
    }
    return end;
}

NodeId CaseAnalyzer::anchorAnswer(std::string_view text) const {
    const std::size_t letters = letterCount(text);
    if (letters == 0)
        return kNoNode;
    if (const auto n = kb_.findByName(text))
        return *n;
    const Mention* best = nullptr;
    std::size_t bestLetters = 0;
    const auto mentions = link(text, tokenize(text), nullptr, {});
    for (const Mention& m : mentions) {
        if (m.node == kNoNode || m.end > text.size() || m.begin >= m.end)
            continue;
        const std::size_t l = letterCount(text.substr(m.begin, m.end - m.begin));
        if (!best || l > bestLetters || (l == bestLetters && m.score > best->score)) {
            best = &m;
            bestLetters = l;
        }
    }
    if (!best || double(bestLetters) < settings_.minOptionCoverage * double(letters))
        return kNoNode;
    // A body part inside a longer option is where the option acts, not what it is: "MRI of the
    // adrenal glands" is an imaging step, and reasoning to the adrenal gland is no path to it.
    if (!isFindingKind(kb_.nodeKind(best->node)) && bestLetters < letters)
        return kNoNode;
    return best->node;
}

std::vector<Mention> CaseAnalyzer::link(std::string_view text, const std::vector<Token>& tokens,
                                        std::vector<CoverageGap>* gaps,
                                        std::string_view where) const {
    std::vector<Mention> mentions = kb_.linkTokens(text, tokens);
    auto byBegin = [](const Mention& x, const Mention& y) { return x.begin < y.begin; };
    if (!std::is_sorted(mentions.begin(), mentions.end(), byBegin))
        std::stable_sort(mentions.begin(), mentions.end(), byBegin);
    if (!settings_.dropModifierMentions || mentions.empty())
        return mentions;
    return dropModifierMentions(text, tokens, mentions, lexicon_, gaps, where,
                                settings_.claims.maxPhraseTokens,
                                [this](NodeId n) { return kb_.nodeKind(n) == "Anatomy"; });
}

CaseAnalysis CaseAnalyzer::analyze(const Case& c) const {
    CaseAnalysis a;
    a.steps = StepSegmenter::segment(c.output);
    const std::vector<Token> outputTokens = tokenize(c.output);
    a.outputMentions = link(c.output, outputTokens, &a.coverageGaps, "output");
    a.questionMentions = link(c.question, tokenize(c.question), &a.coverageGaps, "question");

    // Anchors.
    for (std::size_t i = 0; i < c.options.size(); ++i) {
        const NodeId n = anchorAnswer(c.options[i].text);
        a.optionNodes.push_back(n);
        if (n == kNoNode && letterCount(c.options[i].text) > 0)
            a.coverageGaps.push_back({c.options[i].text, "option " + c.options[i].label, 0, 0,
                                      "no KG concept for this answer option"});
    }
    auto anchor = [&](const std::string& answer, int& option, NodeId& node, const char* where) {
        option = answer.empty() ? -1 : matchOption(c.options, answer);
        // An unlinked option that is also the gold or predicted answer is reported in that
        // role too: the reader looks for why the case has no anchor, not for option letters.
        const std::string& text = option >= 0 ? c.options[std::size_t(option)].text : answer;
        node = option >= 0 ? a.optionNodes[std::size_t(option)] : anchorAnswer(answer);
        if (node == kNoNode && letterCount(text) > 0)
            a.coverageGaps.push_back(
                {text, where, 0, 0, std::string("no KG concept for the ") + where + " answer"});
    };
    anchor(c.gold, a.goldOption, a.goldNode, "gold");
    anchor(c.prediction, a.predictedOption, a.predictedNode, "prediction");

    const std::size_t stem = stemEnd(c.question, c.options);
    for (const Mention& m : a.questionMentions)
        if (m.begin < stem && m.node != kNoNode && m.node != a.goldNode &&
            std::find(a.evidence.begin(), a.evidence.end(), m.node) == a.evidence.end())
            a.evidence.push_back(m.node);
    const QuestionAsk ask = recognizeAsk(std::string_view(c.question).substr(0, stem));
    a.questionAsk = toString(ask);
    std::vector<NodeId> questionConcepts = a.evidence;
    for (const Mention& m : a.questionMentions)
        if (m.node != kNoNode)
            questionConcepts.push_back(m.node);

    bool answerWrong = false;
    if (c.correct)
        answerWrong = !*c.correct;
    else if (a.goldOption >= 0 && a.predictedOption >= 0)
        answerWrong = a.goldOption != a.predictedOption;
    else if (a.goldNode != kNoNode && a.predictedNode != kNoNode)
        answerWrong = a.goldNode != a.predictedNode;

    ClaimExtraction extracted = claims_.extract(c.output, outputTokens, a.steps, a.outputMentions);
    a.claims = std::move(extracted.claims);
    retypeByKinds(a.claims, kb_);
    assignClaimOwners(c, a, stem);
    a.coverageGaps.insert(a.coverageGaps.end(), std::make_move_iterator(extracted.gaps.begin()),
                          std::make_move_iterator(extracted.gaps.end()));

    // Reference paths: a gold path given with the case wins over KG search, but only when
    // every concept on it is in the KG; a half-linked path would be a wrong reference.
    const std::string goldText =
        a.goldOption >= 0 ? c.options[std::size_t(a.goldOption)].text : c.gold;
    if (!c.goldPath.empty()) {
        std::vector<std::pair<NodeId, NodeId>> linked;
        bool complete = true;
        for (const NamedTriple& t : c.goldPath) {
            const auto h = kb_.findByName(t.head);
            const auto tl = kb_.findByName(t.tail);
            if (!h)
                a.coverageGaps.push_back(
                    {t.head, "gold", 0, 0, "concept of the supplied gold path has no KG node"});
            if (!tl)
                a.coverageGaps.push_back(
                    {t.tail, "gold", 0, 0, "concept of the supplied gold path has no KG node"});
            complete = complete && h && tl;
            linked.emplace_back(h.value_or(kNoNode), tl.value_or(kNoNode));
        }
        if (complete) {
            for (std::size_t i = 0; i < linked.size(); ++i) {
                if (a.referencePaths.empty() ||
                    a.referencePaths.back().nodes.back() != linked[i].first) {
                    a.referencePaths.emplace_back();
                    a.referencePaths.back().origin = "input";
                    a.referencePaths.back().nodes.push_back(linked[i].first);
                }
                ReferencePath& p = a.referencePaths.back();
                p.nodes.push_back(linked[i].second);
                p.relations.push_back(c.goldPath[i].relation);
                p.forward.push_back(true);
                p.cost += 1;
            }
        }
    }
    if (a.referencePaths.empty()) {
        if (c.gold.empty())
            a.unanchoredReason = "no gold answer given";
        else if (a.goldNode == kNoNode)
            a.unanchoredReason = "gold answer '" + shortQuote(goldText) + "' has no KG concept";
        else if (a.evidence.empty())
            a.unanchoredReason = "no finding in the question could be linked to the KG";
        else {
            // Twice the paths asked for: the clinical filter drops the ones through concepts
            // unrelated to the question, and ranks the rest by the findings they explain.
            std::vector<NodeId> findings;
            for (NodeId e : a.evidence)
                if (isFindingKind(kb_.nodeKind(e)))
                    findings.push_back(e);
            std::vector<ReferencePath> found =
                kb_.referencePaths(findings, a.goldNode, 2 * settings_.k, settings_.maxHops);
            const bool anyPath = !found.empty();
            a.referencePaths = clinicalPaths(kb_, std::move(found), findings, questionConcepts, ask,
                                             std::size_t(std::max(0, settings_.k)));
            for (ReferencePath& p : a.referencePaths)
                if (p.origin.empty())
                    p.origin = "kg";
            if (a.referencePaths.empty())
                a.unanchoredReason =
                    anyPath ? "no KG path to '" + shortQuote(kb_.nodeName(a.goldNode)) +
                                  "' follows the question's ask (" + a.questionAsk +
                                  ") through concepts the question's findings suggest"
                            : "no KG path of at most " + std::to_string(settings_.maxHops) +
                                  " hops links the question findings to '" +
                                  shortQuote(kb_.nodeName(a.goldNode)) + "'";
        }
    }

    ReasoningPath path = buildReasoningPath(a.outputMentions, a.steps, a.predictedNode);
    a.reasoningPath = std::move(path.nodes);
    a.reasoningPathSteps = std::move(path.steps);
    a.bestReference = bestReference(a.reasoningPath, a.referencePaths);

    classifier_.classifyClaims(a, answerWrong);
    // The model's own KG-supported route to the gold answer is a reference in its own right:
    // another KG path is not a better answer than the model's, so nothing is missing from it.
    if (!a.referencePaths.empty()) {
        if (auto own = modelReferencePath(kb_, a, settings_.mechanisticKinds)) {
            a.referencePaths.insert(a.referencePaths.begin(), std::move(*own));
            a.bestReference = 0;
        }
    }
    classifier_.classifyPaths(a, answerWrong);

    // Images: grounding is judged on the boxes the input gives, whether or not the image
    // file can be opened; a file that cannot is listed with its reason.
    for (std::size_t i = 0; i < c.images.size(); ++i)
        if (std::string why = imageFileProblem(c.images[i].path); !why.empty())
            a.imageProblems.push_back({int(i), c.images[i].path, std::move(why)});
    std::vector<Finding> grounding = grounding_.classify(c, answerWrong);
    a.findings.insert(a.findings.end(), std::make_move_iterator(grounding.begin()),
                      std::make_move_iterator(grounding.end()));
    addReadingFindings(c, stem, answerWrong, a);
    return a;
}

// The stem only: an answer option ("A) Hypercalcemia") is no finding the question states.
void CaseAnalyzer::addReadingFindings(const Case& c, std::size_t stem, bool answerWrong,
                                      CaseAnalysis& a) const {
    if (!reading_ || c.output.empty())
        return;
    for (const reading::ReadingFinding& rf :
         reading_->check(std::string_view(c.question).substr(0, stem), c.output, answerWrong))
        a.findings.push_back(readingFinding(rf, a.steps));
}

} // namespace rs
