#include "ReviewPanel.h"

#include "HiddenRebuildGate.h"

#include "CaseResultCodec.h"
#include "CaseTableModel.h"
#include "CaseTitle.h"
#include "FindingColors.h"
#include "FindingKinds.h"
#include "FindingWording.h"
#include "ReviewerNameBar.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rs {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// "2024-06-01T12:00:00.123Z" -> "2024-06-01 12:00"
QString shortTime(const std::string& ts) {
    return ts.size() >= 16 ? qs(ts.substr(0, 10) + " " + ts.substr(11, 5)) : qs(ts);
}

QString describe(const ProjectStore::Review& r) {
    QString who = qs(r.reviewer);
    if (!r.role.empty())
        who += QStringLiteral(" (%1)").arg(qs(r.role));
    QString text = QStringLiteral("%1  %2: %3").arg(shortTime(r.timestamp), who, qs(r.verdict));
    if (!r.severity.empty())
        text += QStringLiteral(", ") + qs(r.severity);
    if (!r.comment.empty())
        text += QStringLiteral(" \u2014 \u201c%1\u201d").arg(qs(r.comment));
    return text;
}

// The keys, always in sight under the verdict buttons.
QLabel* keyHint(QWidget* parent) {
    auto* hint = new QLabel(
        ReviewPanel::tr("<b>Keys</b> (wherever the focus is, except in a text field): "
                        "<b>1</b> confirm \u00b7 <b>2</b> reject \u00b7 <b>3</b> unsure \u00b7 "
                        "<b>]</b>/<b>[</b> next/previous finding \u00b7 <b>J</b>/<b>K</b> "
                        "next/previous case \u00b7 <b>Alt+0\u20263</b> severity \u00b7 <b>C</b> "
                        "comment \u00b7 <b>Esc</b> leaves a text field \u00b7 <b>F2</b> first "
                        "unreviewed case"),
        parent);
    hint->setObjectName("reviewKeyHint");
    hint->setWordWrap(true);
    hint->setStyleSheet("color: #445; background: #f2f4f7; padding: 3px;");
    return hint;
}

} // namespace

ReviewPanel::ReviewPanel(QWidget* parent) : QWidget(parent) {
    listGate_ = new HiddenRebuildGate(this, [this] { showQueue(); });
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    column->setSpacing(4);

    auto* progressRow = new QHBoxLayout;
    progressLabel_ = new QLabel(tr("No project"), this);
    progressLabel_->setObjectName(QLatin1String(kProgress));
    QFont bold = progressLabel_->font();
    bold.setBold(true);
    progressLabel_->setFont(bold);
    progressBar_ = new QProgressBar(this);
    progressBar_->setTextVisible(false);
    progressBar_->setMaximumHeight(10);
    // Alt+Y: widening the queue to every case stays a key press.
    flaggedBox_ = new QCheckBox(tr("Flagged onl&y"), this);
    flaggedBox_->setChecked(true);
    flaggedBox_->setToolTip(tr("Queue only the cases of the filter that have a finding"));
    connect(flaggedBox_, &QCheckBox::toggled, this, &ReviewPanel::setFlaggedOnly);
    progressRow->addWidget(progressLabel_);
    progressRow->addWidget(progressBar_, 1);
    progressRow->addWidget(flaggedBox_);
    column->addLayout(progressRow);

    queueModel_ = new CaseTableModel(nullptr, this);
    queueView_ = new QTableView(this);
    queueView_->setObjectName(QLatin1String(kQueueView));
    queueView_->setModel(queueModel_);
    queueView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    queueView_->setSelectionMode(QAbstractItemView::SingleSelection);
    queueView_->verticalHeader()->hide();
    queueView_->verticalHeader()->setDefaultSectionSize(20);
    queueView_->horizontalHeader()->setStretchLastSection(true);
    queueView_->setFocusPolicy(Qt::ClickFocus);
    for (int c = 0; c < CaseTableModel::ColumnCount; ++c)
        queueView_->setColumnHidden(
            c, c != CaseTableModel::TitleColumn && c != CaseTableModel::RunColumn &&
                   c != CaseTableModel::SeverityColumn && c != CaseTableModel::ReviewColumn);
    // The title names the case; it takes the room, the id stays in its tooltip.
    queueView_->horizontalHeader()->setStretchLastSection(false);
    queueView_->horizontalHeader()->setSectionResizeMode(CaseTableModel::TitleColumn,
                                                         QHeaderView::Stretch);
    queueView_->horizontalHeader()->setSectionResizeMode(CaseTableModel::RunColumn,
                                                         QHeaderView::Interactive);
    queueView_->setColumnWidth(CaseTableModel::RunColumn, 110);
    queueView_->setColumnWidth(CaseTableModel::SeverityColumn, 70);
    queueView_->setColumnWidth(CaseTableModel::ReviewColumn, 90);
    queueView_->setMinimumHeight(110);
    connect(queueView_, &QTableView::clicked, this,
            [this](const QModelIndex& index) { goTo(queueModel_->caseId(index.row())); });
    column->addWidget(queueView_, 2);

    nameBar_ = new ReviewerNameBar(this);
    connect(nameBar_, &ReviewerNameBar::changed, this, &ReviewPanel::setReviewer);
    column->addWidget(nameBar_);

    caseTitle_ = new QLabel(this);
    caseTitle_->setObjectName("reviewCaseTitle");
    caseTitle_->setWordWrap(true);
    caseTitle_->setTextFormat(Qt::PlainText);
    caseTitle_->setFont(bold);
    column->addWidget(caseTitle_);

    targets_ = new QTreeWidget(this);
    targets_->setObjectName(QLatin1String(kTargets));
    targets_->setColumnCount(4);
    targets_->setHeaderLabels({tr("#"), tr("Finding"), tr("Severity"), tr("Current verdict")});
    targets_->setRootIsDecorated(false);
    targets_->setUniformRowHeights(true);
    targets_->setAlternatingRowColors(true);
    targets_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    targets_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    targets_->header()->setStretchLastSection(true);
    targets_->setMinimumHeight(90);
    connect(targets_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            selectTarget(targets_->indexOfTopLevelItem(item));
    });
    column->addWidget(targets_, 2);

    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::PlainText);
    explanation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(explanation_);

    auto* verdictRow = new QHBoxLayout;
    for (const auto& [verdict, label] :
         {std::pair{"confirmed", tr("&Confirmed (1)")}, std::pair{"rejected", tr("&Rejected (2)")},
          std::pair{"unsure", tr("&Unsure (3)")}}) {
        auto* button = new QPushButton(label, this);
        button->setObjectName(QStringLiteral("verdict_%1").arg(QLatin1String(verdict)));
        button->setFocusPolicy(Qt::NoFocus);
        button->setStyleSheet(QStringLiteral("QPushButton { color: %1; font-weight: bold; }")
                                  .arg(verdictColor(qs(verdict)).name()));
        const QString v = QLatin1String(verdict);
        connect(button, &QPushButton::clicked, this, [this, v] { recordVerdict(v); });
        verdictRow->addWidget(button);
    }
    verdictRow->addSpacing(8);
    verdictRow->addWidget(new QLabel(tr("Severity:"), this));
    severity_ = new QComboBox(this);
    severity_->setObjectName(QLatin1String(kSeverity));
    for (Severity s : kAllSeverities)
        severity_->addItem(QLatin1String(severityName(s)), QLatin1String(severityName(s)));
    severity_->setFocusPolicy(Qt::ClickFocus);
    verdictRow->addWidget(severity_);
    column->addLayout(verdictRow);

    column->addWidget(keyHint(this));

    comment_ = new QPlainTextEdit(this);
    comment_->setObjectName(QLatin1String(kComment));
    comment_->setPlaceholderText(
        tr("Comment (C to write, Esc to leave; saved with the next verdict)"));
    comment_->setMaximumHeight(64);
    comment_->setTabChangesFocus(true);
    comment_->installEventFilter(this);
    column->addWidget(comment_);

    auto* historyTitle = new QLabel(tr("History of this target (newest first)"), this);
    historyTitle->setStyleSheet("color: #555;");
    column->addWidget(historyTitle);
    history_ = new QListWidget(this);
    history_->setObjectName(QLatin1String(kHistory));
    history_->setWordWrap(true);
    history_->setFocusPolicy(Qt::NoFocus);
    history_->setMinimumHeight(60);
    column->addWidget(history_, 1);

    buildActions();
    setReviewer({}, {});
    setCurrentCase(-1);
}

ReviewPanel::~ReviewPanel() {
    // The queue model reads through the store pointer; drop it before anything else goes.
    queueModel_->setStore(nullptr);
}

void ReviewPanel::buildActions() {
    auto add = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        actions_ << a;
        return a;
    };
    add(tr("Next case in the queue"), {QKeySequence(Qt::Key_J)}, [this] { nextCase(); });
    add(tr("Previous case in the queue"), {QKeySequence(Qt::Key_K)}, [this] { previousCase(); });
    add(tr("Next finding"), {QKeySequence(Qt::Key_BracketRight)}, [this] { nextTarget(); });
    add(tr("Previous finding"), {QKeySequence(Qt::Key_BracketLeft)}, [this] { previousTarget(); });
    add(tr("Verdict: confirmed"), {QKeySequence(Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_1)},
        [this] { recordVerdict("confirmed"); });
    add(tr("Verdict: rejected"), {QKeySequence(Qt::Key_2), QKeySequence(Qt::CTRL | Qt::Key_2)},
        [this] { recordVerdict("rejected"); });
    add(tr("Verdict: unsure"), {QKeySequence(Qt::Key_3), QKeySequence(Qt::CTRL | Qt::Key_3)},
        [this] { recordVerdict("unsure"); });
    for (Severity s : kAllSeverities) {
        const QString name = QLatin1String(severityName(s));
        add(tr("Severity: %1").arg(name),
            {QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + severityRank(s)))},
            [this, name] { setSeverity(name); });
    }
    add(tr("Write a comment"), {QKeySequence(Qt::Key_C)}, [this] { focusComment(); });
}

QString ReviewPanel::shortcutHelp() {
    return tr("J / K  next / previous case in the review queue\n"
              "] / [  next / previous finding (the whole case comes last)\n"
              "1 / 2 / 3  verdict confirmed / rejected / unsure (Ctrl+1/2/3 inside the comment)\n"
              "Alt+0 .. Alt+3  severity none / minor / major / critical\n"
              "C  write a comment; Esc leaves the comment box");
}

void ReviewPanel::setStore(ProjectStore* store) {
    store_ = store;
    queueModel_->setStore(store);
    queue_ = store ? std::make_unique<ReviewQueue>(*store, filter_, flaggedOnly_) : nullptr;
    caseId_ = -1;
    setCurrentCase(-1);
    // The list and progress count cases: a hidden panel leaves them until it is shown, as
    // on a filter change.
    listGate_->invalidate();
    if (queue_)
        listGate_->request();
    else
        updateProgress();
}

void ReviewPanel::setFilter(const CaseQuery& filter) {
    filter_ = filter;
    if (!queue_)
        return;
    // The queue itself (what J/K and the verdict keys walk) follows at once; its list and
    // progress count cases under the filter, which a hidden panel leaves until it is shown.
    queue_->setFilter(filter_, flaggedOnly_);
    listGate_->request();
}

void ReviewPanel::setDeferredWhileHidden(bool deferred) {
    listGate_->setDeferredWhileHidden(deferred);
}

void ReviewPanel::showQueue() {
    if (!queue_)
        return;
    queueModel_->setQuery(queue_->query());
    selectQueueRow();
    updateProgress();
    updateTitle();
}

void ReviewPanel::setFlaggedOnly(bool flaggedOnly) {
    flaggedOnly_ = flaggedOnly;
    {
        const QSignalBlocker block(flaggedBox_);
        flaggedBox_->setChecked(flaggedOnly);
    }
    setFilter(filter_);
}

void ReviewPanel::setReviewer(const QString& name, const QString& role) {
    if (reviewerFixed_)
        return;
    reviewer_ = name.trimmed();
    role_ = role.trimmed();
    nameBar_->setReviewer(reviewer_, role_);
    emit reviewerChanged(reviewer_, role_);
}

void ReviewPanel::setReviewerFixed(const QString& name, const QString& role, const QString& why) {
    reviewerFixed_ = false;
    setReviewer(name, role);
    reviewerFixed_ = true;
    nameBar_->setFixed(why);
}

int ReviewPanel::targetCount() const {
    return case_ ? int(case_->findingIds.size()) + 1 : 0;
}

QString ReviewPanel::progressText() const {
    return progressLabel_->text();
}

void ReviewPanel::updateProgress() {
    if (!queue_) {
        progressLabel_->setText(tr("No project"));
        progressBar_->setRange(0, 1);
        progressBar_->setValue(0);
        return;
    }
    try {
        const std::int64_t total = queue_->size();
        const std::int64_t done = queue_->reviewedCount();
        progressLabel_->setText(tr("%1 of %2 reviewed").arg(done).arg(total));
        progressBar_->setRange(0, int(std::max<std::int64_t>(total, 1)));
        progressBar_->setValue(int(done));
    } catch (const std::exception& e) {
        progressLabel_->setText(tr("Queue unavailable"));
        emit failed(QString::fromUtf8(e.what()));
    }
}

void ReviewPanel::selectQueueRow() {
    const int row = caseId_ >= 0 ? queueModel_->rowOfCase(caseId_) : -1;
    const QSignalBlocker block(queueView_->selectionModel());
    if (row >= 0) {
        queueView_->selectRow(row);
        queueView_->scrollTo(queueModel_->index(row, 0));
    } else {
        queueView_->clearSelection();
    }
}

void ReviewPanel::setCurrentCase(qint64 caseId) {
    if (caseId == caseId_ && caseId >= 0)
        return;
    caseId_ = caseId;
    comment_->clear();
    loadCase();
    target_ = targetCount() > 0 ? 0 : -1;
    // Start at the first finding without a verdict (or the case when all have one).
    if (case_) {
        target_ = int(case_->findingIds.size());
        for (std::size_t i = 0; i < state_.findingVerdicts.size(); ++i)
            if (!state_.findingVerdicts[i]) {
                target_ = int(i);
                break;
            }
    }
    fillTargets();
    showTarget();
    selectQueueRow();
}

void ReviewPanel::loadCase() {
    case_.reset();
    result_ = {};
    state_ = {};
    if (!store_ || caseId_ < 0)
        return;
    try {
        case_ = store_->loadCase(std::int64_t(caseId_));
        if (case_) {
            result_ = decodeCaseResult(case_->analysis);
            state_ =
                caseReviewState(store_->reviews(case_->id), case_->findingIds, result_.findings);
        }
    } catch (const std::exception& e) {
        case_.reset();
        emit failed(QString::fromUtf8(e.what()));
    }
}

// The case and its place in the queue, which moves whenever the filter does.
void ReviewPanel::updateTitle() {
    if (!case_) {
        caseTitle_->setText(store_ ? tr("No case selected") : QString());
        return;
    }
    QString position;
    if (queue_) {
        try {
            const std::int64_t i = queue_->indexOf(case_->id);
            position = i >= 0 ? tr("case %1 of %2 in the queue").arg(i + 1).arg(queue_->size())
                              : tr("not in the review queue");
        } catch (const std::exception&) {
        }
    }
    const QString title = qs(caseTitle(case_->data.question));
    caseTitle_->setText(QStringLiteral("%1\n%2 \u2014 %3 \u2014 %4")
                            .arg(title.isEmpty() ? tr("(no question text)") : title,
                                 qs(case_->data.key), qs(case_->data.run), position));
}

void ReviewPanel::fillTargets() {
    const QSignalBlocker block(targets_);
    targets_->clear();
    if (!case_) {
        caseTitle_->setText(store_ ? tr("No case selected") : QString());
        return;
    }
    updateTitle();
    auto verdictText = [](const std::optional<ProjectStore::Review>& v) {
        if (!v)
            return tr("\u2014");
        return QStringLiteral("%1%2 \u00b7 %3 %4")
            .arg(qs(v->verdict),
                 v->severity.empty() ? QString() : QStringLiteral(", ") + qs(v->severity),
                 qs(v->reviewer), shortTime(v->timestamp));
    };
    for (std::size_t i = 0; i < case_->findingIds.size(); ++i) {
        const CaseResult::Finding* f = result_.finding(int(i));
        auto* item = new QTreeWidgetItem(targets_);
        item->setText(0, QString::number(i + 1));
        item->setText(1, QStringLiteral("%1 / %2").arg(f ? QLatin1String(CaseResult::typeName(*f))
                                                         : QString(),
                                                       f ? qs(f->subtype) : QString()));
        item->setForeground(1, findingTypeColor(f ? f->type : std::nullopt));
        if (f)
            item->setToolTip(1, qs(wordFinding(result_, *f).text()));
        item->setText(2, f && f->severity ? QLatin1String(severityName(*f->severity)) : QString());
        const auto& v = state_.findingVerdicts[i];
        item->setText(3, verdictText(v));
        if (v)
            item->setForeground(3, verdictColor(qs(v->verdict)));
    }
    auto* whole = new QTreeWidgetItem(targets_);
    whole->setText(0, QStringLiteral("\u2211"));
    whole->setText(1, tr("Whole case (sign-off)"));
    QFont font = whole->font(1);
    font.setBold(true);
    whole->setFont(1, font);
    whole->setText(3, verdictText(state_.caseVerdict));
    if (state_.caseVerdict)
        whole->setForeground(3, verdictColor(qs(state_.caseVerdict->verdict)));
}

void ReviewPanel::showTarget() {
    history_->clear();
    const bool any = case_ && target_ >= 0;
    for (QPushButton* b : findChildren<QPushButton*>())
        b->setEnabled(any);
    severity_->setEnabled(any);
    comment_->setEnabled(any);
    if (!any) {
        explanation_->setText(store_ ? tr("Choose a case in the queue or the table.") : QString());
        return;
    }
    {
        const QSignalBlocker block(targets_);
        targets_->setCurrentItem(targets_->topLevelItem(target_));
    }
    const int nFindings = int(case_->findingIds.size());
    std::string defaultSeverity;
    const std::vector<ProjectStore::Review>* history = nullptr;
    std::optional<ProjectStore::Review> current;
    if (target_ < nFindings) {
        const CaseResult::Finding* f = result_.finding(target_);
        // The clinical sentence first; the KG detail it rests on after it.
        const FindingWording w = f ? wordFinding(result_, *f) : FindingWording{};
        QString text = tr("Finding %1 of %2: %3")
                           .arg(target_ + 1)
                           .arg(nFindings)
                           .arg(qs(w.summary.empty() ? w.detail : w.summary));
        if (!w.summary.empty() && !w.detail.empty())
            text += QStringLiteral("\n") + tr("KG detail: %1").arg(qs(w.detail));
        explanation_->setText(text);
        defaultSeverity = severityName(f && f->severity ? *f->severity : Severity::Minor);
        history = &state_.findingHistory[std::size_t(target_)];
        current = state_.findingVerdicts[std::size_t(target_)];
    } else {
        explanation_->setText(nFindings ? tr("The case as a whole: sign off after the findings.")
                                        : tr("The case as a whole (no findings)."));
        // The worst finding's severity is the natural default for the case.
        Severity worst = Severity::None;
        for (const CaseResult::Finding& f : result_.findings)
            if (f.readable && f.severity && severityRank(*f.severity) > severityRank(worst))
                worst = *f.severity;
        defaultSeverity = severityName(worst);
        history = &state_.caseHistory;
        current = state_.caseVerdict;
    }
    setSeverity(qs(current && !current->severity.empty() ? current->severity : defaultSeverity));
    for (auto it = history->rbegin(); it != history->rend(); ++it) {
        auto* item = new QListWidgetItem(describe(*it), history_);
        item->setForeground(verdictColor(qs(it->verdict)));
    }
    if (!state_.orphaned.empty() && target_ == nFindings)
        for (const auto& r : state_.orphaned)
            new QListWidgetItem(tr("(on a finding a later analysis no longer has: %1) %2")
                                    .arg(qs(r.findingSignature), describe(r)),
                                history_);
}

void ReviewPanel::selectTarget(int target) {
    if (!case_ || target < 0 || target >= targetCount())
        return;
    target_ = target;
    showTarget();
}

void ReviewPanel::nextTarget() {
    selectTarget(std::min(target_ + 1, targetCount() - 1));
}

void ReviewPanel::previousTarget() {
    selectTarget(std::max(target_ - 1, 0));
}

void ReviewPanel::setSeverity(const QString& severity) {
    const int i = severity_->findData(severity);
    if (i >= 0)
        severity_->setCurrentIndex(i);
}

void ReviewPanel::focusComment() {
    if (comment_->isEnabled()) {
        comment_->setFocus();
        comment_->moveCursor(QTextCursor::End);
    }
}

bool ReviewPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == comment_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        targets_->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool ReviewPanel::startReviewing() {
    if (!queue_)
        return false;
    try {
        std::int64_t first = queue_->nextUnreviewed(0);
        if (first < 0) // every case has its verdict: start over at the top
            first = queue_->next(-1);
        if (first >= 0)
            goTo(first);
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
        return false;
    }
    targets_->setFocus(Qt::ShortcutFocusReason);
    return caseId_ >= 0;
}

QWidget* ReviewPanel::keyHome() const {
    return targets_;
}

void ReviewPanel::askForReviewer() {
    nameBar_->askForName(tr("Who is reviewing?"));
}

void ReviewPanel::goTo(qint64 caseId) {
    if (caseId < 0)
        return;
    setCurrentCase(caseId);
    emit caseActivated(caseId);
}

void ReviewPanel::nextCase() {
    if (!queue_)
        return;
    try {
        goTo(queue_->next(caseId_));
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
}

void ReviewPanel::previousCase() {
    if (!queue_)
        return;
    try {
        goTo(queue_->previous(caseId_));
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
}

bool ReviewPanel::recordVerdict(const QString& verdict) {
    if (!store_ || !case_ || target_ < 0)
        return false;
    if (reviewer_.isEmpty())
        emit reviewerRequested();
    if (reviewer_.isEmpty()) {
        nameBar_->askForName(tr("Not recorded: a verdict needs your name."));
        emit failed(tr("Not recorded: a verdict needs a reviewer name."));
        return false;
    }
    const int nFindings = int(case_->findingIds.size());
    const bool onCase = target_ >= nFindings;
    ProjectStore::Review r;
    r.caseId = case_->id;
    if (!onCase)
        r.findingId = case_->findingIds[std::size_t(target_)];
    r.reviewer = reviewer_.toStdString();
    r.role = role_.toStdString();
    r.verdict = verdict.toStdString();
    r.severity = severity_->currentData().toString().toStdString();
    r.comment = comment_->toPlainText().trimmed().toStdString();
    const qint64 caseId = case_->id;
    try {
        store_->addReview(r);
    } catch (const std::exception& e) {
        // Nothing was written; the comment stays for another try.
        emit failed(tr("Verdict not recorded: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    comment_->clear();
    // Back to the targets, so the next verdict key is a key again, not comment text.
    if (comment_->hasFocus())
        targets_->setFocus();
    const int target = target_;
    // Re-read: another reviewer may have written too, and the history shows the new row.
    loadCase();
    fillTargets();
    queueModel_->refresh();
    selectQueueRow();
    updateProgress();
    emit reviewRecorded(caseId);
    if (onCase) {
        nextCase();
        if (caseId_ == caseId) // the last case: stay and show the verdict
            showTarget();
    } else {
        target_ = std::min(target + 1, targetCount() - 1);
        showTarget();
    }
    return true;
}

void ReviewPanel::refresh() {
    if (!store_)
        return;
    const int target = target_;
    queueModel_->refresh();
    loadCase();
    fillTargets();
    target_ = case_ ? std::clamp(target, 0, targetCount() - 1) : -1;
    // Keep what the reviewer is typing: refresh only the lists.
    const QString typed = comment_->toPlainText();
    showTarget();
    if (comment_->toPlainText() != typed)
        comment_->setPlainText(typed);
    selectQueueRow();
    updateProgress();
}

} // namespace rs
