#pragma once
// The project the window has open: the store (the window's read-write connection), the
// knowledge graph the project was analysed with (loaded on a worker, for the KG explorer),
// the analysis jobs that write into the file, and the watch for another instance's writes
// to it. The window's views read through store(); they let go of it on
// storeAboutToChange() and take the new one on storeChanged().
#include "AnalysisPipeline.h"
#include "ProjectStore.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace rs {

class KnowledgeGraph;

class ProjectSession : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(ProjectSession)
public:
    explicit ProjectSession(QObject* parent = nullptr);
    // Cancels a running analysis and waits for it: it writes to the project file.
    ~ProjectSession() override;

    // Opens a project read-write, replacing the open one; false (and the old one kept)
    // when it cannot be read.
    bool open(const QString& path, std::string* error);
    ProjectStore* store() const { return store_.get(); }
    const QString& path() const { return path_; }

    // Runs the pipeline on a worker. The window's connection must not hold the file while
    // the job writes to it, so the store is closed first; analysisFinished() follows.
    void startAnalysis(const PipelineRequest& request);
    void cancelAnalysis();

    // Loads the graph from these files (from the cache when it can) on a worker; a newer
    // request or a missing file cancels the older load. graphChanged() delivers it.
    void loadKnowledgeGraph(const QStringList& files);

    // A verdict written through store(): the next poll need not report it as another
    // instance's change.
    void acknowledgeOwnWrite();
    // Checks for another connection's writes now rather than at the next poll (e.g. when
    // the team server announced verdicts that were just copied into the file).
    void pollNow() { pollForExternalChanges(); }

signals:
    void storeAboutToChange();
    void storeChanged(ProjectStore* store); // null while an analysis writes
    // stage in words, percent 0..100
    void analysisProgress(const QString& stage, int percent);
    void analysisFinished(const PipelineResult& result, const QString& projectPath);
    void graphChanged(std::shared_ptr<const KnowledgeGraph> graph);
    void graphLoadFailed(const QString& message);
    // Another connection committed to the file (PRAGMA data_version changed).
    void externalChange();
    void pollFailed(const QString& message);

private:
    void close();
    void pollForExternalChanges();

    std::unique_ptr<ProjectStore> store_;
    QString path_;
    std::int64_t lastExternalChange_ = -1;
    int graphLoadGeneration_ = 0;
    QFuture<PipelineResult> analysis_;
    std::shared_ptr<std::atomic<bool>> cancelAnalysis_;
    std::shared_ptr<std::atomic<bool>> cancelGraphLoad_;
};

} // namespace rs
