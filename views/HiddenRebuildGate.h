#pragma once
// Keeps a view's expensive rebuild (facet queries, a graph layout) from running while the
// view is hidden, e.g. an inactive dock tab: a request is remembered and carried out once
// the view is shown. Views that are always visible, and tests, keep rebuilding at once.
//
// A dock behind another dock's tab still reports isVisible() (Qt only empties its visible
// region), so the gate also follows the enclosing QDockWidget's visibilityChanged, which
// Qt emits when a tab is selected or unselected.
#include <QObject>

#include <functional>

class QWidget;

namespace rs {

class HiddenRebuildGate : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(HiddenRebuildGate)
public:
    HiddenRebuildGate(QWidget* view, std::function<void()> rebuild);

    void setDeferredWhileHidden(bool deferred) { deferred_ = deferred; }
    // Rebuild now, or when the view is next shown.
    void request();
    // The next request must rebuild even if nothing the caller compares changed.
    void invalidate() { built_ = false; }
    // Built, and no request is waiting: an unchanged query needs no rebuild.
    bool isCurrent() const { return built_ && !stale_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isShown();
    void followDock();

    QWidget* view_;
    bool dockFollowed_ = false;
    bool dockShown_ = true;
    std::function<void()> rebuild_;
    bool deferred_ = false;
    bool stale_ = false;
    bool built_ = false;
};

} // namespace rs
