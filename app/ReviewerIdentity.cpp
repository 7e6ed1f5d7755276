#include "ReviewerIdentity.h"

#include "ReviewPanel.h"

#include <QLabel>
#include <QSettings>
#include <QStatusBar>

namespace rs {

namespace {
const char* const kNameKey = "review/reviewer";
const char* const kRoleKey = "review/role";
} // namespace

ReviewerIdentity::ReviewerIdentity(ReviewPanel* panel, QStatusBar* statusBar, QWidget* window)
    : QObject(window), panel_(panel) {
    label_ = new QLabel(window);
    label_->setObjectName("reviewerLabel");
    statusBar->addPermanentWidget(label_);
    QSettings settings;
    panel_->setReviewer(settings.value(kNameKey).toString(), settings.value(kRoleKey).toString());
    remember(panel_->reviewer(), panel_->role());
    connect(panel_, &ReviewPanel::reviewerChanged, this, &ReviewerIdentity::remember);
}

void ReviewerIdentity::ask() {
    panel_->askForReviewer();
}

void ReviewerIdentity::remember(const QString& name, const QString& role) {
    QSettings settings;
    // A fixed reviewer (a team server's login role) is not the name typed on this computer.
    if (!panel_->reviewerFixed() && (settings.value(kNameKey).toString() != name ||
                                     settings.value(kRoleKey).toString() != role)) {
        settings.setValue(kNameKey, name);
        settings.setValue(kRoleKey, role);
    }
    label_->setText(
        name.isEmpty()
            ? tr("Reviewer: not set")
            : tr("Reviewer: %1")
                  .arg(role.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, role)));
}

} // namespace rs
