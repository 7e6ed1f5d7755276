#include "CaseResultCodec.h"

#include "CaseResultJson.h"
#include "FindingKinds.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace rs {

using nlohmann::json;

// --- encoding -----------------------------------------------------------------------------

namespace {

// Every string goes through validUtf8: input files and KG names may hold any bytes, and
// serialization must never throw on a user's file.
json text(const std::string& s) {
    return validUtf8(s);
}

json texts(const std::vector<std::string>& v) {
    json a = json::array();
    for (const std::string& s : v)
        a.push_back(validUtf8(s));
    return a;
}

json spanJson(const CaseResult::Span& s) {
    return json::array({s.begin, s.end});
}

json conceptJson(const std::optional<CaseResult::Concept>& c) {
    if (!c)
        return nullptr;
    return json{{"name", text(c->name)}, {"kind", text(c->kind)}, {"key", text(c->key)}};
}

json findingJson(const CaseResult::Finding& f) {
    json fj = {{"type", CaseResult::typeName(f)},
               {"subtype", text(f.subtype)},
               {"severity", f.severity ? severityName(*f.severity) : ""},
               {"step", f.step},
               {"nodes", texts(f.nodes)},
               {"span", spanJson(f.span)},
               {"explanation", text(f.explanation)},
               {"signature", text(f.signature)}};
    if (f.type == FindingType::Grounding) {
        fj["image"] = f.image;
        fj["box"] = f.box;
    }
    // A reading finding quotes the question too: "span" is the output's judgement,
    // "question_span" what the question says, in Case::question.
    if (f.type == FindingType::Reading)
        fj["question_span"] = spanJson(f.questionSpan);
    return fj;
}

json imageJson(const CaseResult::Image& im) {
    json boxes = json::array();
    for (const CaseResult::ImageBox& b : im.boxes) {
        json bj = {{"label", text(b.label)},
                   {"source", text(b.source)},
                   {"x", b.x},
                   {"y", b.y},
                   {"w", b.w},
                   {"h", b.h}};
        if (b.z)
            bj["z"] = *b.z;
        if (b.d)
            bj["d"] = *b.d;
        bj["best_match"] = b.bestMatch;
        bj["iou"] = b.iou ? json(*b.iou) : json(nullptr);
        boxes.push_back(std::move(bj));
    }
    return {{"path", text(im.path)},
            {"modality", text(im.modality)},
            {"boxes", std::move(boxes)},
            {"problem", text(im.problem)}};
}

json claimJson(const CaseResult::Claim& cl) {
    json cj = {{"step", cl.step},
               {"head", text(cl.head)},
               {"relation", text(cl.relation)},
               {"tail", text(cl.tail)},
               {"polarity", cl.polarity ? toString(*cl.polarity) : ""},
               {"span", spanJson(cl.span)},
               {"cue", text(cl.cue)}};
    // An end's KG concept, or null for a phrase the KG has no concept for.
    cj["head_node"] = cl.headLinked ? json(text(cl.head)) : json(nullptr);
    cj["tail_node"] = cl.tailLinked ? json(text(cl.tail)) : json(nullptr);
    if (!cl.headSpan.empty())
        cj["head_span"] = spanJson(cl.headSpan);
    if (!cl.tailSpan.empty())
        cj["tail_span"] = spanJson(cl.tailSpan);
    if (!cl.owner.empty())
        cj["owner"] = text(cl.owner);
    if (cl.status)
        cj["status"] = toString(*cl.status);
    if (cl.pattern)
        cj["pattern"] = toString(*cl.pattern);
    if (!cl.evidence.kind.empty())
        cj["evidence"] = {{"kind", text(cl.evidence.kind)},
                          {"nodes", texts(cl.evidence.nodes)},
                          {"relations", texts(cl.evidence.relations)},
                          {"forward", cl.evidence.forward}};
    return cj;
}

void writePaths(const CaseResult& r, json& j) {
    json path = json::array();
    for (const CaseResult::PathNode& n : r.reasoningPath) {
        json node = conceptJson(n.kgConcept);
        node["step"] = n.step;
        path.push_back(std::move(node));
    }
    j["reasoning_path"] = std::move(path);

    json refs = json::array();
    for (const CaseResult::ReferencePath& p : r.referencePaths)
        refs.push_back({{"nodes", texts(p.nodes)},
                        {"kinds", texts(p.kinds)},
                        {"relations", texts(p.relations)},
                        {"forward", p.forward},
                        {"cost", p.cost},
                        {"origin", text(p.origin)}});
    j["reference_paths"] = std::move(refs);
    j["best_reference"] = r.bestReference;
}

} // namespace

json encodeCaseResult(const CaseResult& r) {
    json j;
    j["id"] = text(r.id);
    j["run"] = text(r.run);
    j["model"] = text(r.model);
    j["question_id"] = text(r.questionId);
    j["source"] = {{"file", text(r.sourceFile)}, {"record", r.sourceRecord}};
    j["correct"] = r.correct ? json(*r.correct) : json(nullptr);
    j["prediction"] = text(r.prediction);
    j["gold"] = text(r.gold);

    json anchors;
    anchors["gold"] = conceptJson(r.anchors.gold);
    anchors["predicted"] = conceptJson(r.anchors.predicted);
    anchors["gold_option"] = r.anchors.goldOption;
    anchors["predicted_option"] = r.anchors.predictedOption;
    anchors["evidence"] = texts(r.anchors.evidence);
    anchors["options"] = texts(r.anchors.options);
    j["anchors"] = std::move(anchors);
    j["unanchored_reason"] = text(r.unanchoredReason);
    writePaths(r, j);

    json findings = json::array();
    for (const CaseResult::Finding& f : r.findings)
        findings.push_back(findingJson(f));
    j["findings"] = std::move(findings);
    json images = json::array();
    for (const CaseResult::Image& im : r.images)
        images.push_back(imageJson(im));
    j["images"] = std::move(images);

    json gaps = json::array();
    for (const CaseResult::Gap& g : r.coverageGaps)
        gaps.push_back({{"text", text(g.text)},
                        {"where", text(g.where)},
                        {"span", spanJson(g.span)},
                        {"reason", text(g.reason)}});
    j["coverage_gaps"] = std::move(gaps);

    json steps = json::array();
    for (const CaseResult::Step& s : r.steps)
        steps.push_back({{"span", spanJson(s.span)}, {"kind", text(s.kind)}});
    j["steps"] = std::move(steps);

    json mentions = json::array();
    for (const CaseResult::Mention& m : r.mentions) {
        json mj = {
            {"span", spanJson(m.span)}, {"node", text(m.node)}, {"matched", text(m.matched)}};
        if (m.score)
            mj["score"] = *m.score;
        mentions.push_back(std::move(mj));
    }
    j["mentions"] = std::move(mentions);

    json claims = json::array();
    for (const CaseResult::Claim& cl : r.claims)
        claims.push_back(claimJson(cl));
    j["claims"] = std::move(claims);
    return j;
}

// --- decoding -----------------------------------------------------------------------------

namespace {

// Reads fields of untrusted JSON, never throwing; what it cannot read it names in problems.
class Reader {
public:
    explicit Reader(std::vector<std::string>* problems) : problems_(problems) {}

    void problem(const std::string& where, const char* what) {
        if (problems_)
            problems_->push_back(where + ": " + what);
    }

    // The field, or nullptr when o is no object or the field is absent or null.
    static const json* field(const json& o, const char* key) {
        if (!o.is_object())
            return nullptr;
        const auto it = o.find(key);
        return it == o.end() || it->is_null() ? nullptr : &*it;
    }

    std::string string(const json& o, const char* key, const std::string& where) {
        const json* v = field(o, key);
        if (!v)
            return {};
        if (v->is_string())
            return v->get<std::string>();
        problem(where + "." + key, "not a string");
        return {};
    }

    int integer(const json& o, const char* key, const std::string& where, int fallback = -1) {
        const json* v = field(o, key);
        if (!v)
            return fallback;
        if (v->is_number_unsigned()) {
            const auto u = v->get<std::uint64_t>();
            if (u <= std::uint64_t(std::numeric_limits<int>::max()))
                return int(u);
        } else if (v->is_number_integer()) {
            const auto i = v->get<std::int64_t>();
            if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max())
                return int(i);
        }
        problem(where + "." + key, "not an integer");
        return fallback;
    }

    std::optional<double> number(const json& o, const char* key, const std::string& where) {
        const json* v = field(o, key);
        if (!v)
            return std::nullopt;
        if (v->is_number())
            return v->get<double>();
        problem(where + "." + key, "not a number");
        return std::nullopt;
    }

    // The array, or an empty one (named in problems when the field is something else).
    const json& array(const json& o, const char* key, const std::string& where) {
        static const json empty = json::array();
        const json* v = field(o, key);
        if (!v)
            return empty;
        if (v->is_array())
            return *v;
        problem(where + "." + key, "not a list");
        return empty;
    }

    // Strings of a list; an element that is no string becomes "" (keepPlaces) so that
    // parallel lists stay aligned, or is left out.
    std::vector<std::string> strings(const json& o, const char* key, const std::string& where,
                                     bool keepPlaces = true) {
        std::vector<std::string> out;
        const json& a = array(o, key, where);
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i].is_string())
                out.push_back(a[i].get<std::string>());
            else {
                problem(where + "." + key + "[" + std::to_string(i) + "]", "not a string");
                if (keepPlaces)
                    out.emplace_back();
            }
        }
        return out;
    }

    // [begin, end] as two non-negative integers with begin <= end; otherwise the empty span.
    CaseResult::Span span(const json& o, const std::string& where, const char* key = "span") {
        const json* v = field(o, key);
        if (!v)
            return {};
        if (v->is_array() && v->size() == 2 && (*v)[0].is_number_unsigned() &&
            (*v)[1].is_number_unsigned()) {
            const auto b = (*v)[0].get<std::uint64_t>(), e = (*v)[1].get<std::uint64_t>();
            if (b <= e && e <= std::numeric_limits<std::size_t>::max())
                return {std::size_t(b), std::size_t(e)};
        }
        problem(where + "." + key, "not [begin, end]");
        return {};
    }

    std::optional<CaseResult::Concept> kgConcept(const json& o, const std::string& where) {
        if (!o.is_object() || (!o.contains("name") && !o.contains("kind") && !o.contains("key")))
            return std::nullopt;
        return CaseResult::Concept{string(o, "name", where), string(o, "kind", where),
                                   string(o, "key", where)};
    }

    // Calls fn(element, "key[i]") for every element of the list, naming non-objects. They
    // are passed on too (keepPlaces) where other parts of the result refer to positions in
    // the list, and left out where nothing does.
    template <class Fn>
    void objects(const json& o, const char* key, Fn&& fn, bool keepPlaces = true) {
        const json& a = array(o, key, "case");
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
            if (!a[i].is_object()) {
                problem(where, "not an object");
                if (!keepPlaces)
                    continue;
            }
            fn(a[i], where);
        }
    }

private:
    std::vector<std::string>* problems_;
};

void readIdentity(Reader& in, const json& j, CaseResult& r) {
    r.id = in.string(j, "id", "case");
    r.run = in.string(j, "run", "case");
    r.model = in.string(j, "model", "case");
    r.questionId = in.string(j, "question_id", "case");
    if (const json* source = Reader::field(j, "source")) {
        r.sourceFile = in.string(*source, "file", "source");
        const int record = in.integer(*source, "record", "source", 0);
        r.sourceRecord = record > 0 ? std::size_t(record) : 0;
    }
    if (const json* correct = Reader::field(j, "correct")) {
        if (correct->is_boolean())
            r.correct = correct->get<bool>();
        else
            in.problem("case.correct", "not true, false or null");
    }
    r.prediction = in.string(j, "prediction", "case");
    r.gold = in.string(j, "gold", "case");
}

void readAnchors(Reader& in, const json& j, CaseResult& r) {
    const json* anchors = Reader::field(j, "anchors");
    if (!anchors)
        return;
    if (!anchors->is_object()) {
        in.problem("anchors", "not an object");
        return;
    }
    if (const json* g = Reader::field(*anchors, "gold"))
        r.anchors.gold = in.kgConcept(*g, "anchors.gold");
    if (const json* p = Reader::field(*anchors, "predicted"))
        r.anchors.predicted = in.kgConcept(*p, "anchors.predicted");
    r.anchors.goldOption = in.integer(*anchors, "gold_option", "anchors");
    r.anchors.predictedOption = in.integer(*anchors, "predicted_option", "anchors");
    r.anchors.evidence = in.strings(*anchors, "evidence", "anchors");
    r.anchors.options = in.strings(*anchors, "options", "anchors");
}

void readPaths(Reader& in, const json& j, CaseResult& r) {
    in.objects(j, "reasoning_path", [&](const json& n, const std::string& where) {
        r.reasoningPath.push_back({in.kgConcept(n, where), in.integer(n, "step", where)});
    });
    in.objects(j, "reference_paths", [&](const json& p, const std::string& where) {
        CaseResult::ReferencePath rp;
        rp.nodes = in.strings(p, "nodes", where);
        rp.kinds = in.strings(p, "kinds", where);
        rp.relations = in.strings(p, "relations", where);
        const json& forward = in.array(p, "forward", where);
        for (std::size_t i = 0; i < forward.size(); ++i) {
            if (!forward[i].is_boolean())
                in.problem(where + ".forward[" + std::to_string(i) + "]", "not true or false");
            rp.forward.push_back(forward[i].is_boolean() ? forward[i].get<bool>() : true);
        }
        rp.cost = in.number(p, "cost", where).value_or(0.0);
        rp.origin = in.string(p, "origin", where);
        r.referencePaths.push_back(std::move(rp));
    });
    r.bestReference = in.integer(j, "best_reference", "case");
}

void readFindings(Reader& in, const json& j, CaseResult& r) {
    in.objects(j, "findings", [&](const json& f, const std::string& where) {
        CaseResult::Finding rf;
        rf.readable = f.is_object();
        const std::string type = in.string(f, "type", where);
        rf.type = findingTypeFromName(type);
        if (!rf.type && !type.empty())
            in.problem(where + ".type", "not a known finding type");
        rf.subtype = in.string(f, "subtype", where);
        const std::string severity = in.string(f, "severity", where);
        rf.severity = severityFromName(severity);
        if (!rf.severity && !severity.empty())
            in.problem(where + ".severity", "not a known severity");
        rf.step = in.integer(f, "step", where);
        rf.nodes = in.strings(f, "nodes", where, false);
        rf.span = in.span(f, where);
        rf.questionSpan = in.span(f, where, "question_span");
        rf.explanation = in.string(f, "explanation", where);
        rf.signature = in.string(f, "signature", where);
        rf.image = in.integer(f, "image", where);
        rf.box = in.integer(f, "box", where);
        r.findings.push_back(std::move(rf));
    });
}

void readImages(Reader& in, const json& j, CaseResult& r) {
    in.objects(j, "images", [&](const json& im, const std::string& where) {
        CaseResult::Image image;
        image.path = in.string(im, "path", where);
        image.modality = in.string(im, "modality", where);
        image.problem = in.string(im, "problem", where);
        const json& boxes = in.array(im, "boxes", where);
        for (std::size_t b = 0; b < boxes.size(); ++b) {
            const json& bj = boxes[b];
            const std::string at = where + ".boxes[" + std::to_string(b) + "]";
            if (!bj.is_object())
                in.problem(at, "not an object");
            CaseResult::ImageBox box;
            box.label = in.string(bj, "label", at);
            box.source = in.string(bj, "source", at);
            box.x = in.number(bj, "x", at).value_or(0.0);
            box.y = in.number(bj, "y", at).value_or(0.0);
            box.w = in.number(bj, "w", at).value_or(0.0);
            box.h = in.number(bj, "h", at).value_or(0.0);
            box.z = in.number(bj, "z", at);
            box.d = in.number(bj, "d", at);
            box.bestMatch = in.integer(bj, "best_match", at);
            box.iou = in.number(bj, "iou", at);
            image.boxes.push_back(std::move(box));
        }
        r.images.push_back(std::move(image));
    });
}

void readText(Reader& in, const json& j, CaseResult& r) {
    in.objects(
        j, "coverage_gaps",
        [&](const json& g, const std::string& where) {
            r.coverageGaps.push_back({in.string(g, "text", where), in.string(g, "where", where),
                                      in.span(g, where), in.string(g, "reason", where)});
        },
        false);
    in.objects(j, "steps", [&](const json& s, const std::string& where) {
        r.steps.push_back({in.span(s, where), in.string(s, "kind", where)});
    });
    in.objects(
        j, "mentions",
        [&](const json& m, const std::string& where) {
            r.mentions.push_back({in.span(m, where), in.string(m, "node", where),
                                  in.number(m, "score", where), in.string(m, "matched", where)});
        },
        false);
    in.objects(
        j, "claims",
        [&](const json& c, const std::string& where) {
            CaseResult::Claim cl;
            cl.step = in.integer(c, "step", where);
            cl.head = in.string(c, "head", where);
            cl.relation = in.string(c, "relation", where);
            cl.tail = in.string(c, "tail", where);
            const std::string polarity = in.string(c, "polarity", where);
            cl.polarity = polarityFromName(polarity);
            if (!cl.polarity && !polarity.empty())
                in.problem(where + ".polarity", "not asserted, negated or hedged");
            cl.span = in.span(c, where);
            // Files written before unlinked ends have no "head_node": every end was linked.
            cl.headLinked = !(c.contains("head_node") && c["head_node"].is_null());
            cl.tailLinked = !(c.contains("tail_node") && c["tail_node"].is_null());
            cl.headSpan = in.span(c, where, "head_span");
            cl.tailSpan = in.span(c, where, "tail_span");
            cl.cue = in.string(c, "cue", where);
            const std::string status = in.string(c, "status", where);
            cl.status = claimStatusFromName(status);
            if (!cl.status && !status.empty())
                in.problem(where + ".status", "not supported, contradicted or unverified");
            // Projects written before patterns were recorded have none: left unset.
            const std::string pattern = in.string(c, "pattern", where);
            cl.pattern = claimPatternFromName(pattern);
            if (!cl.pattern && !pattern.empty())
                in.problem(where + ".pattern", "not a known claim pattern");
            cl.owner = in.string(c, "owner", where);
            if (!cl.owner.empty() && !claimOwnerFromName(cl.owner))
                in.problem(where + ".owner", "not a known owner of a claim");
            if (const auto it = c.find("evidence"); it != c.end() && it->is_object()) {
                const std::string ew = where + ".evidence";
                cl.evidence.kind = in.string(*it, "kind", ew);
                cl.evidence.nodes = in.strings(*it, "nodes", ew);
                cl.evidence.relations = in.strings(*it, "relations", ew);
                for (const json& f : in.array(*it, "forward", ew))
                    cl.evidence.forward.push_back(f.is_boolean() && f.get<bool>());
            } else if (it != c.end()) {
                in.problem(where + ".evidence", "not an object");
            }
            r.claims.push_back(std::move(cl));
        },
        false);
}

} // namespace

CaseResult decodeCaseResult(const json& j, std::vector<std::string>* problems) {
    CaseResult r;
    Reader in(problems);
    if (!j.is_object()) {
        if (!j.is_null())
            in.problem("case", "not an object");
        return r;
    }
    readIdentity(in, j, r);
    readAnchors(in, j, r);
    r.unanchoredReason = in.string(j, "unanchored_reason", "case");
    readPaths(in, j, r);
    readFindings(in, j, r);
    readImages(in, j, r);
    readText(in, j, r);
    return r;
}

bool looksLikeCaseResult(const json& j) {
    if (!j.is_object())
        return false;
    const auto path = j.find("reasoning_path"), refs = j.find("reference_paths");
    return (path != j.end() && path->is_array()) || (refs != j.end() && refs->is_array());
}

} // namespace rs
