#include "ProjectSession.h"

#include "KnowledgeGraphLoader.h"
#include "ResourceLocator.h"
#include "WindowWorker.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QTimer>

namespace rs {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {
    // Another instance (another reviewer) writing to the same file changes PRAGMA
    // data_version; cheap enough to poll every second.
    auto* poll = new QTimer(this);
    poll->setObjectName("externalChangePoll");
    poll->setInterval(1000);
    connect(poll, &QTimer::timeout, this, &ProjectSession::pollForExternalChanges);
    poll->start();
}

ProjectSession::~ProjectSession() {
    // Qt waits for its thread pool on exit: a graph load nobody will see stops early.
    if (cancelGraphLoad_)
        *cancelGraphLoad_ = true;
    if (!analysis_.isFinished()) {
        *cancelAnalysis_ = true;
        analysis_.waitForFinished();
    }
}

bool ProjectSession::open(const QString& path, std::string* error) {
    auto store = ProjectStore::open(path.toStdString(), error);
    if (!store)
        return false;
    emit storeAboutToChange();
    store_ = std::move(store);
    path_ = path;
    lastExternalChange_ = store_->externalChangeCounter();
    emit storeChanged(store_.get());
    return true;
}

void ProjectSession::close() {
    emit storeAboutToChange();
    store_.reset();
    emit storeChanged(nullptr);
}

void ProjectSession::startAnalysis(const PipelineRequest& request) {
    close();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancelAnalysis_ = cancel;
    // Progress comes from the worker; the destructor waits for the job, so `this` outlives
    // every queued call.
    auto progress = [this](const std::string& stage, double fraction) {
        QMetaObject::invokeMethod(
            this,
            [this, stage = QString::fromStdString(stage), percent = int(fraction * 100)] {
                emit analysisProgress(stage, percent);
            },
            Qt::QueuedConnection);
    };
    const QString project = QString::fromStdString(request.projectPath);
    analysis_ = runOnWorker(
        this,
        [request, cancel, progress] {
            try {
                return runAnalysis(request, progress, cancel.get());
            } catch (const std::exception& e) {
                // A bug must end as a message in the window, never take the window down.
                PipelineResult failed;
                failed.fatalError = std::string("internal error: ") + e.what();
                return failed;
            }
        },
        [this, project](const PipelineResult& result) { emit analysisFinished(result, project); });
}

void ProjectSession::cancelAnalysis() {
    if (cancelAnalysis_)
        *cancelAnalysis_ = true;
}

void ProjectSession::loadKnowledgeGraph(const QStringList& files) {
    const int generation = ++graphLoadGeneration_;
    // A newer request replaces the one loading: its result would be dropped anyway.
    if (cancelGraphLoad_)
        *cancelGraphLoad_ = true;
    cancelGraphLoad_.reset();
    std::vector<std::string> paths;
    for (const QString& f : files)
        if (QFileInfo::exists(f))
            paths.push_back(f.toStdString());
    if (paths.empty() || paths.size() != std::size_t(files.size())) {
        emit graphChanged(nullptr); // the explorer's empty state offers Load…
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    cancelGraphLoad_ = cancel;
    runOnWorker(
        this,
        [paths, cancel] {
            KgLoadOptions options;
            options.cacheDir = cacheDir();
            options.cancel = cancel.get();
            try {
                return rs::loadKnowledgeGraph(paths, options);
            } catch (const std::exception& e) {
                KgLoadResult failed;
                failed.fatalError = e.what();
                return failed;
            }
        },
        [this, generation](const KgLoadResult& result) {
            if (generation != graphLoadGeneration_)
                return; // a newer project or KG replaced this request
            emit graphChanged(result.graph);
            if (!result.graph && !result.fatalError.empty())
                emit graphLoadFailed(QString::fromStdString(result.fatalError));
        });
}

void ProjectSession::acknowledgeOwnWrite() {
    if (store_)
        lastExternalChange_ = store_->externalChangeCounter();
}

void ProjectSession::pollForExternalChanges() {
    if (!store_)
        return;
    try {
        const std::int64_t now = store_->externalChangeCounter();
        if (now == lastExternalChange_)
            return;
        lastExternalChange_ = now;
        emit externalChange();
    } catch (const std::exception& e) {
        emit pollFailed(QString::fromUtf8(e.what()));
    }
}

} // namespace rs
