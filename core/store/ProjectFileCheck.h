#pragma once
// Opening a project file: what an existing file is (read without writing anything), why a
// file is refused, and the connection to one that is accepted, migrated to the current
// schema when opened for writing.
#include "SqliteConnection.h"

#include <memory>
#include <string>

namespace rs::store {

struct ProjectFileKind {
    enum { Empty, Project, Foreign, NotSqlite, Damaged, Unreadable } kind = Empty;
    int version = 0;     // the schema version of a Project
    std::string message; // SQLite's words for Damaged and Unreadable
};

ProjectFileKind inspectProjectFile(sqlite3* db);

// Why a file of this kind cannot be opened (readOnly: without migrating it); empty when it
// can.
std::string describeRefusal(const std::string& path, const ProjectFileKind& k, bool readOnly);

// nullptr and *error set when the file is refused; see ProjectStore::open. A refused file is
// never modified.
std::unique_ptr<SqliteConnection> openProjectFile(const std::string& path, bool readOnly,
                                                  std::string* error);

} // namespace rs::store
