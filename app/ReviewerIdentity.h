#pragma once
// Who records verdicts: a name and a role, remembered in QSettings from one session to the
// next, asked for in a dialog when the review panel first needs them (or from Review > Set
// reviewer…), and shown in the status bar.
#include <QObject>

class QLabel;
class QStatusBar;
class QWidget;

namespace rs {

class ReviewPanel;

class ReviewerIdentity : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(ReviewerIdentity)
public:
    // Gives the panel the remembered reviewer and answers its requests for one; the
    // label goes into statusBar. Dialogs open over window, which owns this object.
    ReviewerIdentity(ReviewPanel* panel, QStatusBar* statusBar, QWidget* window);

    // Asks for the reviewer's name and role; false when cancelled.
    bool ask();

private:
    void show();

    ReviewPanel* panel_;
    QWidget* window_;
    QLabel* label_ = nullptr;
};

} // namespace rs
