#include "ReviewerIdentity.h"

#include "ReviewPanel.h"
#include "ReviewerDialog.h"

#include <QLabel>
#include <QSettings>
#include <QStatusBar>

namespace rs {

ReviewerIdentity::ReviewerIdentity(ReviewPanel* panel, QStatusBar* statusBar, QWidget* window)
    : QObject(window), panel_(panel), window_(window)
{
    label_ = new QLabel(window);
    label_->setObjectName("reviewerLabel");
    statusBar->addPermanentWidget(label_);
    // Direct: the panel continues with the name once the dialog returns.
    connect(panel_, &ReviewPanel::reviewerRequested, this, &ReviewerIdentity::ask, Qt::DirectConnection);
    connect(panel_, &ReviewPanel::reviewerChanged, this, &ReviewerIdentity::show);
    QSettings settings;
    panel_->setReviewer(settings.value("review/reviewer").toString(), settings.value("review/role").toString());
}

bool ReviewerIdentity::ask()
{
    QString name = panel_->reviewer(), role = panel_->role();
    if (!ReviewerDialog::ask(window_, &name, &role))
        return false;
    panel_->setReviewer(name, role);
    QSettings settings;
    settings.setValue("review/reviewer", name);
    settings.setValue("review/role", role);
    return true;
}

void ReviewerIdentity::show()
{
    const QString name = panel_->reviewer(), role = panel_->role();
    label_->setText(name.isEmpty() ? tr("Reviewer: not set")
                                   : tr("Reviewer: %1").arg(role.isEmpty() ? name
                                                                           : QStringLiteral("%1 (%2)").arg(name, role)));
}

} // namespace rs
