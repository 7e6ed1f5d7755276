#include "ComparisonInstanceView.h"

#include "ClaimListView.h"
#include "InstanceView.h"

#include <QAbstractTextDocumentLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace rs {

namespace {

// A column: the header over one instance view, whose text goes above its finding lists
// (two columns of text and lists side by side do not fit a dock).
QWidget* column(QWidget* parent, QLabel*& header, InstanceView*& view, const QString& name) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    header = new QLabel(box);
    header->setObjectName(name + "Header");
    header->setTextFormat(Qt::PlainText);
    header->setWordWrap(true);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    header->setContentsMargins(6, 4, 6, 4);
    header->setAutoFillBackground(true);
    view = new InstanceView(box);
    view->setObjectName(name + "Instance");
    if (auto* inner = view->findChild<QSplitter*>()) {
        inner->setOrientation(Qt::Vertical);
        inner->setSizes({700, 160});
    }
    // Side by side, the text and the findings are what differ; the coverage gaps and the
    // claims stay in the single instance view.
    view->gapList()->parentWidget()->hide();
    view->claimList()->hide();
    // The legend under the text wraps rather than widening the column: two columns side
    // by side must still fit a dock.
    for (QLabel* label : view->findChildren<QLabel*>())
        if (label->textFormat() == Qt::RichText)
            label->setWordWrap(true);
    layout->addWidget(header);
    layout->addWidget(view, 1);
    return box;
}

// Both sides ask the same question: each opens on its own answer, the question above it
// a scroll away.
void scrollToOutput(InstanceView* view, const Case& c) {
    const QString firstLine = QString::fromStdString(c.output).section(QLatin1Char('\n'), 0, 0);
    const QString prefix = firstLine.trimmed().left(40);
    if (prefix.isEmpty())
        return;
    QTextDocument* doc = view->textView()->document();
    const QTextCursor found = doc->find(prefix);
    if (found.isNull())
        return;
    const QRectF block = doc->documentLayout()->blockBoundingRect(found.block());
    view->textView()->verticalScrollBar()->setValue(int(block.top()) - 6);
}

} // namespace

ComparisonInstanceView::ComparisonInstanceView(QWidget* parent) : QWidget(parent) {
    stack_ = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    empty_ = new QLabel(tr("Select a question to compare its two answers"), stack_);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setEnabled(false);
    stack_->addWidget(empty_);

    auto* splitter = new QSplitter(Qt::Horizontal, stack_);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(column(splitter, baseHeader_, base_, QStringLiteral("base")));
    splitter->addWidget(column(splitter, headHeader_, head_, QStringLiteral("head")));
    splitter->setSizes({500, 500});
    stack_->addWidget(splitter);

    connect(base_, &InstanceView::findingSelected, this,
            [this](int index) { emit findingSelected(false, index); });
    connect(head_, &InstanceView::findingSelected, this,
            [this](int index) { emit findingSelected(true, index); });
}

ComparisonInstanceView::~ComparisonInstanceView() = default;

QString ComparisonInstanceView::headerFor(const Side& side) {
    if (!side.data)
        return tr("%1 \u00b7 did not answer this question").arg(side.runLabel);
    QString answer = QString::fromStdString(side.data->prediction).simplified();
    if (answer.size() > 40)
        answer = answer.left(39) + QChar(0x2026);
    if (answer.isEmpty())
        answer = tr("no answer");
    QString verdict = tr("unscored");
    if (side.data->correct)
        verdict = *side.data->correct ? tr("right") : tr("wrong");
    QString findings = tr("not analysed");
    if (side.result)
        findings = side.result->findings.size() == 1
                       ? tr("1 finding")
                       : tr("%1 findings").arg(side.result->findings.size());
    return tr("%1 \u00b7 answered %2 (%3) \u00b7 %4").arg(side.runLabel, answer, verdict, findings);
}

void ComparisonInstanceView::showPair(const Side& base, const Side& head) {
    const auto fill = [](const Side& side, QLabel* header, InstanceView* view) {
        header->setText(headerFor(side));
        QPalette palette = header->palette();
        QColor tint(QStringLiteral("#eeeeee"));
        if (side.data && side.data->correct)
            tint = *side.data->correct ? QColor(QStringLiteral("#dff0d8"))
                                       : QColor(QStringLiteral("#f8dcdc"));
        palette.setColor(QPalette::Window, tint);
        header->setPalette(palette);
        if (side.data) {
            view->showCase(*side.data, side.result);
            scrollToOutput(view, *side.data);
        } else {
            view->clear();
        }
    };
    fill(base, baseHeader_, base_);
    fill(head, headHeader_, head_);
    stack_->setCurrentIndex(1);
}

void ComparisonInstanceView::clear() {
    base_->clear();
    head_->clear();
    baseHeader_->clear();
    headHeader_->clear();
    stack_->setCurrentIndex(0);
}

bool ComparisonInstanceView::isEmptyState() const {
    return stack_->currentIndex() == 0;
}

QString ComparisonInstanceView::baseHeader() const {
    return baseHeader_->text();
}

QString ComparisonInstanceView::headHeader() const {
    return headHeader_->text();
}

} // namespace rs
