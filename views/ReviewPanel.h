#pragma once
// The clinician's review panel: the queue of flagged cases under the window's filter, worst
// first, with progress ("23 of 140 reviewed"); for the current case its findings and the
// case as a whole as review targets, each with its current verdict; verdict, severity and
// comment controls; and the history of the chosen target's verdicts.
//
// Keyboard first (the actions carry the shortcuts; the window lists them in its menus):
//   J / K            next / previous case in the queue
//   ] / [            next / previous target (findings, then the whole case)
//   1 / 2 / 3        confirmed / rejected / unsure for the target (Ctrl+1/2/3 also from
//                    inside the comment box); then on to the next target, and after the
//                    case verdict to the next case
//   Alt+0 .. Alt+3   severity none / minor / major / critical
//   C                write a comment (Esc returns to the targets)
// Plain keys give way to text fields: typing "1" into the search box types a 1.
//
// Every verdict is written to the project file when it is given (ProjectStore::addReview
// commits at once). When the file is busy beyond the store's timeout the verdict is not
// recorded, the panel says so, and what was typed stays in place to try again.
#include "ProjectStore.h"
#include "ReviewQueue.h"

#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace rs {

class CaseTableModel;
class HiddenRebuildGate;
class ReviewerNameBar;

class ReviewPanel : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ReviewPanel)

public:
    // Object names of the parts, for tests.
    static constexpr const char* kQueueView = "reviewQueue";
    static constexpr const char* kTargets = "reviewTargets";
    static constexpr const char* kComment = "reviewComment";
    static constexpr const char* kSeverity = "reviewSeverity";
    static constexpr const char* kHistory = "reviewHistory";
    static constexpr const char* kProgress = "reviewProgress";

    explicit ReviewPanel(QWidget* parent = nullptr);
    ~ReviewPanel() override;

    // The panel writes reviews through the store; nullptr: no project.
    void setStore(ProjectStore* store);
    // The window's filter; the queue is its flagged cases (or all of them, see flaggedOnly).
    void setFilter(const CaseQuery& filter);
    // In a window: a hidden panel (a dock behind another tab) updates its queue list and
    // progress only when shown; the queue the keys walk is always current.
    void setDeferredWhileHidden(bool deferred);
    void setFlaggedOnly(bool flaggedOnly);
    bool flaggedOnly() const { return flaggedOnly_; }

    // Ignored once the reviewer is fixed.
    void setReviewer(const QString& name, const QString& role);
    // A reviewer nobody can retype here (on a team server: the database login role, which
    // the server records whatever the window sends); why says so under the name.
    void setReviewerFixed(const QString& name, const QString& role, const QString& why);
    bool reviewerFixed() const { return reviewerFixed_; }
    QString reviewer() const { return reviewer_; }
    QString role() const { return role_; }

    qint64 currentCase() const { return caseId_; }
    // 0 .. findings-1: a finding; findings: the whole case; -1: no case.
    int currentTarget() const { return target_; }
    int targetCount() const;
    const ReviewQueue* queue() const { return queue_.get(); }
    QString progressText() const;

    // The keyboard actions (already added to this widget; the window may add them to a
    // menu as well).
    QList<QAction*> reviewActions() const { return actions_; }
    // "J  next case\n..." for the Help menu.
    static QString shortcutHelp();

    // The widget the review keys start from: the list of the case's findings.
    QWidget* keyHome() const;

public slots:
    void setCurrentCase(qint64 caseId);
    // Review mode: the first case of the queue without a case verdict (the first case when
    // all have one), with the focus on the findings. False when the queue is empty.
    bool startReviewing();
    // Puts the cursor into the panel's reviewer name field, saying why.
    void askForReviewer();
    // Re-reads the queue and the current case, e.g. after another instance wrote verdicts.
    void refresh();
    // Records the verdict on the current target; false when nothing was recorded.
    bool recordVerdict(const QString& verdict);
    void nextCase();
    void previousCase();
    void nextTarget();
    void previousTarget();
    void selectTarget(int target);
    void setSeverity(const QString& severity);
    void focusComment();

signals:
    // The panel moved to another case (keyboard or queue click); the window follows.
    void caseActivated(qint64 caseId);
    // A verdict needs a reviewer name: a listener may call setReviewer() before the signal
    // returns (direct connection); otherwise nothing is recorded and the panel's name
    // field asks for it.
    void reviewerRequested();
    void reviewRecorded(qint64 caseId);
    void reviewerChanged(const QString& name, const QString& role);
    void failed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showQueue();
    void updateTitle();
    HiddenRebuildGate* listGate_ = nullptr;
    void buildActions();
    void loadCase();
    void fillTargets();
    void showTarget();
    void updateProgress();
    void selectQueueRow();
    void goTo(qint64 caseId);

    ProjectStore* store_ = nullptr;
    std::unique_ptr<ReviewQueue> queue_;
    CaseQuery filter_;
    bool flaggedOnly_ = true;
    QString reviewer_, role_;
    bool reviewerFixed_ = false;
    qint64 caseId_ = -1;
    int target_ = -1;
    std::optional<ProjectStore::StoredCase> case_;
    CaseResult result_; // case_'s analysed result, decoded once
    CaseReviewState state_;

    CaseTableModel* queueModel_ = nullptr;
    QTableView* queueView_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QCheckBox* flaggedBox_ = nullptr;
    QLabel* caseTitle_ = nullptr;
    QTreeWidget* targets_ = nullptr;
    QLabel* explanation_ = nullptr;
    QComboBox* severity_ = nullptr;
    QPlainTextEdit* comment_ = nullptr;
    QListWidget* history_ = nullptr;
    ReviewerNameBar* nameBar_ = nullptr;
    QList<QAction*> actions_;
};

} // namespace rs
