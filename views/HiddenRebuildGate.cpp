#include "HiddenRebuildGate.h"

#include <QDockWidget>
#include <QEvent>
#include <QWidget>

namespace rs {

HiddenRebuildGate::HiddenRebuildGate(QWidget* view, std::function<void()> rebuild)
    : QObject(view), view_(view), rebuild_(std::move(rebuild)) {
    view_->installEventFilter(this);
}

void HiddenRebuildGate::followDock() {
    if (dockFollowed_)
        return;
    for (QWidget* w = view_->parentWidget(); w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            dockFollowed_ = true;
            dockShown_ = !dock->visibleRegion().isEmpty() || !dock->window()->isVisible();
            connect(dock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
                dockShown_ = shown;
                if (shown && stale_)
                    request();
            });
            return;
        }
}

bool HiddenRebuildGate::isShown() {
    followDock();
    return view_->isVisible() && dockShown_;
}

void HiddenRebuildGate::request() {
    if (deferred_ && !isShown()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    built_ = true;
    rebuild_();
}

bool HiddenRebuildGate::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::Show && stale_)
        request();
    return QObject::eventFilter(watched, event);
}

} // namespace rs
