#include "RunActions.h"

#include "ProjectStore.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace rs {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// "1 case", "21 cases": the window loads no translations, so %n plurals would read "(s)".
QString count(std::int64_t n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

RunActions::RunActions(QWidget* window) : QObject(window), window_(window) {
    menu_ = new QMenu(tr("&Runs"), window);
    menu_->setObjectName("runsMenu");
    connect(menu_, &QMenu::aboutToShow, this, &RunActions::rebuildMenu);
    rebuildMenu();
}

void RunActions::setStore(ProjectStore* store) {
    store_ = store;
    rebuildMenu();
}

// One submenu per run: "label — 21 cases" (and "interrupted"), its three actions inside.
void RunActions::rebuildMenu() {
    menu_->clear();
    if (!store_) {
        menu_->addAction(tr("No project open"))->setEnabled(false);
        return;
    }
    std::vector<ProjectStore::RunInfo> runs;
    try {
        runs = store_->runs();
    } catch (const std::exception& e) {
        menu_->addAction(qs(e.what()))->setEnabled(false);
        return;
    }
    if (runs.empty())
        menu_->addAction(tr("No runs in this project"))->setEnabled(false);
    for (const auto& run : runs) {
        QString title =
            qs(run.label) + QStringLiteral(" \u2014 ") + count(run.cases, "case", "cases");
        if (!run.complete)
            title += tr(", interrupted");
        QMenu* sub = menu_->addMenu(title);
        sub->setObjectName(QStringLiteral("runMenu-%1").arg(run.id));
        if (!run.description.empty()) {
            menu_->setToolTipsVisible(true);
            sub->menuAction()->setToolTip(qs(run.description));
        }
        fillRunMenu(sub, run.id);
    }
}

void RunActions::fillRunMenu(QMenu* menu, qint64 runId) {
    QAction* rename =
        menu->addAction(tr("&Rename\u2026"), this, [this, runId] { renameRun(runId); });
    rename->setObjectName("renameRun");
    QAction* describe =
        menu->addAction(tr("D&escribe\u2026"), this, [this, runId] { describeRun(runId); });
    describe->setObjectName("describeRun");
    menu->addSeparator();
    QAction* remove =
        menu->addAction(tr("&Delete run\u2026"), this, [this, runId] { deleteRun(runId); });
    remove->setObjectName("deleteRun");
}

void RunActions::popupRunMenu(qint64 runId, const QPoint& globalPos) {
    if (!store_)
        return;
    if (runId < 0) {
        rebuildMenu();
        menu_->popup(globalPos);
        return;
    }
    auto* menu = new QMenu(window_);
    menu->setObjectName("runContextMenu");
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillRunMenu(menu, runId);
    menu->popup(globalPos);
}

QString RunActions::runLabel(qint64 runId) const {
    for (const auto& run : store_->runs())
        if (run.id == runId)
            return qs(run.label);
    return {};
}

void RunActions::showFailure(const QString& what, const std::exception& e) {
    QMessageBox::warning(window_, what, qs(e.what()));
}

bool RunActions::renameRun(qint64 runId) {
    if (!store_)
        return false;
    const QString old = runLabel(runId);
    QInputDialog dialog(window_);
    dialog.setObjectName(kRenameDialog);
    dialog.setWindowTitle(tr("Rename run"));
    dialog.setLabelText(tr("New label for the run \u201c%1\u201d (another run's label is not "
                           "allowed):")
                            .arg(old));
    dialog.setTextValue(old);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue() == old)
        return false;
    const QString label = dialog.textValue();
    try {
        store_->renameRun(runId, label.toStdString());
    } catch (const std::exception& e) {
        showFailure(tr("Cannot rename the run"), e);
        return false;
    }
    emit runsChanged();
    emit done(tr("Renamed run \u201c%1\u201d to \u201c%2\u201d.").arg(old, label));
    return true;
}

bool RunActions::describeRun(qint64 runId) {
    if (!store_)
        return false;
    QString current;
    for (const auto& run : store_->runs())
        if (run.id == runId)
            current = qs(run.description);
    QInputDialog dialog(window_);
    dialog.setObjectName(kDescribeDialog);
    dialog.setWindowTitle(tr("Describe run"));
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setLabelText(tr("What the run \u201c%1\u201d is (model version, prompt, settings):")
                            .arg(runLabel(runId)));
    dialog.setTextValue(current);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue() == current)
        return false;
    try {
        store_->describeRun(runId, dialog.textValue().toStdString());
    } catch (const std::exception& e) {
        showFailure(tr("Cannot describe the run"), e);
        return false;
    }
    emit runsChanged();
    emit done(tr("Description of run \u201c%1\u201d saved.").arg(runLabel(runId)));
    return true;
}

bool RunActions::deleteRun(qint64 runId) {
    if (!store_)
        return false;
    const QString label = runLabel(runId);
    ProjectStore::RunContents contents;
    try {
        contents = store_->runContents(runId);
    } catch (const std::exception& e) {
        showFailure(tr("Cannot delete the run"), e);
        return false;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete run"),
                    tr("Delete the run \u201c%1\u201d?").arg(label), QMessageBox::NoButton,
                    window_);
    box.setObjectName(kDeleteDialog);
    box.setInformativeText(
        tr("This deletes its %1 with their analyses and %2, and %3 given on them.")
            .arg(count(contents.cases, "case", "cases"),
                 count(contents.findings, "finding", "findings"),
                 count(contents.reviews, "review verdict", "review verdicts")) +
        QStringLiteral("\n\n") +
        tr("Verdicts cannot be deleted one by one; they go only with their run. This cannot "
           "be undone."));
    QPushButton* remove = box.addButton(tr("Delete run"), QMessageBox::DestructiveRole);
    remove->setObjectName("confirmDelete");
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    if (box.clickedButton() != remove)
        return false;
    ProjectStore::RunContents gone;
    try {
        gone = store_->deleteRun(runId);
    } catch (const std::exception& e) {
        showFailure(tr("Cannot delete the run"), e);
        return false;
    }
    emit runsChanged();
    emit done(tr("Deleted run \u201c%1\u201d: %2 cases, %3 findings, %4 verdicts.")
                  .arg(label)
                  .arg(gone.cases)
                  .arg(gone.findings)
                  .arg(gone.reviews));
    return true;
}

} // namespace rs
