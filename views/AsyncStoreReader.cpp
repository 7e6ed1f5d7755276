#include "AsyncStoreReader.h"

#include "ProjectStore.h"

#include <QMetaObject>
#include <QPointer>

namespace rs {

AsyncStoreReader::AsyncStoreReader(QObject* parent) : QObject(parent) {
    worker_ = std::thread([this] { run(); });
}

AsyncStoreReader::~AsyncStoreReader() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_.reset();
    }
    wake_.notify_all();
    worker_.join();
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
    {
        std::lock_guard lock(mutex_);
        auto p = std::make_unique<Pending>();
        p->generation = ++generation_;
        p->path = path_;
        p->job = std::move(job);
        p->failed = std::move(failed);
        pending_ = std::move(p);
    }
    wake_.notify_one();
    setBusy(true);
}

void AsyncStoreReader::cancel() {
    {
        std::lock_guard lock(mutex_);
        pending_.reset();
    }
    ++generation_; // whatever is running now is delivered to nobody
    setBusy(false);
}

void AsyncStoreReader::setBusy(bool busy) {
    if (busy == busy_)
        return;
    busy_ = busy;
    emit busyChanged(busy);
}

void AsyncStoreReader::deliver(std::uint64_t generation, const Delivery& delivery) {
    if (generation != generation_)
        return; // superseded while it ran
    setBusy(false);
    if (delivery)
        delivery();
}

void AsyncStoreReader::run() {
    std::unique_ptr<ProjectStore> store;
    for (;;) {
        std::unique_ptr<Pending> next;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pending_; });
            if (stopping_)
                return;
            next = std::move(pending_);
        }
        Delivery delivery;
        if (!store || store->path() != next->path) {
            store.reset();
            std::string error;
            store = ProjectStore::openReadOnly(next->path, &error);
            if (!store) {
                const QString message = QString::fromStdString(error);
                delivery = [failed = next->failed, message] {
                    if (failed)
                        failed(message);
                };
            }
        }
        if (store) {
            try {
                delivery = next->job(*store);
            } catch (const std::exception& e) {
                const QString message = QString::fromUtf8(e.what());
                delivery = [failed = next->failed, message] {
                    if (failed)
                        failed(message);
                };
            }
        }
        // The destructor joins this thread before the object goes, so `this` outlives the
        // queued call; Qt drops the call if the object is gone by the time it would run.
        QMetaObject::invokeMethod(
            this, [this, generation = next->generation, delivery = std::move(delivery)] {
                deliver(generation, delivery);
            },
            Qt::QueuedConnection);
    }
}

} // namespace rs
