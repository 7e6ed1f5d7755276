#include "JsonUtil.h"

#include "OutputImporter.h"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace rs::importers {

const char* typeName(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "a number";
    case Json::value_t::binary:
        return "binary data";
    case Json::value_t::discarded:
        return "nothing";
    }
    return "an unknown value";
}

int nestingDepth(std::string_view text, int limit) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) >= limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            if (depth > 0)
                --depth;
        }
    }
    return deepest;
}

std::string describeParseError(const std::exception& e, bool keepLine) {
    std::string msg = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    if (const auto close = msg.find("] ");
        msg.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
        msg.erase(0, close + 2);
    if (msg.rfind("parse error at ", 0) == 0)
        msg.erase(0, std::strlen("parse error at "));
    if (!keepLine && msg.rfind("line ", 0) == 0) {
        if (const auto comma = msg.find(", "); comma != std::string::npos)
            msg.erase(0, comma + 2);
    }
    return msg;
}

std::string describeJsonValueError(const std::exception& e) {
    std::string msg = e.what();
    if (const auto close = msg.find("] ");
        msg.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
        msg.erase(0, close + 2);
    // "number overflow parsing '1e309'"
    const std::string overflow = "number overflow parsing '";
    if (msg.rfind(overflow, 0) == 0 && msg.size() > overflow.size() && msg.back() == '\'')
        return "number out of range: " +
               msg.substr(overflow.size(), msg.size() - overflow.size() - 1) +
               " does not fit a double";
    return msg;
}

bool optionalString(const Json& obj, const char* key, std::string& out, std::string& err) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return true;
    if (!it->is_string()) {
        err = std::string("'") + key + "' must be a string, found " + typeName(*it);
        return false;
    }
    out = it->get_ref<const std::string&>();
    return true;
}

bool requiredString(const Json& obj, const char* key, std::string& out, std::string& err) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        err = std::string("missing required field '") + key + "'";
        return false;
    }
    return optionalString(obj, key, out, err);
}

bool idText(const Json& v, const char* what, std::string& out, std::string& err) {
    if (v.is_string()) {
        out = v.get_ref<const std::string&>();
    } else if (v.is_number_integer()) {
        out = v.dump();
    } else {
        err = std::string("'") + what + "' must be a string or an integer, found " + typeName(v);
        return false;
    }
    bool blank = true;
    for (const char c : out)
        blank = blank && std::isspace(static_cast<unsigned char>(c));
    if (blank) {
        err = std::string("'") + what + "' is empty";
        return false;
    }
    return true;
}

std::string optionLabel(std::size_t index) {
    std::string label;
    ++index; // bijective base 26: 1 -> A, 26 -> Z, 27 -> AA
    while (index > 0) {
        --index;
        label.insert(label.begin(), char('A' + index % 26));
        index /= 26;
    }
    return label;
}

bool parseOptions(const Json& v, const char* what, std::vector<AnswerOption>& out,
                  std::string& err) {
    out.clear();
    if (v.is_null())
        return true;
    if (v.is_object()) {
        for (const auto& [label, text] : v.items()) {
            if (!text.is_string()) {
                err = std::string("'") + what + "." + label + "' must be a string, found " +
                      typeName(text);
                return false;
            }
            out.push_back({label, text.get<std::string>()});
        }
        return true;
    }
    if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string()) {
                err = std::string("'") + what + "[" + std::to_string(i) +
                      "]' must be a string, found " + typeName(v[i]);
                return false;
            }
            out.push_back({optionLabel(i), v[i].get<std::string>()});
        }
        return true;
    }
    err = std::string("'") + what +
          "' must be an object of label: text or an array of texts, found " + typeName(v);
    return false;
}

bool answerText(const Json& v, const char* what, const std::vector<AnswerOption>& options,
                std::string& out, std::string& err) {
    if (v.is_null())
        return true;
    if (v.is_string()) {
        out = v.get<std::string>();
        return true;
    }
    if (v.is_number_integer()) {
        const auto index = v.get<long long>();
        if (!options.empty() && index >= 0 && std::size_t(index) < options.size())
            out = options[std::size_t(index)].label;
        else
            out = v.dump();
        return true;
    }
    err = std::string("'") + what + "' must be a string or an integer, found " + typeName(v);
    return false;
}

const Json* resolvePath(const Json& root, std::string_view path) {
    const Json* node = &root;
    while (!path.empty()) {
        if (node->is_object()) {
            // A key that contains dots wins when it matches the whole remaining path.
            if (const auto whole = node->find(std::string(path)); whole != node->end())
                return &*whole;
            const auto dot = path.find('.');
            const auto it = node->find(std::string(path.substr(0, dot)));
            if (it == node->end())
                return nullptr;
            node = &*it;
            path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        } else if (node->is_array()) {
            const auto dot = path.find('.');
            const std::string_view seg = path.substr(0, dot);
            if (seg.empty() || seg.size() > 9)
                return nullptr;
            std::size_t index = 0;
            for (const char c : seg) {
                if (!std::isdigit(static_cast<unsigned char>(c)))
                    return nullptr;
                index = index * 10 + std::size_t(c - '0');
            }
            if (index >= node->size())
                return nullptr;
            node = &(*node)[index];
            path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        } else {
            return nullptr;
        }
    }
    return node;
}

std::string metaText(const Json& v) {
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

bool withinFieldLimit(const std::string& value, std::string_view field, std::string& err) {
    if (value.size() <= kMaxFieldBytes)
        return true;
    char size[32];
    std::snprintf(size, sizeof size, "%.1f", double(value.size()) / double(1 << 20));
    err = "field '" + std::string(field) + "' is " + size + " MiB, over the " +
          std::to_string(kMaxFieldBytes >> 20) + " MiB limit for one text field";
    return false;
}

std::string invalidUtf8Marker(std::string_view content) {
    static const char* hex = "0123456789abcdef";
    for (unsigned cp = 0xFDD0; cp <= 0xFDEF; ++cp) {
        const std::string bytes = {char(0xEF), char(0xB7), char(0x80 | (cp & 0x3F))};
        std::string escape = "\\ufd";
        escape += hex[(cp >> 4) & 0xF];
        escape += hex[cp & 0xF];
        std::string upper = escape;
        for (char& c : upper)
            c = char(std::toupper(static_cast<unsigned char>(c)));
        upper[1] = 'u';
        if (content.find(bytes) == std::string_view::npos &&
            content.find(escape) == std::string_view::npos &&
            content.find(upper) == std::string_view::npos)
            return bytes;
    }
    return "\xEF\xBF\xBD";
}

bool containsText(const Json& v, std::string_view needle) {
    if (v.is_string())
        return v.get_ref<const std::string&>().find(needle) != std::string::npos;
    if (v.is_object()) {
        for (const auto& [k, child] : v.items())
            if (k.find(needle) != std::string::npos || containsText(child, needle))
                return true;
        return false;
    }
    if (v.is_array()) {
        for (const auto& child : v)
            if (containsText(child, needle))
                return true;
    }
    return false;
}

} // namespace rs::importers
