#pragma once
// Who records verdicts: a name and a role, typed into the review panel's reviewer field
// (asked there at the first verdict, or from Review > Set reviewer…), remembered in
// QSettings from one session to the next, and shown in the status bar.
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
    // Gives the panel the remembered reviewer and keeps what is typed there; the label goes
    // into statusBar. window owns this object.
    ReviewerIdentity(ReviewPanel* panel, QStatusBar* statusBar, QWidget* window);

    // Puts the cursor into the panel's reviewer field.
    void ask();

private:
    void remember(const QString& name, const QString& role);

    ReviewPanel* panel_;
    QLabel* label_ = nullptr;
};

} // namespace rs
