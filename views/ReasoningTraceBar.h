#pragma once
// The instance view's bar for a reasoning model's case: the final answer the model wrote
// after its trace (after </think>, or the content beside reasoning_content), shown apart
// from the trace, and a toggle that folds a long trace to its first paragraphs. The trace
// itself stays in the instance view's document, where finding spans are marked, under the
// heading "Reasoning trace"; folding hides its later paragraphs (QTextBlock visibility)
// without moving any position, and a highlight inside the hidden part unfolds it.
//
// Also the texts the document uses for such cases: its output heading, and the note that
// replaces an empty output when the tool scored the case from log-likelihoods.
#include "Case.h"

#include <QFrame>
#include <QString>

class QLabel;
class QTextDocument;
class QToolButton;

namespace rs {

class ReasoningTraceBar : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY(ReasoningTraceBar)

public:
    // Traces of more paragraphs than this start folded, showing this many.
    static constexpr int kShownParagraphs = 6;

    ReasoningTraceBar(QTextDocument* document, QWidget* parent = nullptr);

    // "Reasoning trace" when the case has a final answer apart from its output (the output
    // is then the trace alone), "Model output" otherwise.
    static QString outputHeading(const Case& c);
    // What stands in for an empty output: why there is no text, or empty when nothing
    // explains it.
    static QString missingOutputNote(const Case& c);

    // Shows c's final answer, or hides the bar when c has none. [traceBegin, traceEnd) is
    // the trace in the document (UTF-16 positions), already written.
    void showCase(const Case& c, int traceBegin, int traceEnd);

    // Unfolds the trace when position lies in its folded part.
    void reveal(int position);
    void setFolded(bool folded);
    bool isFolded() const { return folded_; }
    bool canFold() const { return foldFrom_ < traceEnd_; }

    // For tests.
    QString finalAnswerText() const;
    QToolButton* foldButton() const { return fold_; }

private:
    void updateButton();

    QTextDocument* document_;
    QLabel* answer_ = nullptr;
    QToolButton* fold_ = nullptr;
    int foldFrom_ = 0, traceEnd_ = 0; // the folded part of the trace, positions
    int hiddenParagraphs_ = 0;
    bool folded_ = false;
};

} // namespace rs
