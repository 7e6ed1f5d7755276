#pragma once
// The shipped reference table for the reading-error tests (resources/reference-ranges).
#include "reading/ReferenceRangeTable.h"

#include "../support/SharedData.h"

#include <QtTest>

namespace rs::test {

inline const reading::ReferenceRangeTable& shippedReferenceTable() {
    static const reading::ReferenceRangeTable table = [] {
        reading::ReferenceRangeTable t;
        const std::string path =
            resourcesDir().toStdString() + "/" + reading::ReferenceRangeTable::kDefaultFile;
        std::vector<ImportError> errors;
        if (!t.load(path, &errors) || !errors.empty())
            qFatal("reference table %s did not load cleanly", path.c_str());
        return t;
    }();
    return table;
}

} // namespace rs::test
