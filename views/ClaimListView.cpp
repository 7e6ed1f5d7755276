#include "ClaimListView.h"

#include "ClaimEvidenceText.h"
#include "ClaimItemDelegate.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace rs {

ClaimListView::ClaimListView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    title_ = new QLabel(this);
    title_->setTextFormat(Qt::PlainText);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setToolTip(
        tr("Supported and contradicted claims rest on a KG edge; unverified ones are the KG's "
           "silence and never count as errors."));
    list_ = new QListWidget(this);
    list_->setWordWrap(true);
    list_->setTextElideMode(Qt::ElideNone);
    list_->setSelectionMode(QAbstractItemView::NoSelection);
    list_->setItemDelegate(new ClaimItemDelegate(ReadingRole, list_));
    layout->addWidget(title_);
    layout->addWidget(list_, 1);
    clear();
}

QColor ClaimListView::statusColor(ClaimStatus status) {
    switch (status) {
    case ClaimStatus::Supported:
        return QColor(0x2e, 0x7d, 0x32);
    case ClaimStatus::Contradicted:
        return QColor(0xc6, 0x28, 0x28);
    case ClaimStatus::Unverified:
        break;
    }
    return QColor(0x80, 0x84, 0x8a);
}

QString ClaimListView::title() const {
    return title_->text();
}

void ClaimListView::clear() {
    list_->clear();
    unverified_ = 0;
    title_->setText(tr("Claims (0)"));
}

void ClaimListView::showClaims(const CaseResult* result) {
    clear();
    if (!result)
        return;
    for (const CaseResult::Claim& c : result->claims) {
        const ClaimStatus status = c.status.value_or(ClaimStatus::Unverified);
        unverified_ += status == ClaimStatus::Unverified ? 1 : 0;
        const QString evidence = QString::fromStdString(claimEvidenceText(c));
        QString text = QStringLiteral("%1 · %2").arg(QLatin1String(toString(status)),
                                                     QString::fromStdString(claimText(c)));
        if (const std::string owner = claimOwnerText(c); !owner.empty())
            text += QStringLiteral(" (%1)").arg(QString::fromStdString(owner));
        auto* item = new QListWidgetItem(
            text + QLatin1Char('\n') + QStringLiteral("    ") + evidence, list_);
        item->setData(StatusRole, QLatin1String(toString(status)));
        item->setData(EvidenceRole, evidence);
        item->setData(PatternRole,
                      c.pattern ? QLatin1String(toString(*c.pattern)) : QLatin1String());
        item->setData(ReadingRole, QString::fromStdString(claimReadingText(c)));
        item->setForeground(statusColor(status));
        QString tip = evidence;
        if (c.pattern)
            tip += QStringLiteral("\n\nRead as %1: %2")
                       .arg(QString::fromStdString(claimPatternLabel(*c.pattern)),
                            QString::fromStdString(claimPatternExplanation(*c.pattern)));
        item->setToolTip(tip);
        // An end the KG has no concept for: the claim is never checked, shown apart.
        if (!c.headLinked || !c.tailLinked) {
            QFont italic = item->font();
            italic.setItalic(true);
            item->setFont(italic);
        }
    }
    title_->setText(
        tr("Claims (%1) — %2 unverified, not errors").arg(list_->count()).arg(unverified_));
}

} // namespace rs
