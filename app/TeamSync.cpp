#include "TeamSync.h"

#include "MainWindow.h"
#include "ProjectSession.h"
#include "ProjectStore.h"
#include "Puller.h"
#include "ReviewPanel.h"
#include "ServerSchema.h"
#include "VerdictListener.h"
#include "VerdictLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStatusBar>

#include <algorithm>

namespace rs {

bool TeamSync::isTeamTarget(const QString& target) {
    return target.startsWith(QLatin1String("postgresql://")) ||
           target.startsWith(QLatin1String("postgres://")) ||
           target.startsWith(QLatin1String("service="));
}

std::unique_ptr<TeamSync> TeamSync::open(const QString& target, const QString& cacheDir,
                                         std::string* error) {
    std::string name;
    const std::string conninfo = server::connectionString(target.toStdString(), &name);
    if (name.empty()) {
        *error = "name the published project: postgresql://host/db?project=NAME";
        return nullptr;
    }
    std::unique_ptr<TeamSync> sync(new TeamSync());
    QDir().mkpath(cacheDir);
    QString safe = QString::fromStdString(name);
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    sync->cachePath_ = QDir(cacheDir).filePath(
        QStringLiteral("%1-%2.rsproj").arg(safe).arg(QCoreApplication::applicationPid()));
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(sync->cachePath_ + QLatin1String(suffix));
    try {
        sync->conn_ = server::PgConnection::connect(conninfo);
        const auto pulled = server::pullProject(*sync->conn_, name, sync->cachePath_.toStdString());
        sync->projectId_ = pulled.projectId;
        sync->verdictFloor_ = pulled.lastVerdictId;
        sync->localCase_ = pulled.caseIds;
        for (const auto& [serverId, localId] : pulled.caseIds)
            sync->serverCase_.emplace(localId, serverId);
        sync->mirror_ = ProjectStore::open(sync->cachePath_.toStdString(), error);
        if (!sync->mirror_)
            return nullptr;
        for (const auto& [localId, serverId] : sync->serverCase_) {
            (void)serverId;
            for (const auto& r : sync->mirror_->reviews(localId))
                sync->lastSentReview_ = std::max(sync->lastSentReview_, r.id);
        }
        sync->listener_ = std::make_unique<server::VerdictListener>(conninfo);
    } catch (const std::exception& e) {
        *error = e.what();
        return nullptr;
    }
    sync->notifier_ =
        new QSocketNotifier(sync->listener_->socket(), QSocketNotifier::Read, sync.get());
    connect(sync->notifier_, &QSocketNotifier::activated, sync.get(), &TeamSync::onNotified);
    return sync;
}

TeamSync::~TeamSync() {
    delete notifier_;
    notifier_ = nullptr;
    listener_.reset();
    mirror_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(cachePath_ + QLatin1String(suffix));
}

void TeamSync::onNotified() {
    try {
        if (listener_->wait(std::chrono::milliseconds(0), projectId_).empty())
            return;
        if (const int n = fetchNewVerdicts())
            emit verdictsArrived(n);
    } catch (const std::exception& e) {
        notifier_->setEnabled(false);
        emit failed(tr("Live updates stopped: %1").arg(QString::fromUtf8(e.what())));
    }
}

int TeamSync::fetchNewVerdicts() {
    auto r = conn_->execParams(
        "SELECT v.id, v.request_id::text, v.case_id, v.finding_signature, v.finding_step, "
        "v.reviewer, v.verdict, v.severity, v.comment FROM rs.verdicts v JOIN rs.cases c "
        "ON c.id = v.case_id WHERE c.project_id = $1 AND v.id > $2 ORDER BY v.id",
        {std::to_string(projectId_), std::to_string(verdictFloor_)});
    int added = 0;
    ProjectStore::Transaction tx(*mirror_);
    for (int i = 0; i < r.rows(); ++i) {
        const std::int64_t id = r.integer(i, 0);
        if (!seenVerdicts_.insert(id).second || sentRequests_.count(r.text(i, 1)))
            continue;
        const auto local = localCase_.find(r.integer(i, 2));
        if (local == localCase_.end())
            continue; // a run published after this window opened
        ProjectStore::Review review;
        review.caseId = local->second;
        if (!r.isNull(i, 3)) {
            review.findingId = server::localFindingOf(*mirror_, review.caseId, r.text(i, 3),
                                                      r.isNull(i, 4) ? -1 : int(r.integer(i, 4)));
            if (!review.findingId)
                continue;
        }
        review.reviewer = r.text(i, 5);
        review.role = "team reviewer";
        review.verdict = r.text(i, 6);
        review.severity = r.text(i, 7);
        review.comment = r.text(i, 8);
        mirroredReviews_.insert(mirror_->addReview(review));
        ++added;
    }
    tx.commit();
    // Ids are handed out before commit, so a later commit may bring a lower id: the floor
    // stays a margin below the newest seen.
    if (!seenVerdicts_.empty() && *seenVerdicts_.rbegin() - 1000 > verdictFloor_) {
        verdictFloor_ = *seenVerdicts_.rbegin() - 1000;
        seenVerdicts_.erase(seenVerdicts_.begin(), seenVerdicts_.upper_bound(verdictFloor_));
    }
    return added;
}

void TeamSync::sendReviewsOf(qint64 caseId) {
    const auto serverCase = serverCase_.find(caseId);
    if (serverCase == serverCase_.end())
        return;
    try {
        for (const auto& review : mirror_->reviews(caseId)) {
            if (review.id <= lastSentReview_ || mirroredReviews_.count(review.id))
                continue;
            server::ServerVerdict v;
            v.caseId = serverCase->second;
            if (review.findingId) {
                v.findingSignature = review.findingSignature;
                v.findingStep = review.findingStep;
            }
            v.verdict = review.verdict;
            v.severity = review.severity;
            v.comment = review.comment;
            v.requestId = server::newRequestId();
            sentRequests_.insert(v.requestId);
            server::addVerdictRetrying(*conn_, v);
            lastSentReview_ = std::max(lastSentReview_, review.id);
        }
    } catch (const std::exception& e) {
        emit failed(tr("Verdict kept in the window's copy but not on the server: %1")
                        .arg(QString::fromUtf8(e.what())));
    }
}

bool openTeamProject(MainWindow& window, const QString& target, bool quiet, std::string* error) {
    const QString cacheDir = QDir::tempPath() + QStringLiteral("/reasonscope-team");
    auto sync = TeamSync::open(target, cacheDir, error);
    if (!sync)
        return false;
    if (!window.openProject(sync->cachePath(), quiet)) {
        *error = "cannot open the pulled copy " + sync->cachePath().toStdString();
        return false;
    }
    TeamSync* s = sync.release();
    s->setParent(&window);
    QObject::connect(window.reviewPanel(), &ReviewPanel::reviewRecorded, s,
                     [s](qint64 caseId) { s->sendReviewsOf(caseId); });
    // Shown at once, not at the window's next poll of the file.
    if (auto* session = window.findChild<ProjectSession*>())
        QObject::connect(s, &TeamSync::verdictsArrived, session, &ProjectSession::pollNow);
    QObject::connect(s, &TeamSync::failed, &window,
                     [&window](const QString& m) { window.statusBar()->showMessage(m, 10000); });
    return true;
}

} // namespace rs
