#pragma once
// The claims of one case with their status and evidence, beside the instance view's text:
// supported (the KG edge that confirms it), contradicted (the KG evidence against it) and
// unverified ("no KG edge found": the KG's silence, shown muted and never an error; see
// docs/design.md, Error classes). Claims that are not the model's own (a restated question
// fact, an option being rejected, another person's history) say so. A claim with an end the
// KG has no concept for is unverified and in italics, its evidence naming that end. Under
// each claim a muted line says how it was read: its pattern (the construction of the
// sentence, docs/error-classes.md, Extraction) and its cue; the tooltip explains the pattern.
#include "CaseResult.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace rs {

class ClaimListView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ClaimListView)

public:
    explicit ClaimListView(QWidget* parent = nullptr);

    // Lists the claims of result (nothing when null).
    void showClaims(const CaseResult* result);
    void clear();

    // Data roles of the list's items.
    enum ItemRole {
        StatusRole = Qt::UserRole + 1, // "supported", "contradicted", "unverified"
        EvidenceRole,                  // claimEvidenceText()
        PatternRole,                   // "coordination", ...; empty when not recorded
        ReadingRole,                   // claimReadingText(): pattern and cue, in words
    };
    QListWidget* list() const { return list_; }
    QString title() const;
    int unverifiedCount() const { return unverified_; }

    // Text colour of a status; unverified is muted grey.
    static QColor statusColor(ClaimStatus status);

private:
    QLabel* title_ = nullptr;
    QListWidget* list_ = nullptr;
    int unverified_ = 0;
};

} // namespace rs
