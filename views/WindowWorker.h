#pragma once
// The one way the window and its views run work off the GUI thread: QtConcurrent on a Qt
// thread pool (the global one unless the caller keeps its own, as AsyncStoreReader does
// for its connection), the result handed back on the GUI thread by a QFutureWatcher that
// belongs to the receiving object. If that object is gone when the work ends, the result
// is dropped instead of being delivered to freed memory; the work itself always runs to
// its end (cancellation is the work's own business, through a flag it polls).
//
// Work captures copies (paths, queries, settings), never the window: it may outlive the
// window until QCoreApplication waits for the pool on exit. Work catches its own
// exceptions and says so in its result, since result() would rethrow them on the GUI
// thread.
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace rs {

// Runs work() on a thread of pool, then done(result) on receiver's thread. Returns the
// future, for callers that must wait for it (a job that writes the project file).
template <class Work, class Done>
auto runOnWorker(QThreadPool* pool, QObject* receiver, Work work, Done done) {
    using Result = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    QFuture<Result> future = QtConcurrent::run(pool, std::move(work));
    watcher->setFuture(future);
    return future;
}

// The same on Qt's global thread pool.
template <class Work, class Done> auto runOnWorker(QObject* receiver, Work work, Done done) {
    return runOnWorker(QThreadPool::globalInstance(), receiver, std::move(work), std::move(done));
}

} // namespace rs
