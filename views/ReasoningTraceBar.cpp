#include "ReasoningTraceBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

namespace rs {

namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

ReasoningTraceBar::ReasoningTraceBar(QTextDocument* document, QWidget* parent)
    : QFrame(parent), document_(document) {
    setObjectName(QStringLiteral("reasoningTraceBar"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    auto* title = new QLabel(tr("Final answer"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The answer is model text: plain text only, never rich text.
    answer_ = new QLabel(this);
    answer_->setTextFormat(Qt::PlainText);
    answer_->setWordWrap(true);
    answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answer_->setToolTip(tr("What the model wrote after its reasoning trace"));
    fold_ = new QToolButton(this);
    fold_->setAutoRaise(true);
    layout->addWidget(title, 0, Qt::AlignTop);
    layout->addWidget(answer_, 1);
    layout->addWidget(fold_, 0, Qt::AlignTop);
    connect(fold_, &QToolButton::clicked, this, [this] { setFolded(!folded_); });
    hide();
}

QString ReasoningTraceBar::outputHeading(const Case& c) {
    return c.finalAnswer.empty() ? tr("Model output") : tr("Reasoning trace");
}

QString ReasoningTraceBar::missingOutputNote(const Case& c) {
    if (!c.output.empty() || !c.scoredFromLoglikelihoods)
        return {};
    return tr("Scored from log-likelihoods, no written reasoning: the tool compared the "
              "model's likelihood of each option, so there is no chain to read.");
}

void ReasoningTraceBar::showCase(const Case& c, int traceBegin, int traceEnd) {
    folded_ = false;
    foldFrom_ = traceEnd_ = traceEnd;
    hiddenParagraphs_ = 0;
    if (c.finalAnswer.empty()) {
        hide();
        return;
    }
    answer_->setText(qs(c.finalAnswer));
    // Paragraphs are the trace's non-empty blocks; blank lines between them do not count.
    int paragraphs = 0;
    for (QTextBlock b = document_->findBlock(traceBegin); b.isValid() && b.position() < traceEnd;
         b = b.next()) {
        if (b.text().trimmed().isEmpty())
            continue;
        ++paragraphs;
        if (paragraphs == kShownParagraphs + 1)
            foldFrom_ = b.position();
        if (paragraphs > kShownParagraphs)
            ++hiddenParagraphs_;
    }
    setFolded(canFold());
    show();
}

void ReasoningTraceBar::setFolded(bool folded) {
    folded_ = folded && canFold();
    if (canFold()) {
        for (QTextBlock b = document_->findBlock(foldFrom_);
             b.isValid() && b.position() < traceEnd_; b = b.next())
            b.setVisible(!folded_);
        document_->markContentsDirty(foldFrom_, traceEnd_ - foldFrom_);
    }
    updateButton();
}

void ReasoningTraceBar::reveal(int position) {
    if (folded_ && position >= foldFrom_ && position < traceEnd_)
        setFolded(false);
}

QString ReasoningTraceBar::finalAnswerText() const {
    return answer_->text();
}

void ReasoningTraceBar::updateButton() {
    fold_->setVisible(canFold());
    const QString more = hiddenParagraphs_ == 1 ? tr("1 more paragraph")
                                                : tr("%1 more paragraphs").arg(hiddenParagraphs_);
    fold_->setText(folded_ ? tr("Show the whole trace (%1)").arg(more) : tr("Fold the trace"));
}

} // namespace rs
