#include "AnalysisJob.h"

namespace rs {

AnalysisJob::AnalysisJob(PipelineRequest request, QObject* parent)
    : QObject(parent), request_(std::move(request))
{
}

AnalysisJob::~AnalysisJob()
{
    if (thread_) {
        cancel_ = true;
        thread_->wait();
    }
}

void AnalysisJob::start()
{
    thread_ = QThread::create([this] {
        try {
            result_ = runAnalysis(
                request_,
                [this](const std::string& stage, double fraction) {
                    emit progress(QString::fromStdString(stage), int(fraction * 100));
                },
                &cancel_);
        } catch (const std::exception& e) {
            // A bug must end as a message in the window, never take the window down.
            result_ = PipelineResult{};
            result_.fatalError = std::string("internal error: ") + e.what();
        }
    });
    connect(thread_, &QThread::finished, this, &AnalysisJob::finished);
    thread_->setParent(this);
    thread_->start();
}

} // namespace rs
