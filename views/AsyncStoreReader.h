#pragma once
// Runs a view's expensive reads of the project file (facet counts, the concept map and its
// layout) on a worker thread with its own read-only connection, so that a filter change
// never waits for them on the GUI thread.
//
// Only the newest request matters: a request made while another waits replaces it, and the
// result of a request that has been superseded (or cancelled) is dropped instead of being
// delivered. A job runs on the worker (runOnWorker() on a pool of one thread, so the
// connection stays on one thread); the function it returns runs on the owner's thread
// with the result it captured. WAL lets the worker read while the window's own connection
// writes; it sees each commit as soon as it is made.
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rs {

class ProjectStore;

class AsyncStoreReader : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(AsyncStoreReader)
public:
    // What runs on the GUI thread once a job is done.
    using Delivery = std::function<void()>;
    // What runs on the worker: reads the store and returns the delivery of its result.
    // Exceptions become a call of the failure handler with their message.
    using Job = std::function<Delivery(const ProjectStore&)>;
    using Failure = std::function<void(const QString& message)>;

    explicit AsyncStoreReader(QObject* parent = nullptr);
    // Waits for a running job to finish (jobs are bounded reads) and closes the connection.
    ~AsyncStoreReader() override;

    // The project file jobs read; the connection is (re)opened read-only on the worker. An
    // empty path cancels and closes.
    void setPath(const std::string& path);
    const std::string& path() const { return path_; }

    // Queues the job, replacing one that has not started yet.
    void request(Job job, Failure failed);
    // Drops the waiting job and the result of a running one.
    void cancel();
    // A request is waiting, running, or its delivery has not been made yet.
    bool isBusy() const { return busy_; }

signals:
    void busyChanged(bool busy);

private:
    struct Pending {
        std::uint64_t generation = 0;
        std::string path;
        Job job;
        Failure failed;
    };
    // The worker's connection, reopened when the path changes. Only one job runs at a time
    // (the next starts when the last has been delivered), on the pool's one thread.
    struct Connection;

    void start(Pending pending);
    void finished(std::uint64_t generation, const Delivery& delivery);
    void setBusy(bool busy);

    std::string path_;
    bool busy_ = false;
    // All on the GUI thread: the newest request's number, whether a job runs, and the one
    // that waits for it (a newer request replaces it).
    std::uint64_t generation_ = 0;
    bool running_ = false;
    std::optional<Pending> next_;
    std::shared_ptr<Connection> connection_;
    QThreadPool pool_;
};

} // namespace rs
