#include "CaseResult.h"

#include "BoxMatcher.h"
#include "Case.h"
#include "FindingKinds.h"
#include "KnowledgeBase.h"

#include <string_view>

namespace rs {

namespace {

std::string nodeName(const KnowledgeBase& kb, NodeId n) {
    return n == kNoNode || n >= kb.nodeCount() ? std::string() : std::string(kb.nodeName(n));
}

std::vector<std::string> nodeNames(const KnowledgeBase& kb, const std::vector<NodeId>& nodes) {
    std::vector<std::string> names;
    names.reserve(nodes.size());
    for (NodeId n : nodes)
        names.push_back(nodeName(kb, n));
    return names;
}

std::optional<CaseResult::Concept> conceptOf(const KnowledgeBase& kb, NodeId n) {
    if (n == kNoNode || n >= kb.nodeCount())
        return std::nullopt;
    return CaseResult::Concept{nodeName(kb, n), std::string(kb.nodeKind(n)),
                               std::string(kb.nodeKey(n))};
}

CaseResult::Span span(std::size_t begin, std::size_t end) {
    return {begin, end};
}

// The case's images with their boxes, each box with its best same-label counterpart of the
// other source (what the image view's box list shows), and why an image cannot be opened.
std::vector<CaseResult::Image> imagesOf(const Case& c, const CaseAnalysis& a) {
    std::vector<CaseResult::Image> images;
    for (std::size_t i = 0; i < c.images.size(); ++i) {
        const ImageRef& im = c.images[i];
        const BoxMatching m = matchBoxes(im.boxes);
        CaseResult::Image image{im.path, im.modality, {}, {}};
        for (std::size_t b = 0; b < im.boxes.size(); ++b) {
            const Box& box = im.boxes[b];
            CaseResult::ImageBox ib{box.label, box.source, box.x, box.y, box.w, box.h};
            if (box.is3d) {
                ib.z = box.z;
                ib.d = box.d;
            }
            ib.bestMatch = m.best[b].box;
            if (m.best[b].box >= 0)
                ib.iou = m.best[b].iou;
            image.boxes.push_back(std::move(ib));
        }
        for (const ImageProblem& p : a.imageProblems)
            if (p.image == int(i))
                image.problem = p.reason;
        images.push_back(std::move(image));
    }
    return images;
}

} // namespace

const char* CaseResult::typeName(const Finding& f) {
    return f.type ? findingTypeName(*f.type) : "";
}

const CaseResult::Finding* CaseResult::finding(int index) const {
    if (index < 0 || std::size_t(index) >= findings.size() ||
        !findings[std::size_t(index)].readable)
        return nullptr;
    return &findings[std::size_t(index)];
}

CaseResult makeCaseResult(const Case& c, const CaseAnalysis& a, const KnowledgeBase& kb) {
    CaseResult r;
    r.id = c.key;
    r.run = c.run;
    r.model = c.model;
    r.questionId = c.questionId;
    r.sourceFile = c.sourceFile;
    r.sourceRecord = c.sourceRecord;
    r.correct = c.correct;
    r.prediction = c.prediction;
    r.gold = c.gold;

    r.anchors.gold = conceptOf(kb, a.goldNode);
    r.anchors.predicted = conceptOf(kb, a.predictedNode);
    r.anchors.goldOption = a.goldOption;
    r.anchors.predictedOption = a.predictedOption;
    r.anchors.evidence = nodeNames(kb, a.evidence);
    r.anchors.options = nodeNames(kb, a.optionNodes);
    r.unanchoredReason = a.unanchoredReason;

    for (std::size_t i = 0; i < a.reasoningPath.size(); ++i)
        r.reasoningPath.push_back({conceptOf(kb, a.reasoningPath[i]),
                                   i < a.reasoningPathSteps.size() ? a.reasoningPathSteps[i] : -1});

    for (const ReferencePath& p : a.referencePaths) {
        CaseResult::ReferencePath rp;
        rp.nodes = nodeNames(kb, p.nodes);
        for (NodeId n : p.nodes)
            rp.kinds.push_back(n < kb.nodeCount() ? std::string(kb.nodeKind(n)) : std::string());
        rp.relations = p.relations;
        rp.forward = p.forward;
        rp.cost = p.cost;
        rp.origin = p.origin;
        r.referencePaths.push_back(std::move(rp));
    }
    r.bestReference = a.bestReference;

    for (const Finding& f : a.findings) {
        CaseResult::Finding rf;
        rf.type = f.type;
        rf.subtype = f.subtype;
        rf.severity = f.severity;
        rf.step = f.step;
        rf.nodes = nodeNames(kb, f.nodes);
        rf.span = span(f.spanBegin, f.spanEnd);
        rf.questionSpan = span(f.questionSpanBegin, f.questionSpanEnd);
        rf.explanation = f.explanation;
        rf.signature = f.signature;
        rf.image = f.image;
        rf.box = f.box;
        r.findings.push_back(std::move(rf));
    }
    r.images = imagesOf(c, a);
    for (const CoverageGap& g : a.coverageGaps)
        r.coverageGaps.push_back({g.text, g.where, span(g.begin, g.end), g.reason});
    for (const Step& s : a.steps)
        r.steps.push_back({span(s.begin, s.end), s.kind});
    for (const Mention& m : a.outputMentions)
        r.mentions.push_back({span(m.begin, m.end), nodeName(kb, m.node), m.score, m.matched});
    for (const Claim& cl : a.claims) {
        CaseResult::Claim rc;
        rc.step = cl.step;
        rc.headLinked = cl.head != kNoNode;
        rc.tailLinked = cl.tail != kNoNode;
        rc.head = rc.headLinked ? nodeName(kb, cl.head) : cl.headText;
        rc.relation = cl.relation;
        rc.tail = rc.tailLinked ? nodeName(kb, cl.tail) : cl.tailText;
        rc.headSpan = span(cl.headBegin, cl.headEnd);
        rc.tailSpan = span(cl.tailBegin, cl.tailEnd);
        rc.polarity = cl.polarity;
        rc.span = span(cl.begin, cl.end);
        rc.cue = cl.cue;
        rc.owner = toString(cl.owner);
        rc.status = cl.status;
        rc.pattern = cl.pattern;
        rc.evidence = {cl.evidence.kind, nodeNames(kb, cl.evidence.nodes), cl.evidence.relations,
                       cl.evidence.forward};
        r.claims.push_back(std::move(rc));
    }
    return r;
}

} // namespace rs
