#include "AsyncStoreReader.h"

#include "ProjectStore.h"
#include "WindowWorker.h"

namespace rs {

struct AsyncStoreReader::Connection {
    std::unique_ptr<ProjectStore> store;
};

AsyncStoreReader::AsyncStoreReader(QObject* parent)
    : QObject(parent), connection_(std::make_shared<Connection>()) {
    pool_.setMaxThreadCount(1);
    pool_.setExpiryTimeout(-1); // keep the thread, and with it the connection's thread
}

AsyncStoreReader::~AsyncStoreReader() {
    next_.reset();
    pool_.waitForDone(); // jobs are bounded reads
}

void AsyncStoreReader::setPath(const std::string& path) {
    if (path == path_)
        return;
    cancel();
    path_ = path;
}

void AsyncStoreReader::request(Job job, Failure failed) {
    if (path_.empty()) {
        cancel();
        if (failed)
            failed(tr("No project file to read"));
        return;
    }
    Pending pending{++generation_, path_, std::move(job), std::move(failed)};
    setBusy(true);
    if (running_)
        next_ = std::move(pending);
    else
        start(std::move(pending));
}

void AsyncStoreReader::cancel() {
    next_.reset();
    ++generation_; // whatever is running now is delivered to nobody
    setBusy(false);
}

void AsyncStoreReader::setBusy(bool busy) {
    if (busy == busy_)
        return;
    busy_ = busy;
    emit busyChanged(busy);
}

void AsyncStoreReader::start(Pending pending) {
    running_ = true;
    const std::uint64_t generation = pending.generation;
    runOnWorker(
        &pool_, this,
        [connection = connection_, pending = std::move(pending)]() -> Delivery {
            auto failure = [&failed = pending.failed](const QString& message) -> Delivery {
                return [failed, message] {
                    if (failed)
                        failed(message);
                };
            };
            std::unique_ptr<ProjectStore>& store = connection->store;
            if (!store || store->path() != pending.path) {
                store.reset();
                std::string error;
                store = ProjectStore::openReadOnly(pending.path, &error);
                if (!store)
                    return failure(QString::fromStdString(error));
            }
            try {
                return pending.job(*store);
            } catch (const std::exception& e) {
                return failure(QString::fromUtf8(e.what()));
            }
        },
        [this, generation](const Delivery& delivery) { finished(generation, delivery); });
}

void AsyncStoreReader::finished(std::uint64_t generation, const Delivery& delivery) {
    running_ = false;
    if (next_) {
        // A newer request waited for this one, whose result it supersedes.
        Pending pending = std::move(*next_);
        next_.reset();
        start(std::move(pending));
        return;
    }
    if (generation != generation_)
        return; // cancelled while it ran
    setBusy(false);
    if (delivery)
        delivery();
}

} // namespace rs
