#pragma once
// The instance view: one case read closely. Left, a read-only text with the question, the
// options (gold and model answers marked) and the model's output, where linked mentions,
// claims, finding spans and coverage gaps are marked with formats and tooltips. Right, the
// findings, the coverage gaps and the claims (status and KG evidence) as lists; picking a
// finding highlights its span strongly, scrolls to it and emits findingSelected().
//
// Everything shown comes from untrusted input files: the document is built with
// QTextCursor and QTextCharFormat (never by concatenating HTML) and tooltips are escaped.
// Spans of the result are UTF-8 byte offsets; they are mapped to the document's
// UTF-16 positions, and spans that are malformed, inverted or out of range are ignored.
#include "Case.h"
#include "CaseResult.h"

#include <nlohmann/json.hpp>

#include <QColor>
#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QTextBrowser;

namespace rs {

class ClaimListView;
class ReasoningTraceBar;

class InstanceView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(InstanceView)

public:
    explicit InstanceView(QWidget* parent = nullptr);
    ~InstanceView() override;

    // Shows a case and its analysed result (nullptr when the case is not analysed yet).
    // Does not emit findingSelected().
    void showCase(const Case& c, const CaseResult* result);
    // The same from the stored per-case JSON (docs/json-output.md), read leniently; null
    // when the case is not analysed yet.
    void showCase(const Case& c, const nlohmann::json& analysis);
    // Back to the empty state ("Select a case to read its reasoning").
    void clear();
    bool isEmptyState() const;

    // Index into analysis["findings"] of the selected finding, or -1.
    int selectedFinding() const { return selectedFinding_; }
    // Selects a finding by its index into analysis["findings"] as if clicked; an index that
    // names no listed finding clears the selection (and emits -1 if one was selected).
    void selectFinding(int index);

    // The text of the strongly highlighted span (a selected finding or coverage gap), or
    // an empty string when nothing is highlighted in the text.
    QString highlightedText() const;

    // Colours of the finding classes (relation, branch, missing, grounding), their light
    // tints used as span backgrounds, and the other marks. Unknown classes are grey.
    static QColor classTint(const QString& type);
    // The background (under white text) of the selected finding's span.
    static QColor strongColor(const QString& type);
    static QColor mentionBackground();
    static QColor claimUnderline();
    static QColor gapUnderline();

    // Data roles of the items in findingList() and gapList().
    enum ItemRole {
        BadgeRole = Qt::UserRole + 1, // severity (findings) or where (gaps)
        BadgeColorRole,
        TitleRole, // class / subtype, or the gap's text
        TitleColorRole,
        BodyRole,  // the explanation, or the gap's reason
        IndexRole, // index into analysis["findings"] / the gap's row; -1
    };

    // For tests and for the main window's layout.
    QTextBrowser* textView() const { return text_; }
    QListWidget* findingList() const { return findings_; }
    QListWidget* gapList() const { return gaps_; }
    // The case's claims with status and evidence (ClaimListView.h).
    ClaimListView* claimList() const { return claims_; }
    ReasoningTraceBar* traceBar() const { return traceBar_; }

signals:
    // The selected finding changed (index into analysis["findings"], -1: none).
    void findingSelected(int index);

private:
    // A span of the document, in UTF-16 positions.
    struct Range {
        int begin = 0, end = 0;
        bool valid() const { return end > begin; }
    };

    void onFindingChanged(QListWidgetItem* current);
    void onGapChanged(QListWidgetItem* current);
    void highlight(Range r, const QColor& color);
    // questionSpan: a reading finding's span in the question, highlighted with r.
    void highlight(Range r, const QColor& color, Range questionSpan);

    QStackedWidget* stack_ = nullptr;
    QLabel* empty_ = nullptr;
    QTextBrowser* text_ = nullptr;
    QListWidget* findings_ = nullptr;
    QListWidget* gaps_ = nullptr;
    QLabel* findingsTitle_ = nullptr;
    QLabel* gapsTitle_ = nullptr;
    ClaimListView* claims_ = nullptr;
    ReasoningTraceBar* traceBar_ = nullptr; // final answer apart from the trace

    std::vector<Range> findingRanges_;         // parallel to analysis["findings"]
    std::vector<Range> findingQuestionRanges_; // the same, in the question (reading findings)
    std::vector<QString> findingTypes_;
    std::vector<Range> gapRanges_; // parallel to the gap list's rows
    int selectedFinding_ = -1;
};

} // namespace rs
