#pragma once
// The parts of a Case that the cases table keeps as JSON text (options, images with their
// boxes, meta, gold path), written and read back. Reading is lenient about entries of the
// wrong shape (the store wrote them) but refuses text that is not JSON at all.
#include "Case.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rs::store {

struct CasePartColumns {
    std::string options, images, meta, goldPath;
};

CasePartColumns encodeCaseParts(const Case& c);

// Appends the parts to c's options, images, meta and gold path. Throws StoreError naming
// the part and c.key when a column is not JSON.
void decodeCaseParts(const CasePartColumns& columns, Case& c);

// JSON text of a stored column; throws StoreError "damaged <what> of case <key>".
nlohmann::json parseStoredJson(const std::string& text, const char* what, const std::string& key);

// Case text is untrusted and may hold invalid UTF-8, which dump() would otherwise throw on.
std::string dumpJson(const nlohmann::json& j);

} // namespace rs::store
