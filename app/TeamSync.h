#pragma once
// The window on a team-review server (`reasonscope open postgresql://host/db?project=NAME`):
// the published project is pulled into a fresh cache file (core/server/Puller) that the
// window opens as any project, so every view, filter and the search work unchanged. This
// object keeps the file and the server in step while the window is open:
// - a verdict given in the window (ReviewPanel::reviewRecorded) goes into an outbox with a
//   request id made once, and is sent to the server in the connected role's name. A lost
//   connection keeps it in the outbox (the window says so) and retries with the same request
//   id until the server has it, so it is stored once and none is lost while the window runs;
// - a verdict another reviewer saves arrives by LISTEN/NOTIFY (a socket notifier, no
//   polling) and is written into the file through this object's own connection, which the
//   window's watch for other connections' writes then shows. A lost listener reconnects
//   with the outbox and then re-reads what it may have missed;
// - a run published after the window opened (NOTIFY rs_runs from the publisher) is copied
//   into the file with its cases and verdicts, and the window re-reads.
#include "VerdictLog.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace rs {

class MainWindow;
class ProjectStore;
namespace server {
class PgConnection;
class VerdictListener;
} // namespace server

class TeamSync : public QObject {
    Q_OBJECT
public:
    // postgresql:// and postgres:// URIs, and "service=NAME" strings.
    static bool isTeamTarget(const QString& target);

    // Pulls the project named by ?project=NAME into a new file under cacheDir and listens;
    // nullptr and *error when the target names no project or the server refuses.
    static std::unique_ptr<TeamSync> open(const QString& target, const QString& cacheDir,
                                          std::string* error);
    ~TeamSync() override;

    const QString& cachePath() const { return cachePath_; }
    // The database role verdicts are recorded under (session_user).
    const QString& role() const { return role_; }
    // Queues the window's verdicts on the case (a case id of the cache file) that are not
    // queued yet, then sends what the outbox holds.
    void sendReviewsOf(qint64 caseId);
    // Verdicts given in the window that the server does not have yet.
    int waitingVerdicts() const { return int(outbox_.size()); }
    bool connectionLost() const { return lost_; }
    // Copies the verdicts others saved since the last call into the file; how many.
    int fetchNewVerdicts();
    // The cases of the file whose question or output match text by the server's full-text
    // index (rs.cases.search, GIN; websearch_to_tsquery, English stemming). Throws
    // ServerError.
    std::vector<std::int64_t> searchCases(const std::string& text);
    // Copies runs published since the window opened (with their cases and verdicts) into
    // the file; how many runs.
    int fetchNewRuns();

signals:
    void failed(const QString& message);
    void verdictsArrived(int count);
    // The server stored (or already had) the verdict the window wrote as review
    // localReviewId of the cache file.
    void verdictSaved(qint64 localReviewId, qint64 serverVerdictId);
    // What the window should keep showing about the connection; empty when it is fine.
    void connectionState(const QString& message);

private:
    struct Outgoing {
        std::int64_t localReview = 0;
        server::ServerVerdict verdict;
    };
    TeamSync() = default;
    void onNotified();
    void flushOutbox();
    void retry();
    void noteLost(const std::string& why);
    void startListening();

    QString cachePath_, role_;
    std::string conninfo_;
    std::unique_ptr<server::PgConnection> conn_;
    std::unique_ptr<server::VerdictListener> listener_;
    std::unique_ptr<ProjectStore> mirror_;
    QSocketNotifier* notifier_ = nullptr;
    QTimer* retryTimer_ = nullptr;
    int retryDelayMs_ = 0;
    bool lost_ = false;
    std::deque<Outgoing> outbox_;
    std::int64_t projectId_ = 0;
    std::int64_t verdictFloor_ = 0;       // server verdict ids at or below it are all in the file
    std::set<std::int64_t> seenVerdicts_; // above the floor, already in the file or sent
    std::set<std::string> sentRequests_;
    std::set<std::int64_t> mirroredReviews_; // file review ids that came from the server
    std::int64_t lastQueuedReview_ = 0;
    std::unordered_map<std::int64_t, std::int64_t> serverCase_, localCase_;
    std::vector<std::int64_t> knownRuns_; // server run ids in the file
};

// Opens the team project in the window and connects its review panel to the server; the
// TeamSync lives as long as the window. The reviewer name is fixed to the login role. False
// and *error when it cannot.
bool openTeamProject(MainWindow& window, const QString& target, bool quiet, std::string* error);

} // namespace rs
