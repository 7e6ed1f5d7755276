#include "GenericRecord.h"

#include <cctype>

namespace rs::importers {

namespace {

bool isBlank(const std::string& s) {
    for (const char ch : s)
        if (!std::isspace(static_cast<unsigned char>(ch)))
            return false;
    return true;
}

bool number(const Json& obj, const char* key, bool required, double& out, bool& present,
            const std::string& where, std::string& err) {
    present = false;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required)
            err = "missing '" + where + "." + key + "'";
        return !required;
    }
    if (!it->is_number()) {
        err = "'" + where + "." + key + "' must be a number, found " + typeName(*it);
        return false;
    }
    out = it->get<double>();
    present = true;
    return true;
}

bool readBox(const Json& v, const std::string& where, Box& box, std::string& err) {
    if (!v.is_object()) {
        err = "'" + where + "' must be an object, found " + typeName(v);
        return false;
    }
    if (!optionalString(v, "label", box.label, err) ||
        !optionalString(v, "source", box.source, err)) {
        err = where + ": " + err;
        return false;
    }
    if (box.source != "model" && box.source != "reference") {
        err = "'" + where + ".source' must be \"model\" or \"reference\"";
        return false;
    }
    bool present = false, zPresent = false, dPresent = false;
    if (!number(v, "x", true, box.x, present, where, err) ||
        !number(v, "y", true, box.y, present, where, err) ||
        !number(v, "w", true, box.w, present, where, err) ||
        !number(v, "h", true, box.h, present, where, err) ||
        !number(v, "z", false, box.z, zPresent, where, err) ||
        !number(v, "d", false, box.d, dPresent, where, err))
        return false;
    if (box.w < 0 || box.h < 0 || box.d < 0) {
        err = "'" + where + "' has a negative size";
        return false;
    }
    box.is3d = zPresent || dPresent;
    return true;
}

bool readImages(const Json& v, const std::filesystem::path& baseDir, std::vector<ImageRef>& images,
                std::string& err) {
    if (!v.is_array()) {
        err = std::string("'images' must be an array, found ") + typeName(v);
        return false;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string where = "images[" + std::to_string(i) + "]";
        const Json& img = v[i];
        if (!img.is_object()) {
            err = "'" + where + "' must be an object, found " + typeName(img);
            return false;
        }
        ImageRef ref;
        if (!requiredString(img, "path", ref.path, err) ||
            !optionalString(img, "modality", ref.modality, err)) {
            err = where + ": " + err;
            return false;
        }
        if (isBlank(ref.path)) {
            err = "'" + where + ".path' is empty";
            return false;
        }
        const std::filesystem::path p(ref.path);
        if (p.is_relative())
            ref.path = (baseDir / p).lexically_normal().string();
        if (const auto boxes = img.find("boxes"); boxes != img.end() && !boxes->is_null()) {
            if (!boxes->is_array()) {
                err = "'" + where + ".boxes' must be an array, found " + typeName(*boxes);
                return false;
            }
            for (std::size_t b = 0; b < boxes->size(); ++b) {
                Box box;
                if (!readBox((*boxes)[b], where + ".boxes[" + std::to_string(b) + "]", box, err))
                    return false;
                ref.boxes.push_back(std::move(box));
            }
        }
        images.push_back(std::move(ref));
    }
    return true;
}

bool readTriple(const Json& v, std::size_t i, NamedTriple& t, std::string& err) {
    const std::string where = "reference_path[" + std::to_string(i) + "]";
    if (v.is_array() && v.size() == 3 && v[0].is_string() && v[1].is_string() && v[2].is_string()) {
        t = {v[0].get<std::string>(), v[1].get<std::string>(), v[2].get<std::string>()};
        return true;
    }
    if (v.is_object()) {
        if (requiredString(v, "head", t.head, err) &&
            requiredString(v, "relation", t.relation, err) &&
            requiredString(v, "tail", t.tail, err))
            return true;
        err = where + ": " + err;
        return false;
    }
    err = "'" + where + "' must be [\"head\", \"relation\", \"tail\"]";
    return false;
}

} // namespace

bool parseGenericRecord(const Json& rec, GenericRecordKind kind,
                        const std::filesystem::path& baseDir, Case& c, std::string& err) {
    const auto id = rec.find("id");
    if (id == rec.end() || id->is_null()) {
        err = "missing required field 'id'";
        return false;
    }
    if (!idText(*id, "id", c.key, err) || !requiredString(rec, "question", c.question, err))
        return false;
    if (isBlank(c.question)) {
        err = "'question' is empty";
        return false;
    }
    if (kind == GenericRecordKind::Output && !requiredString(rec, "output", c.output, err))
        return false;
    if (kind == GenericRecordKind::Output) {
        // A reasoning model's trace beside its answer, as OpenAI-compatible APIs return it:
        // the trace is what is analysed, the output is then the final answer.
        std::string trace;
        for (const char* key : {"reasoning_content", "reasoning"}) {
            if (!optionalString(rec, key, trace, err))
                return false;
            if (!isBlank(trace)) {
                c.finalAnswer = std::move(c.output);
                c.output = std::move(trace);
                break;
            }
        }
    }
    if (!optionalString(rec, "model", c.model, err) || !optionalString(rec, "run", c.run, err) ||
        !optionalString(rec, "dataset", c.dataset, err))
        return false;
    if (const auto o = rec.find("options");
        o != rec.end() && !parseOptions(*o, "options", c.options, err))
        return false;
    if (const auto g = rec.find("gold");
        g != rec.end() && !answerText(*g, "gold", c.options, c.gold, err))
        return false;
    if (kind == GenericRecordKind::Output) {
        if (const auto p = rec.find("prediction");
            p != rec.end() && !answerText(*p, "prediction", c.options, c.prediction, err))
            return false;
        if (const auto k = rec.find("correct"); k != rec.end() && !k->is_null()) {
            if (!k->is_boolean()) {
                err = std::string("'correct' must be true or false, found ") + typeName(*k);
                return false;
            }
            c.correct = k->get<bool>();
        }
    }
    if (const auto q = rec.find("question_id"); q != rec.end() && !q->is_null()) {
        if (!idText(*q, "question_id", c.questionId, err))
            return false;
    } else {
        c.questionId = c.dataset.empty() ? c.key : c.dataset + ":" + c.key;
    }
    if (const auto rp = rec.find("reference_path"); rp != rec.end() && !rp->is_null()) {
        if (!rp->is_array()) {
            err =
                std::string("'reference_path' must be an array of triples, found ") + typeName(*rp);
            return false;
        }
        for (std::size_t i = 0; i < rp->size(); ++i) {
            NamedTriple t;
            if (!readTriple((*rp)[i], i, t, err))
                return false;
            c.goldPath.push_back(std::move(t));
        }
    }
    if (const auto im = rec.find("images");
        im != rec.end() && !im->is_null() && !readImages(*im, baseDir, c.images, err))
        return false;
    if (const auto m = rec.find("meta"); m != rec.end() && !m->is_null()) {
        if (!m->is_object()) {
            err = std::string("'meta' must be an object, found ") + typeName(*m);
            return false;
        }
        for (const auto& [k, v] : m->items())
            c.meta.emplace_back(k, metaText(v));
    }
    return true;
}

} // namespace rs::importers
