#include "CaseResultJson.h"

#include "BoxGeometry.h"
#include "BoxMatcher.h"

#include <nlohmann/json.hpp>

namespace rs {

std::string validUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
        if (ok && len == 2 && c < 0xc2)
            ok = false; // overlong
        if (ok && len == 3) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0); // overlong, surrogate
        }
        if (ok && len == 4) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            ok = c <= 0xf4 && !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
        }
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

namespace {

using nlohmann::json;

std::string nodeName(const KnowledgeBase& kb, NodeId n)
{
    return n == kNoNode || n >= kb.nodeCount() ? std::string() : validUtf8(kb.nodeName(n));
}

json nodeNames(const KnowledgeBase& kb, const std::vector<NodeId>& nodes)
{
    json a = json::array();
    for (NodeId n : nodes)
        a.push_back(nodeName(kb, n));
    return a;
}

json conceptJson(const KnowledgeBase& kb, NodeId n)
{
    if (n == kNoNode || n >= kb.nodeCount())
        return nullptr;
    return json{{"name", nodeName(kb, n)},
                {"kind", validUtf8(kb.nodeKind(n))},
                {"key", validUtf8(kb.nodeKey(n))}};
}

// The case's images with their boxes, each box with its best same-label counterpart of the
// other source (what the image view's box list shows), and why an image cannot be opened.
json imagesJson(const Case& c, const CaseAnalysis& a)
{
    json images = json::array();
    for (std::size_t i = 0; i < c.images.size(); ++i) {
        const ImageRef& im = c.images[i];
        const BoxMatching m = matchBoxes(im.boxes);
        json boxes = json::array();
        for (std::size_t b = 0; b < im.boxes.size(); ++b) {
            const Box& box = im.boxes[b];
            json bj = {{"label", validUtf8(box.label)}, {"source", validUtf8(box.source)},
                       {"x", box.x}, {"y", box.y}, {"w", box.w}, {"h", box.h}};
            if (box.is3d) {
                bj["z"] = box.z;
                bj["d"] = box.d;
            }
            bj["best_match"] = m.best[b].box;
            bj["iou"] = m.best[b].box >= 0 ? json(m.best[b].iou) : json(nullptr);
            boxes.push_back(std::move(bj));
        }
        std::string problem;
        for (const ImageProblem& p : a.imageProblems)
            if (p.image == int(i))
                problem = p.reason;
        images.push_back({{"path", validUtf8(im.path)},
                          {"modality", validUtf8(im.modality)},
                          {"boxes", std::move(boxes)},
                          {"problem", validUtf8(problem)}});
    }
    return images;
}

} // namespace

json caseResultJson(const Case& c, const CaseAnalysis& a, const KnowledgeBase& kb)
{
    json j;
    j["id"] = validUtf8(c.key);
    j["run"] = validUtf8(c.run);
    j["model"] = validUtf8(c.model);
    j["question_id"] = validUtf8(c.questionId);
    j["source"] = {{"file", validUtf8(c.sourceFile)}, {"record", c.sourceRecord}};
    j["correct"] = c.correct ? json(*c.correct) : json(nullptr);
    j["prediction"] = validUtf8(c.prediction);
    j["gold"] = validUtf8(c.gold);

    json anchors;
    anchors["gold"] = conceptJson(kb, a.goldNode);
    anchors["predicted"] = conceptJson(kb, a.predictedNode);
    anchors["gold_option"] = a.goldOption;
    anchors["predicted_option"] = a.predictedOption;
    anchors["evidence"] = nodeNames(kb, a.evidence);
    anchors["options"] = nodeNames(kb, a.optionNodes);
    j["anchors"] = std::move(anchors);
    j["unanchored_reason"] = validUtf8(a.unanchoredReason);

    json path = json::array();
    for (std::size_t i = 0; i < a.reasoningPath.size(); ++i) {
        json node = conceptJson(kb, a.reasoningPath[i]);
        node["step"] = i < a.reasoningPathSteps.size() ? a.reasoningPathSteps[i] : -1;
        path.push_back(std::move(node));
    }
    j["reasoning_path"] = std::move(path);

    json refs = json::array();
    for (const ReferencePath& r : a.referencePaths) {
        json kinds = json::array();
        for (NodeId n : r.nodes)
            kinds.push_back(n < kb.nodeCount() ? validUtf8(kb.nodeKind(n)) : std::string());
        refs.push_back({{"nodes", nodeNames(kb, r.nodes)},
                        {"kinds", std::move(kinds)},
                        {"relations", r.relations},
                        {"forward", r.forward},
                        {"cost", r.cost},
                        {"origin", r.origin}});
    }
    j["reference_paths"] = std::move(refs);
    j["best_reference"] = a.bestReference;

    json findings = json::array();
    for (const Finding& f : a.findings) {
        json fj = {{"type", toString(f.type)},
                   {"subtype", f.subtype},
                   {"severity", toString(f.severity)},
                   {"step", f.step},
                   {"nodes", nodeNames(kb, f.nodes)},
                   {"span", {f.spanBegin, f.spanEnd}},
                   {"explanation", validUtf8(f.explanation)},
                   {"signature", validUtf8(f.signature)}};
        if (f.type == FindingType::Grounding) {
            fj["image"] = f.image;
            fj["box"] = f.box;
        }
        findings.push_back(std::move(fj));
    }
    j["findings"] = std::move(findings);
    j["images"] = imagesJson(c, a);

    json gaps = json::array();
    for (const CoverageGap& g : a.coverageGaps)
        gaps.push_back({{"text", validUtf8(g.text)},
                        {"where", g.where},
                        {"span", {g.begin, g.end}},
                        {"reason", validUtf8(g.reason)}});
    j["coverage_gaps"] = std::move(gaps);

    json steps = json::array();
    for (const Step& s : a.steps)
        steps.push_back({{"span", {s.begin, s.end}}, {"kind", s.kind}});
    j["steps"] = std::move(steps);

    json mentions = json::array();
    for (const Mention& m : a.outputMentions)
        mentions.push_back({{"span", {m.begin, m.end}},
                            {"node", nodeName(kb, m.node)},
                            {"score", m.score},
                            {"matched", validUtf8(m.matched)}});
    j["mentions"] = std::move(mentions);

    json claims = json::array();
    for (const Claim& cl : a.claims) {
        claims.push_back({{"step", cl.step},
                          {"head", nodeName(kb, cl.head)},
                          {"relation", cl.relation},
                          {"tail", nodeName(kb, cl.tail)},
                          {"polarity", toString(cl.polarity)},
                          {"span", {cl.begin, cl.end}},
                          {"cue", validUtf8(cl.cue)},
                          {"owner", toString(cl.owner)},
                          {"status", toString(cl.status)}});
        // The KG edge or chain the status rests on; absent for an unverified claim.
        if (!cl.evidence.kind.empty()) {
            json nodes = json::array();
            for (NodeId n : cl.evidence.nodes)
                nodes.push_back(nodeName(kb, n));
            claims.back()["evidence"] = {{"kind", cl.evidence.kind},
                                         {"nodes", std::move(nodes)},
                                         {"relations", cl.evidence.relations},
                                         {"forward", cl.evidence.forward}};
        }
    }
    j["claims"] = std::move(claims);
    return j;
}

std::string stringField(const nlohmann::json& o, const char* key) {
    if (!o.is_object())
        return {};
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace rs
