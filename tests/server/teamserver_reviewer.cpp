// One reviewer as its own OS process, for tst_teamserver's "eight reviewers at once" (issue
// 14): it logs in as its role, says "ready", waits for "go" on stdin (so the test can start
// all of them writing at the same moment), then stores COUNT verdicts through
// addVerdictRetrying, the call the window's TeamSync makes, each with a request id made once
// as the window makes it. Afterwards it tries to change and to delete its own verdicts,
// which the server must refuse. Built only for the test.
//
//   teamserver_reviewer TARGET PROJECT_ID COUNT OFFSET case|finding
//
// Verdict I goes on the project's case (or finding) number (I + OFFSET) modulo their count,
// in id order; its verdict is confirmed/rejected/unsure by I modulo 3, its comment
// "load LEVEL OFFSET I". stdout: "ready", one "stored I ID REQUEST_ID" per verdict, then
// "UPDATE SQLSTATE" and "DELETE SQLSTATE" ("accepted" when the server let one through).
// Exit 0 when every verdict was stored; 1 with the reason on stderr otherwise.
#include "PgConnection.h"
#include "VerdictLog.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

using namespace rs::server;

namespace {

// What the server answered to a statement that must be refused: its SQLSTATE.
std::string tryStatement(PgConnection& c, const std::string& sql) {
    try {
        c.exec(sql);
        return "accepted";
    } catch (const ServerError& e) {
        return e.sqlState().empty() ? std::string("error") : e.sqlState();
    }
}

int run(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: teamserver_reviewer TARGET PROJECT_ID COUNT OFFSET "
                             "case|finding\n");
        return 2;
    }
    const std::string target = argv[1], projectId = argv[2], level = argv[5];
    const int count = std::stoi(argv[3]), offset = std::stoi(argv[4]);
    auto c = PgConnection::connect(target);
    const bool findings = level == "finding";
    const auto targets = c->execParams(
        findings ? "SELECT f.case_id, f.signature, f.step FROM rs.findings f JOIN rs.cases c "
                   "ON c.id = f.case_id WHERE c.project_id = $1 ORDER BY f.id"
                 : "SELECT id FROM rs.cases WHERE project_id = $1 ORDER BY id",
        {projectId});
    if (targets.rows() == 0) {
        std::fprintf(stderr, "project %s has nothing to review\n", projectId.c_str());
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    std::string word;
    if (!std::getline(std::cin, word) || word != "go")
        return 1;
    const char* verdicts[] = {"confirmed", "rejected", "unsure"};
    for (int i = 0; i < count; ++i) {
        const int row = (i + offset) % targets.rows();
        ServerVerdict v;
        v.caseId = targets.integer(row, 0);
        if (findings) {
            v.findingSignature = targets.text(row, 1);
            v.findingStep = int(targets.integer(row, 2));
        }
        v.verdict = verdicts[i % 3];
        v.comment = "load " + level + " " + std::to_string(offset) + " " + std::to_string(i);
        v.requestId = newRequestId(); // once per verdict, as the window's outbox does
        const std::int64_t id = addVerdictRetrying(*c, v, 2);
        std::printf("stored %d %lld %s\n", i, static_cast<long long>(id), v.requestId.c_str());
    }
    std::printf("UPDATE %s\n",
                tryStatement(*c, "UPDATE rs.verdicts SET verdict = 'rejected', comment = "
                                 "'changed' WHERE reviewer = session_user")
                    .c_str());
    std::printf("DELETE %s\n",
                tryStatement(*c, "DELETE FROM rs.verdicts WHERE reviewer = session_user").c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "teamserver_reviewer: %s\n", e.what());
        return 1;
    }
}
