// The main window's side of compare mode (CompareMode.h): entering and leaving it, and
// following its head case.
#include "CompareBar.h"
#include "CompareMode.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "RunComparison.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QTableView>

namespace rs {

void MainWindow::connectCompare() {
    connect(compare_, &CompareMode::leaveRequested, this, &MainWindow::leaveCompareMode);
    connect(compare_, &CompareMode::headCaseChanged, this, &MainWindow::setCurrentCase);
    connect(compare_, &CompareMode::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(compare_->model(), &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
}

bool MainWindow::enterCompareMode(const QString& baseRun, const QString& headRun, QString* error) {
    QString message;
    const ProjectStore* store = session_->store();
    std::optional<ProjectStore::RunInfo> base, head;
    if (!store) {
        message = tr("No project is open.");
    } else {
        std::string why;
        base = findRunByLabel(*store, baseRun.toStdString(), &why);
        if (base)
            head = findRunByLabel(*store, headRun.toStdString(), &why);
        if (!base || !head)
            message = QString::fromStdString(why);
        else if (base->id == head->id)
            message = tr("Choose two different runs to compare.");
    }
    if (message.isEmpty() && compare_->enter(store, base->id, head->id, &message)) {
        filterBar_->hide();
        table_->hide();
        emptyState_->hide();
        compareAction_->setChecked(true);
        updateStatus();
        return true;
    }
    if (error)
        *error = message;
    return false;
}

void MainWindow::leaveCompareMode() {
    if (!compare_->isActive())
        return;
    compare_->leave();
    compareAction_->setChecked(false);
    filterBar_->show();
    const bool open = session_->store() != nullptr;
    table_->setVisible(open);
    emptyState_->setVisible(!open);
    if (open) {
        const qint64 keep = currentCase_;
        currentCase_ = -1; // the table's selection may lag behind: select and show it again
        keepOrSelectFirst(keep);
        table_->setFocus();
    }
    updateStatus();
}

bool MainWindow::showComparedQuestion(const QString& questionOrCaseKey) {
    if (!compare_->isActive())
        return false;
    if (compare_->showQuestion(questionOrCaseKey))
        return true;
    const auto stored = session_->store()->loadCase(questionOrCaseKey.toStdString());
    return stored && !stored->data.questionId.empty() &&
           compare_->showQuestion(QString::fromStdString(stored->data.questionId));
}

} // namespace rs
