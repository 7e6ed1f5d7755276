#include "CaseRowCodec.h"

#include "StoreError.h"

namespace rs::store {

using nlohmann::json;

namespace {

// Lenient readers for the JSON columns the store itself wrote.
std::string getString(const json& o, const char* key) {
    if (!o.is_object())
        return {};
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double getDouble(const json& o, const char* key) {
    if (!o.is_object())
        return 0;
    auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<double>() : 0.0;
}

json imagesToJson(const std::vector<ImageRef>& images) {
    json out = json::array();
    for (const auto& im : images) {
        json boxes = json::array();
        for (const auto& b : im.boxes) {
            json e = json::object();
            e["label"] = b.label;
            e["source"] = b.source;
            e["x"] = b.x;
            e["y"] = b.y;
            e["w"] = b.w;
            e["h"] = b.h;
            e["z"] = b.z;
            e["d"] = b.d;
            e["is3d"] = b.is3d;
            boxes.push_back(std::move(e));
        }
        json e = json::object();
        e["path"] = im.path;
        e["modality"] = im.modality;
        e["boxes"] = std::move(boxes);
        out.push_back(std::move(e));
    }
    return out;
}

void imagesFromJson(const json& images, std::vector<ImageRef>& out) {
    for (const auto& im : images.is_array() ? images : json::array()) {
        ImageRef ref{getString(im, "path"), getString(im, "modality"), {}};
        const json boxes = im.is_object() ? im.value("boxes", json::array()) : json::array();
        for (const auto& b : boxes.is_array() ? boxes : json::array()) {
            Box box;
            box.label = getString(b, "label");
            box.source = getString(b, "source");
            box.x = getDouble(b, "x");
            box.y = getDouble(b, "y");
            box.w = getDouble(b, "w");
            box.h = getDouble(b, "h");
            box.z = getDouble(b, "z");
            box.d = getDouble(b, "d");
            box.is3d = b.is_object() && b.value("is3d", false) == true;
            ref.boxes.push_back(std::move(box));
        }
        out.push_back(std::move(ref));
    }
}

} // namespace

std::string dumpJson(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parseStoredJson(const std::string& text, const char* what, const std::string& key) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded())
        throw StoreError("damaged " + std::string(what) + " of case " + key);
    return j;
}

CasePartColumns encodeCaseParts(const Case& c) {
    json options = json::array();
    for (const auto& o : c.options) {
        json e = json::object();
        e["label"] = o.label;
        e["text"] = o.text;
        options.push_back(std::move(e));
    }
    // Pairs rather than an object: keeps the input's order and repeated keys.
    json meta = json::array();
    for (const auto& [k, v] : c.meta)
        meta.push_back(json::array({k, v}));
    json goldPath = json::array();
    for (const auto& t : c.goldPath) {
        json e = json::object();
        e["head"] = t.head;
        e["relation"] = t.relation;
        e["tail"] = t.tail;
        goldPath.push_back(std::move(e));
    }
    return {dumpJson(options), dumpJson(imagesToJson(c.images)), dumpJson(meta),
            dumpJson(goldPath)};
}

void decodeCaseParts(const CasePartColumns& columns, Case& c) {
    const json options = parseStoredJson(columns.options, "options", c.key);
    const json images = parseStoredJson(columns.images, "images", c.key);
    const json meta = parseStoredJson(columns.meta, "meta", c.key);
    const json goldPath = parseStoredJson(columns.goldPath, "gold path", c.key);
    for (const auto& o : options.is_array() ? options : json::array())
        c.options.push_back({getString(o, "label"), getString(o, "text")});
    imagesFromJson(images, c.images);
    for (const auto& p : meta.is_array() ? meta : json::array())
        if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_string())
            c.meta.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
    for (const auto& t : goldPath.is_array() ? goldPath : json::array())
        c.goldPath.push_back(
            {getString(t, "head"), getString(t, "relation"), getString(t, "tail")});
}

} // namespace rs::store
