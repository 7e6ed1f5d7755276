#pragma once
// Runs the analysis pipeline off the GUI thread and reports progress through signals, so
// the window stays responsive and a long import can be cancelled.
#include "AnalysisPipeline.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace rs {

class AnalysisJob : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(AnalysisJob)
public:
    explicit AnalysisJob(PipelineRequest request, QObject* parent = nullptr);
    ~AnalysisJob() override;

    void start();
    void cancel() { cancel_ = true; }
    bool isRunning() const { return thread_ && thread_->isRunning(); }
    const PipelineResult& result() const { return result_; }

signals:
    // stage in words, percent 0..100; emitted from the worker, delivered queued.
    void progress(const QString& stage, int percent);
    void finished();

private:
    PipelineRequest request_;
    PipelineResult result_;
    std::atomic<bool> cancel_{false};
    QThread* thread_ = nullptr;
};

} // namespace rs
