#include "ReviewKeyController.h"

#include "ReviewPanel.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTextEdit>

namespace rs {

ReviewKeyController::ReviewKeyController(QWidget* window, ReviewPanel* panel, QStatusBar* statusBar)
    : QObject(window), window_(window), panel_(panel) {
    hint_ = new QLabel(window);
    hint_->setObjectName("reviewKeyHint");
    statusBar->addWidget(hint_, 1);
    qApp->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget*, QWidget* now) { showHint(now); });
    showHint(QApplication::focusWidget());
}

ReviewKeyController::~ReviewKeyController() {
    qApp->removeEventFilter(this);
}

bool ReviewKeyController::isTextEntry(const QWidget* widget) {
    if (!widget)
        return false;
    if (qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget))
        return true;
    if (const auto* edit = qobject_cast<const QPlainTextEdit*>(widget))
        return !edit->isReadOnly();
    if (const auto* edit = qobject_cast<const QTextEdit*>(widget))
        return !edit->isReadOnly();
    if (const auto* box = qobject_cast<const QComboBox*>(widget))
        return box->isEditable();
    return false;
}

QAction* ReviewKeyController::reviewAction(const QKeyEvent* key) const {
    // The keypad's digits are the same verdict keys as the row above the letters.
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const QKeySequence pressed(QKeyCombination(modifiers, Qt::Key(key->key())));
    for (QAction* action : panel_->reviewActions())
        for (const QKeySequence& shortcut : action->shortcuts())
            if (shortcut == pressed)
                return action;
    return nullptr;
}

bool ReviewKeyController::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != window_)
        return false; // a dialog, a menu, another window: their keys are their own
    auto* key = static_cast<QKeyEvent*>(event);
    if (isTextEntry(widget)) {
        // Typing stays typing; Esc hands the keys back to the review.
        if (type == QEvent::KeyPress && key->key() == Qt::Key_Escape &&
            key->modifiers() == Qt::NoModifier) {
            panel_->keyHome()->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        return false;
    }
    QAction* action = reviewAction(key);
    if (!action)
        return false;
    if (type == QEvent::ShortcutOverride) {
        // Claim the key before a widget (an item view's type-ahead search) or a shortcut
        // does; the key press that follows comes back here and runs the action once.
        key->accept();
        return true;
    }
    action->trigger();
    return true;
}

void ReviewKeyController::showHint(QWidget* focus) {
    if (focus && focus->window() == window_ && isTextEntry(focus))
        hint_->setText(tr("Typing in a text field \u2014 Esc returns to the review keys"));
    else
        hint_->setText(tr(
            "Review keys: J/K case \u00b7 1/2/3 verdict \u00b7 ]/[ finding \u00b7 C comment \u00b7 "
            "Alt+0\u20263 severity \u00b7 F2 start reviewing"));
}

} // namespace rs
