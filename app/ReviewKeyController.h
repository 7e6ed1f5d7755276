#pragma once
// The review keys (J/K, 1/2/3, ]/[, C, Alt+0..3, as the review panel's actions carry them)
// work whatever widget of the window has the focus: the case table, the queue, a tree, a
// button. Left to Qt, a focused item view takes "1" or "J" for its type-ahead search and a
// verdict key then silently moves a selection. One application event filter decides
// instead: outside a text field a review key is the panel's action; inside a text field
// (search, comment, reviewer name) keys type text, and Esc leaves the field for the
// panel's list of findings. A status-bar line says which of the two holds.
#include <QObject>

class QAction;
class QKeyEvent;
class QLabel;
class QStatusBar;
class QWidget;

namespace rs {

class ReviewPanel;

class ReviewKeyController : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(ReviewKeyController)
public:
    // Watches key events for the widgets of window (not its dialogs or menus) and adds its
    // hint to statusBar. window owns this object.
    ReviewKeyController(QWidget* window, ReviewPanel* panel, QStatusBar* statusBar);
    ~ReviewKeyController() override;

    // A widget that takes typed text: a line edit, a text edit that is not read-only, an
    // editable combo box or a spin box.
    static bool isTextEntry(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* reviewAction(const QKeyEvent* key) const;
    void showHint(QWidget* focus);

    QWidget* window_;
    ReviewPanel* panel_;
    QLabel* hint_ = nullptr;
};

} // namespace rs
