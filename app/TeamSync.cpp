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
#include <QLabel>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStatusBar>
#include <QTimer>

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
    // A reconnect attempt waits at most this long for an unreachable host (libpq waits
    // without bound by default), so the window stays usable while the network is away.
    if (!qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT"))
        qputenv("PGCONNECT_TIMEOUT", "5");
    std::unique_ptr<TeamSync> sync(new TeamSync());
    sync->conninfo_ = conninfo;
    QDir().mkpath(cacheDir);
    QString safe = QString::fromStdString(name);
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    sync->cachePath_ = QDir(cacheDir).filePath(
        QStringLiteral("%1-%2.rsproj").arg(safe).arg(QCoreApplication::applicationPid()));
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(sync->cachePath_ + QLatin1String(suffix));
    try {
        sync->conn_ = server::PgConnection::connect(conninfo);
        sync->role_ = QString::fromStdString(sync->conn_->role());
        const auto pulled = server::pullProject(*sync->conn_, name, sync->cachePath_.toStdString());
        sync->projectId_ = pulled.projectId;
        sync->knownRuns_ = pulled.runIds;
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
                sync->lastQueuedReview_ = std::max(sync->lastQueuedReview_, r.id);
        }
        sync->listener_ = std::make_unique<server::VerdictListener>(conninfo);
    } catch (const std::exception& e) {
        *error = e.what();
        return nullptr;
    }
    sync->retryTimer_ = new QTimer(sync.get());
    sync->retryTimer_->setSingleShot(true);
    connect(sync->retryTimer_, &QTimer::timeout, sync.get(), &TeamSync::retry);
    sync->startListening();
    try {
        sync->fetchNewRuns(); // published between the pull and LISTEN
    } catch (const std::exception& e) {
        *error = e.what();
        return nullptr;
    }
    return sync;
}

TeamSync::~TeamSync() {
    // A last try for verdicts still waiting; the window is going, so nobody is told but
    // stderr.
    blockSignals(true);
    if (!outbox_.empty())
        flushOutbox();
    if (!outbox_.empty())
        qWarning("team server: %d verdict(s) given in this window did not reach the server "
                 "(the server could not be reached when the window closed)",
                 int(outbox_.size()));
    delete notifier_;
    notifier_ = nullptr;
    listener_.reset();
    mirror_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(cachePath_ + QLatin1String(suffix));
}

void TeamSync::startListening() {
    if (notifier_)
        notifier_->setEnabled(false);
    delete notifier_;
    notifier_ = new QSocketNotifier(listener_->socket(), QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &TeamSync::onNotified);
}

void TeamSync::onNotified() {
    try {
        const auto notices = listener_->wait(std::chrono::milliseconds(0), projectId_);
        if (notices.empty())
            return;
        int n = 0;
        if (std::any_of(notices.begin(), notices.end(),
                        [](const server::VerdictNotice& v) { return v.newRuns; }))
            n += fetchNewRuns();
        n += fetchNewVerdicts();
        if (n)
            emit verdictsArrived(n);
    } catch (const server::ServerError& e) {
        if (e.kind() != server::ServerError::Kind::ConnectionLost) {
            notifier_->setEnabled(false);
            emit failed(tr("Live updates stopped: %1").arg(QString::fromUtf8(e.what())));
            return;
        }
        noteLost(e.what());
    } catch (const std::exception& e) {
        notifier_->setEnabled(false);
        emit failed(tr("Live updates stopped: %1").arg(QString::fromUtf8(e.what())));
    }
}

void TeamSync::noteLost(const std::string& why) {
    // The listener's socket is dead too, or soon will be: both reconnect in retry().
    if (notifier_) {
        notifier_->setEnabled(false); // before its socket closes below
        notifier_->deleteLater();
        notifier_ = nullptr;
    }
    listener_.reset();
    if (!lost_) {
        lost_ = true;
        retryDelayMs_ = 500;
        qWarning("team server: %s", why.c_str());
    }
    emit connectionState(
        tr("Connection to the server lost; %n verdict(s) kept in this window, retrying.", nullptr,
           int(outbox_.size())));
    if (!retryTimer_->isActive())
        retryTimer_->start(retryDelayMs_);
}

void TeamSync::retry() {
    retryDelayMs_ = std::min(retryDelayMs_ * 2, 8000);
    try {
        if (!conn_->isOpen())
            conn_->reset();
        if (!listener_)
            listener_ = std::make_unique<server::VerdictListener>(conninfo_);
    } catch (const std::exception& e) {
        noteLost(e.what());
        return;
    }
    startListening();
    flushOutbox();
    if (lost_)
        return;
    try {
        // Runs published and verdicts others saved while the connection was down.
        const int n = fetchNewRuns() + fetchNewVerdicts();
        if (n)
            emit verdictsArrived(n);
    } catch (const server::ServerError& e) {
        if (e.kind() == server::ServerError::Kind::ConnectionLost)
            noteLost(e.what());
        else
            emit failed(tr("Live updates: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::exception& e) {
        emit failed(tr("Live updates: %1").arg(QString::fromUtf8(e.what())));
    }
}

int TeamSync::fetchNewVerdicts() {
    if (!conn_->isOpen())
        conn_->reset();
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

std::vector<std::int64_t> TeamSync::searchCases(const std::string& text) {
    if (!conn_->isOpen())
        conn_->reset();
    auto r = conn_->execParams("SELECT id FROM rs.cases WHERE project_id = $1 AND search @@ "
                               "websearch_to_tsquery('english', $2)",
                               {std::to_string(projectId_), text});
    std::vector<std::int64_t> out;
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        if (const auto local = localCase_.find(r.integer(i, 0)); local != localCase_.end())
            out.push_back(local->second);
    return out;
}

int TeamSync::fetchNewRuns() {
    if (!conn_->isOpen())
        conn_->reset();
    // Compares with the runs in the file, so a run whose notice was missed (published
    // before the listener started, or while it was away) is found too.
    const auto pulled = server::pullNewRuns(*conn_, *mirror_, projectId_, knownRuns_);
    for (const auto& [serverId, localId] : pulled.result.caseIds) {
        localCase_.emplace(serverId, localId);
        serverCase_.emplace(localId, serverId);
        // The copied verdicts are the server's, not the window's: never sent back.
        for (const auto& r : mirror_->reviews(localId))
            mirroredReviews_.insert(r.id);
    }
    for (const std::int64_t id : pulled.copiedVerdicts)
        if (id > verdictFloor_)
            seenVerdicts_.insert(id);
    knownRuns_.insert(knownRuns_.end(), pulled.result.runIds.begin(), pulled.result.runIds.end());
    return int(pulled.result.runIds.size());
}

void TeamSync::sendReviewsOf(qint64 caseId) {
    const auto serverCase = serverCase_.find(caseId);
    if (serverCase == serverCase_.end())
        return;
    try {
        for (const auto& review : mirror_->reviews(caseId)) {
            if (review.id <= lastQueuedReview_ || mirroredReviews_.count(review.id))
                continue;
            Outgoing o;
            o.localReview = review.id;
            o.verdict.caseId = serverCase->second;
            if (review.findingId) {
                o.verdict.findingSignature = review.findingSignature;
                o.verdict.findingStep = review.findingStep;
            }
            o.verdict.verdict = review.verdict;
            o.verdict.severity = review.severity;
            o.verdict.comment = review.comment;
            // Made once: every retry of this verdict sends the same id, so it is stored once.
            o.verdict.requestId = server::newRequestId();
            sentRequests_.insert(o.verdict.requestId);
            outbox_.push_back(std::move(o));
            lastQueuedReview_ = std::max(lastQueuedReview_, review.id);
        }
    } catch (const std::exception& e) {
        emit failed(tr("Verdict kept in the window's copy but not on the server: %1")
                        .arg(QString::fromUtf8(e.what())));
        return;
    }
    if (lost_)
        emit connectionState(
            tr("Connection to the server lost; %n verdict(s) kept in this window, retrying.",
               nullptr, int(outbox_.size())));
    else
        flushOutbox();
}

void TeamSync::flushOutbox() {
    const bool wasLost = lost_;
    int sent = 0;
    while (!outbox_.empty()) {
        const Outgoing& o = outbox_.front();
        try {
            // One immediate reconnect (a backend that was dropped while idle), then the timer.
            const std::int64_t id = server::addVerdictRetrying(*conn_, o.verdict, 2);
            const std::int64_t local = o.localReview;
            outbox_.pop_front();
            ++sent;
            emit verdictSaved(local, id);
        } catch (const server::ServerError& e) {
            if (e.kind() == server::ServerError::Kind::ConnectionLost) {
                noteLost(e.what());
                return;
            }
            outbox_.pop_front(); // refused: sending it again cannot help
            emit failed(tr("Verdict kept in the window's copy but refused by the server: %1")
                            .arg(QString::fromUtf8(e.what())));
        } catch (const std::exception& e) {
            outbox_.pop_front();
            emit failed(tr("Verdict kept in the window's copy but not on the server: %1")
                            .arg(QString::fromUtf8(e.what())));
        }
    }
    lost_ = false;
    if (wasLost) {
        emit connectionState(QString());
        emit failed(tr("Reconnected to the server; %n waiting verdict(s) stored.", nullptr, sent));
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
    // A lost connection stays on screen until it is back, not ten seconds.
    auto* state = new QLabel(&window);
    state->setObjectName(QStringLiteral("teamConnectionState"));
    state->setStyleSheet(QStringLiteral("color: #a33; font-weight: bold;"));
    state->hide();
    window.statusBar()->addPermanentWidget(state);
    QObject::connect(s, &TeamSync::connectionState, state, [state](const QString& m) {
        state->setText(m);
        state->setVisible(!m.isEmpty());
    });
    // The search field asks the server's full-text index (PostgreSQL), as issue 14 asks.
    window.setSearchResolver([s](const std::string& text) { return s->searchCases(text); });
    // The server records the login role, whatever is typed: the window shows and the copy
    // records the same name.
    window.reviewPanel()->setReviewerFixed(
        s->role(), QStringLiteral("team reviewer"),
        QObject::tr("Your login on the team server: the server records every verdict under this "
                    "database role, so it cannot be changed here."));
    return true;
}

} // namespace rs
