#pragma once
// Runs > Rename…, Describe…, Delete… in the window: the Runs menu (one submenu per run,
// interrupted runs marked), the same menu for one run from the run filter's context menu,
// and the dialogs that ask for a label, a description or a confirmation. A delete names
// the cases, findings and verdicts that go before it asks. The edits are the store's
// (ProjectStore::renameRun, describeRun, deleteRun), each one transaction; runsChanged()
// tells the window to re-read its views afterwards.
#include <QObject>
#include <QString>

class QMenu;
class QPoint;
class QWidget;

namespace rs {

class ProjectStore;

class RunActions : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY(RunActions)
public:
    // Object names of the dialogs, for tests.
    static constexpr const char* kRenameDialog = "renameRunDialog";
    static constexpr const char* kDescribeDialog = "describeRunDialog";
    static constexpr const char* kDeleteDialog = "deleteRunDialog";

    // window: the parent of the dialogs.
    explicit RunActions(QWidget* window);

    void setStore(ProjectStore* store); // nullptr: no project, the menu says so
    // "&Runs", rebuilt from the store each time it opens.
    QMenu* menu() const { return menu_; }
    // The actions for one run at a screen position (the run filter's context menu); with
    // runId -1 the whole Runs menu.
    void popupRunMenu(qint64 runId, const QPoint& globalPos);

    // Each asks with a modal dialog, then edits; true when the project changed. A failure is
    // shown in a message box.
    bool renameRun(qint64 runId);
    bool describeRun(qint64 runId);
    bool deleteRun(qint64 runId);

signals:
    void runsChanged();
    // What an edit did, for the status bar.
    void done(const QString& message);

private:
    void rebuildMenu();
    void fillRunMenu(QMenu* menu, qint64 runId);
    QString runLabel(qint64 runId) const;
    void showFailure(const QString& what, const std::exception& e);

    QWidget* window_;
    QMenu* menu_;
    ProjectStore* store_ = nullptr;
};

} // namespace rs
