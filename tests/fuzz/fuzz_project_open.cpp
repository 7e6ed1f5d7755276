// A project file passed between reviewers, mutated: opened read-only and read the way
// `show` and `report` read it (summary, case table, each case with its analysis, the audit
// report, whole and read a case at a time). The store may refuse the file or throw StoreError /
// std::invalid_argument on a damaged one (its documented contract); it must not crash or corrupt
// memory.
#include "AuditReport.h"
#include "FuzzSupport.h"
#include "ProjectStore.h"

#include <cstdio>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rs;
    const std::string path = fuzz::writeScratch("project.rsproj", data, size);
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    std::string error;
    const auto store = ProjectStore::openReadOnly(path, &error);
    if (!store) {
        fuzz::check(!error.empty(), "a refused project without a message");
        return 0;
    }
    try {
        (void)store->summary();
        (void)store->settings();
        (void)store->importErrors();
        (void)store->patternSummaries();
        const CaseQuery all;
        (void)store->facets(all);
        for (const CaseRow& row : store->caseRows(all, 0, 20)) {
            if (const auto c = store->loadCase(row.id))
                (void)store->reviews(c->id);
        }
        // The audit report held whole, and as `reasonscope report` writes it: the cases read
        // again one at a time into the streamed JSON, which must be the same document.
        const ProjectStore::ReadSnapshot snapshot(*store);
        ReportOptions options;
        options.generatedAt = "2024-01-01T00:00:00Z";
        const AuditReport whole = buildAuditReport(*store, all, options);
        options.casesInPages = true;
        const AuditReport paged = buildAuditReport(*store, all, options);
        std::ostringstream streamed;
        writeAuditReportJson(paged, streamed);
        fuzz::check(streamed.str() == auditReportJson(whole).dump(
                                          1, ' ', false, nlohmann::json::error_handler_t::replace) +
                                          "\n",
                    "the report read a case at a time differs from the whole one");
    } catch (const StoreError&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
