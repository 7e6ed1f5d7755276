#pragma once
// The window on a team-review server (`reasonscope open postgresql://host/db?project=NAME`):
// the published project is pulled into a fresh cache file (core/server/Puller) that the
// window opens as any project, so every view, filter and the search work unchanged. This
// object keeps the file and the server in step while the window is open:
// - a verdict given in the window (ReviewPanel::reviewRecorded) is sent to the server, in
//   the connected role's name, retried once on a lost connection without a duplicate;
// - a verdict another reviewer saves arrives by LISTEN/NOTIFY (a socket notifier, no
//   polling) and is written into the file through this object's own connection, which the
//   window's watch for other connections' writes then shows.
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

class QSocketNotifier;

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
    // Sends the window's verdicts on the case (a case id of the cache file) that the server
    // does not have yet.
    void sendReviewsOf(qint64 caseId);
    // Copies the verdicts others saved since the last call into the file; how many.
    int fetchNewVerdicts();

signals:
    void failed(const QString& message);
    void verdictsArrived(int count);

private:
    TeamSync() = default;
    void onNotified();

    QString cachePath_;
    std::unique_ptr<server::PgConnection> conn_;
    std::unique_ptr<server::VerdictListener> listener_;
    std::unique_ptr<ProjectStore> mirror_;
    QSocketNotifier* notifier_ = nullptr;
    std::int64_t projectId_ = 0;
    std::int64_t verdictFloor_ = 0;       // server verdict ids at or below it are all in the file
    std::set<std::int64_t> seenVerdicts_; // above the floor, already in the file or sent
    std::set<std::string> sentRequests_;
    std::set<std::int64_t> mirroredReviews_; // file review ids that came from the server
    std::int64_t lastSentReview_ = 0;
    std::unordered_map<std::int64_t, std::int64_t> serverCase_, localCase_;
};

// Opens the team project in the window and connects its review panel to the server; the
// TeamSync lives as long as the window. False and *error when it cannot.
bool openTeamProject(MainWindow& window, const QString& target, bool quiet, std::string* error);

} // namespace rs
