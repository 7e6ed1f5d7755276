#include "HiddenRebuildGate.h"

#include <QEvent>
#include <QWidget>

namespace rs {

HiddenRebuildGate::HiddenRebuildGate(QWidget* view, std::function<void()> rebuild)
    : QObject(view), view_(view), rebuild_(std::move(rebuild))
{
    view_->installEventFilter(this);
}

void HiddenRebuildGate::request()
{
    if (deferred_ && !view_->isVisible()) {
        stale_ = true;
        return;
    }
    stale_ = false;
    built_ = true;
    rebuild_();
}

bool HiddenRebuildGate::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == view_ && event->type() == QEvent::Show && stale_)
        request();
    return QObject::eventFilter(watched, event);
}

} // namespace rs
