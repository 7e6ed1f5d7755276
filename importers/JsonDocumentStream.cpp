#include "JsonDocumentStream.h"

#include "ImportContext.h"
#include "InputFile.h"
#include "Utf8.h"

#include <algorithm>

namespace rs::importers {

namespace {

const char* containerName(Container c) {
    return c == Container::Object ? "an object" : "an array";
}

class RecordSax {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    RecordSax(const std::vector<Container>& shape,
              const std::function<bool(const DocumentPosition&, Json&&)>& onRecord,
              const std::function<void(const DocumentPosition&, const std::string&)>& onShapeError,
              DocumentResult& result)
        : shape_(shape), onRecord_(onRecord), onShapeError_(onShapeError), result_(result) {}

    bool null() { return scalar(Json(nullptr)); }
    bool boolean(bool v) { return scalar(Json(v)); }
    bool number_integer(number_integer_t v) { return scalar(Json(v)); }
    bool number_unsigned(number_unsigned_t v) { return scalar(Json(v)); }
    bool number_float(number_float_t v, const string_t&) { return scalar(Json(v)); }
    bool string(string_t& v) { return scalar(Json(std::move(v))); }
    bool binary(binary_t& v) { return scalar(Json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(Container::Object); }
    bool start_array(std::size_t) { return open(Container::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        if (skip_ > 0)
            return true;
        if (!building_.empty())
            pendingKey_ = std::move(k);
        else
            outer_.back().key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& e) {
        result_.parseError = describeParseError(e, true);
        errorByte_ = position;
        return false;
    }

    std::size_t errorByte() const { return errorByte_; }

private:
    struct Level {
        Container type;
        std::string key;
        std::size_t count = 0;
    };

    // Position of a value that starts now at the current outer level.
    DocumentPosition positionOfNewValue() {
        DocumentPosition pos;
        for (const Level& l : outer_)
            pos.path.push_back(l.type == Container::Object ? l.key : std::to_string(l.count));
        pos.ordinal = outer_.empty() ? 1 : outer_.back().count;
        return pos;
    }

    bool deliver(Json&& value) {
        ++result_.records;
        if (!onRecord_(recordPos_, std::move(value))) {
            result_.stopped = true;
            return false;
        }
        return true;
    }

    void addToRecord(Json&& v) {
        Json& parent = *building_.back();
        if (parent.is_array())
            parent.push_back(std::move(v));
        else
            parent[pendingKey_] = std::move(v);
    }

    Json* addContainerToRecord(Json&& v) {
        Json& parent = *building_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        Json& slot = parent[pendingKey_];
        slot = std::move(v);
        return &slot;
    }

    bool scalar(Json&& v) {
        if (skip_ > 0)
            return true;
        if (!building_.empty()) {
            addToRecord(std::move(v));
            return true;
        }
        if (!outer_.empty())
            ++outer_.back().count;
        const std::size_t depth = outer_.size();
        if (depth < shape_.size()) {
            onShapeError_(positionOfNewValue(), std::string("expected ") +
                                                    containerName(shape_[depth]) + ", found " +
                                                    typeName(v));
            return true;
        }
        recordPos_ = positionOfNewValue();
        return deliver(std::move(v));
    }

    bool open(Container type) {
        if (skip_ > 0) {
            ++skip_;
            return true;
        }
        Json fresh = type == Container::Object ? Json::object() : Json::array();
        if (!building_.empty()) {
            if (int(building_.size()) >= kMaxJsonDepth) {
                // Drop the record; skip_ counts the containers still to be closed.
                skip_ = building_.size() + 1;
                building_.clear();
                record_ = Json();
                ++result_.records;
                onShapeError_(recordPos_, "record nested deeper than " +
                                              std::to_string(kMaxJsonDepth) + " levels; rejected");
                return true;
            }
            building_.push_back(addContainerToRecord(std::move(fresh)));
            return true;
        }
        if (!outer_.empty())
            ++outer_.back().count;
        const std::size_t depth = outer_.size();
        if (depth < shape_.size()) {
            if (shape_[depth] != type) {
                onShapeError_(positionOfNewValue(), std::string("expected ") +
                                                        containerName(shape_[depth]) + ", found " +
                                                        containerName(type));
                skip_ = 1;
                return true;
            }
            outer_.push_back({type, {}, 0});
            return true;
        }
        recordPos_ = positionOfNewValue();
        record_ = std::move(fresh);
        building_.push_back(&record_);
        return true;
    }

    bool close() {
        if (skip_ > 0) {
            --skip_;
            return true;
        }
        if (!building_.empty()) {
            building_.pop_back();
            if (building_.empty())
                return deliver(std::move(record_));
            return true;
        }
        if (!outer_.empty())
            outer_.pop_back();
        return true;
    }

    const std::vector<Container>& shape_;
    const std::function<bool(const DocumentPosition&, Json&&)>& onRecord_;
    const std::function<void(const DocumentPosition&, const std::string&)>& onShapeError_;
    DocumentResult& result_;
    std::vector<Level> outer_;
    std::vector<Json*> building_;
    Json record_;
    std::string pendingKey_;
    DocumentPosition recordPos_;
    std::size_t skip_ = 0;
    std::size_t errorByte_ = 0;
};

} // namespace

DocumentResult streamJsonDocument(
    std::string_view content, const std::vector<Container>& shape,
    const std::function<bool(const DocumentPosition&, Json&& record)>& onRecord,
    const std::function<void(const DocumentPosition&, const std::string& reason)>& onShapeError) {
    DocumentResult result;
    RecordSax sax(shape, onRecord, onShapeError, result);
    Json::sax_parse(content.begin(), content.end(), &sax);
    if (!result.parseError.empty()) {
        const std::size_t end = std::min(content.size(), sax.errorByte());
        result.errorLine = 1 + std::size_t(std::count(content.begin(),
                                                      content.begin() + std::ptrdiff_t(end), '\n'));
    }
    return result;
}

} // namespace rs::importers

namespace rs::importers {

namespace {
constexpr std::size_t kMaxDocumentBytes = std::size_t(1) << 30;
}

bool loadJsonDocument(ImportContext& ctx, LoadedDocument& doc) {
    InputFile in;
    if (!in.open(ctx.path())) {
        ctx.error(0, 0, in.error());
        return false;
    }
    if (!in.readAll(doc.content, kMaxDocumentBytes)) {
        if (doc.content.size() > kMaxDocumentBytes) {
            doc.content.clear();
            ctx.error(0, 0,
                      in.error() + " for a JSON document; write the records as JSONL instead");
            return false;
        }
        doc.readError = in.error();
    }
    if (doc.content.rfind("\xEF\xBB\xBF", 0) == 0)
        doc.content.erase(0, 3);
    if (doc.content.find_first_not_of(" \t\r\n") == std::string::npos) {
        ctx.error(0, 0, doc.readError.empty() ? "no records: the file is empty" : doc.readError);
        return false;
    }
    if (!utf8::isValid(doc.content)) {
        doc.invalidMarker = invalidUtf8Marker(doc.content);
        doc.content = utf8::repair(doc.content, doc.invalidMarker);
    }
    return true;
}

void reportDocumentEnd(ImportContext& ctx, const LoadedDocument& doc,
                       const DocumentResult& result) {
    if (result.stopped)
        return;
    const std::string kept = result.records > 0 ? "; the " + std::to_string(result.records) +
                                                      " records before it were read"
                                                : std::string();
    if (!doc.readError.empty()) {
        const std::size_t line =
            result.errorLine > 0
                ? result.errorLine
                : 1 + std::size_t(std::count(doc.content.begin(), doc.content.end(), '\n'));
        ctx.error(line, 0,
                  doc.readError + ": the document is cut short at line " + std::to_string(line) +
                      kept);
        return;
    }
    if (!result.parseError.empty()) {
        ctx.error(result.errorLine, 0,
                  "malformed JSON at " + result.parseError + kept +
                      ", the rest of the document could not be read");
    } else if (result.records == 0) {
        ctx.error(0, 0, "no records: the document holds no items");
    }
}

} // namespace rs::importers
