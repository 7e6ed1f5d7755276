#include "KgExplorer.h"

#include "PathScene.h"

#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

namespace rs {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

// A small swatch of the kind's colour, as the path view draws the kind.
QIcon kindIcon(const QString& kind, QHash<QString, QIcon>& cache) {
    auto it = cache.find(kind);
    if (it == cache.end()) {
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = PathScene::kindColor(kind);
        p.setPen(c.darker(150));
        p.setBrush(c);
        p.drawRoundedRect(QRectF(1.5, 1.5, 9, 9), 2, 2);
        p.end();
        it = cache.insert(kind, QIcon(pm));
    }
    return *it;
}

QString groupLabel(const QString& relation, bool outgoing) {
    return outgoing ? relation + QStringLiteral(" →") : QStringLiteral("← ") + relation;
}

} // namespace

KgExplorer::KgExplorer(QWidget* parent) : QWidget(parent) {
    stack_ = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    // Page 0: no graph.
    auto* emptyPage = new QWidget(stack_);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyMessage_ = new QLabel(tr("No knowledge graph loaded"), emptyPage);
    emptyMessage_->setObjectName(QLatin1String(kEmptyMessage));
    emptyMessage_->setAlignment(Qt::AlignCenter);
    QFont big = emptyMessage_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    emptyMessage_->setFont(big);
    emptyLayout->addWidget(emptyMessage_);
    loadButton_ = new QPushButton(tr("Load…"), emptyPage);
    loadButton_->setObjectName(QLatin1String(kLoadButton));
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(loadButton_);
    buttonRow->addStretch(1);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(1);
    connect(loadButton_, &QPushButton::clicked, this, &KgExplorer::loadRequested);
    stack_->addWidget(emptyPage);

    // Page 1: the explorer.
    auto* page = new QWidget(stack_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto* bar = new QHBoxLayout;
    backButton_ = new QToolButton(page);
    backButton_->setObjectName(QLatin1String(kBackButton));
    backButton_->setArrowType(Qt::LeftArrow);
    backButton_->setToolTip(tr("Back (Alt+Left)"));
    backButton_->setShortcut(QKeySequence::Back);
    forwardButton_ = new QToolButton(page);
    forwardButton_->setObjectName(QLatin1String(kForwardButton));
    forwardButton_->setArrowType(Qt::RightArrow);
    forwardButton_->setToolTip(tr("Forward (Alt+Right)"));
    forwardButton_->setShortcut(QKeySequence::Forward);
    connect(backButton_, &QToolButton::clicked, this, &KgExplorer::back);
    connect(forwardButton_, &QToolButton::clicked, this, &KgExplorer::forward);
    search_ = new QLineEdit(page);
    search_->setObjectName(QLatin1String(kSearchField));
    search_->setPlaceholderText(tr("Search a concept…"));
    search_->setClearButtonEnabled(true);
    search_->installEventFilter(this);
    completionModel_ = new QStringListModel(this);
    completer_ = new QCompleter(completionModel_, this);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setFilterMode(Qt::MatchContains);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setMaxVisibleItems(15);
    search_->setCompleter(completer_);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& text) { showConcept(text); });
    connect(search_, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (completionsBuilt_)
            return;
        ensureCompletions();
        completer_->setCompletionPrefix(text);
        if (!text.isEmpty())
            completer_->complete();
    });
    connect(search_, &QLineEdit::returnPressed, this, &KgExplorer::submitSearch);
    bar->addWidget(backButton_);
    bar->addWidget(forwardButton_);
    bar->addWidget(search_, 1);
    layout->addLayout(bar);

    header_ = new QLabel(page);
    header_->setObjectName(QLatin1String(kHeader));
    header_->setTextFormat(Qt::RichText);
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    header_->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(header_);

    auto* split = new QSplitter(Qt::Horizontal, page);
    neighbours_ = new QTreeWidget(split);
    neighbours_->setObjectName(QLatin1String(kNeighbourTree));
    neighbours_->setColumnCount(2);
    neighbours_->setHeaderLabels({tr("Relation / neighbour"), tr("Kind")});
    neighbours_->setUniformRowHeights(true);
    neighbours_->setAlternatingRowColors(true);
    neighbours_->header()->setStretchLastSection(false);
    neighbours_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    neighbours_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(neighbours_, &QTreeWidget::itemExpanded, this, &KgExplorer::populateGroup);
    // Activation is a double-click (or Enter) under the default style hints.
    connect(neighbours_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { activateNeighbour(item); });

    auto* casesPanel = new QWidget(split);
    auto* casesLayout = new QVBoxLayout(casesPanel);
    casesLayout->setContentsMargins(0, 0, 0, 0);
    casesLayout->setSpacing(4);
    casesTitle_ = new QLabel(casesPanel);
    casesTitle_->setObjectName(QLatin1String(kCasesTitle));
    casesTitle_->setWordWrap(true);
    casesTitle_->setContentsMargins(2, 4, 2, 0);
    QFont bold = casesTitle_->font();
    bold.setBold(true);
    casesTitle_->setFont(bold);
    cases_ = new QListWidget(casesPanel);
    cases_->setObjectName(QLatin1String(kCaseList));
    cases_->setUniformItemSizes(true);
    connect(cases_, &QListWidget::itemActivated, this, &KgExplorer::activateCase);
    casesLayout->addWidget(casesTitle_);
    casesLayout->addWidget(cases_, 1);

    split->addWidget(neighbours_);
    split->addWidget(casesPanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    stack_->addWidget(page);

    setGraph(nullptr);
}

KgExplorer::~KgExplorer() = default;

void KgExplorer::setGraph(std::shared_ptr<const KnowledgeGraph> graph) {
    graph_ = std::move(graph);
    history_.clear();
    historyPos_ = -1;
    completionsBuilt_ = false;
    completionModel_->setStringList({});
    search_->clear();
    stack_->setCurrentIndex(graph_ ? 1 : 0);
    clearConcept();
}

void KgExplorer::setStore(const ProjectStore* store) {
    store_ = store;
    fillCases();
}

std::optional<NodeId> KgExplorer::currentNode() const {
    if (historyPos_ < 0 || historyPos_ >= int(history_.size()))
        return std::nullopt;
    return history_[std::size_t(historyPos_)];
}

QString KgExplorer::currentConcept() const {
    const auto n = currentNode();
    return n && graph_ ? qs(graph_->name(*n)) : QString();
}

bool KgExplorer::isShowingEmptyState() const {
    return stack_->currentIndex() == 0;
}

std::optional<NodeId> KgExplorer::resolve(const QString& text) const {
    if (!graph_)
        return std::nullopt;
    const KnowledgeGraph& g = *graph_;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const QByteArray utf8 = trimmed.toUtf8();
    const std::string_view want(utf8.constData(), std::size_t(utf8.size()));
    const auto n = NodeId(g.nodeCount());
    for (NodeId i = 0; i < n; ++i)
        if (g.name(i) == want)
            return i;
    // "name [key]", as the completion list spells nodes that share a name.
    if (want.size() > 3 && want.back() == ']') {
        if (const auto open = want.rfind(" ["); open != std::string_view::npos) {
            const std::string_view key = want.substr(open + 2, want.size() - open - 3);
            const std::string_view name = want.substr(0, open);
            if (auto k = g.findByKey(key); k && g.name(*k) == name)
                return k;
        }
    }
    if (auto k = g.findByKey(want))
        return k;
    for (NodeId i = 0; i < n; ++i)
        for (const std::string& alias : g.aliases(i))
            if (alias == want)
                return i;
    for (NodeId i = 0; i < n; ++i)
        if (equalsIgnoringAsciiCase(g.name(i), want))
            return i;
    return std::nullopt;
}

void KgExplorer::ensureCompletions() {
    if (completionsBuilt_ || !graph_)
        return;
    const KnowledgeGraph& g = *graph_;
    const auto n = NodeId(g.nodeCount());
    std::unordered_map<std::string_view, int> uses;
    uses.reserve(n);
    for (NodeId i = 0; i < n; ++i)
        ++uses[g.name(i)];
    QStringList names;
    names.reserve(qsizetype(n));
    for (NodeId i = 0; i < n; ++i) {
        QString name = qs(g.name(i));
        if (uses[g.name(i)] > 1)
            name += QStringLiteral(" [") + qs(g.key(i)) + QLatin1Char(']');
        names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    completionModel_->setStringList(names);
    completionsBuilt_ = true;
}

bool KgExplorer::showConcept(const QString& name) {
    const auto node = resolve(name);
    if (!node) {
        if (graph_) {
            header_->setText(
                tr("<i>“%1” is not in the knowledge graph.</i>").arg(name.toHtmlEscaped()));
        }
        return false;
    }
    navigate(*node);
    return true;
}

void KgExplorer::showNode(NodeId node) {
    if (graph_ && node < graph_->nodeCount())
        navigate(node);
}

void KgExplorer::navigate(NodeId node) {
    if (const auto cur = currentNode(); cur && *cur == node) {
        display(node); // e.g. the search field was edited: restore it
        return;
    }
    history_.resize(std::size_t(historyPos_ + 1)); // drops the forward part
    history_.push_back(node);
    historyPos_ = int(history_.size()) - 1;
    display(node);
}

void KgExplorer::back() {
    if (!canGoBack())
        return;
    --historyPos_;
    display(history_[std::size_t(historyPos_)]);
}

void KgExplorer::forward() {
    if (!canGoForward())
        return;
    ++historyPos_;
    display(history_[std::size_t(historyPos_)]);
}

void KgExplorer::display(NodeId node) {
    const QString name = qs(graph_->name(node));
    search_->setText(name);
    fillHeader(node);
    fillNeighbours(node);
    fillCases();
    updateNavButtons();
    emit conceptShown(name);
}

void KgExplorer::clearConcept(const QString& note) {
    groups_.clear();
    neighbours_->clear();
    header_->setText(note.isEmpty() && graph_
                         ? tr("<i>Search a concept above, or click a node in a reasoning path.</i>")
                         : note);
    fillCases();
    updateNavButtons();
}

void KgExplorer::updateNavButtons() {
    backButton_->setEnabled(canGoBack());
    forwardButton_->setEnabled(canGoForward());
}

void KgExplorer::fillHeader(NodeId node) {
    const KnowledgeGraph& g = *graph_;
    const QString kind = qs(g.kind(node));
    const QColor colour = PathScene::kindColor(kind);
    QString html = QStringLiteral("<div style='font-size:x-large; font-weight:600'>%1</div>")
                       .arg(qs(g.name(node)).toHtmlEscaped());
    html += QStringLiteral("<div style='margin-top:3px'>"
                           "<span style='background-color:%1; color:#1a1a1a'>&nbsp;%2&nbsp;</span>"
                           "&nbsp;&nbsp;<span style='color:#5a5a5a'>%3</span>&nbsp;&nbsp;"
                           "%4</div>")
                .arg(colour.name(), kind.toHtmlEscaped(),
                     tr("key %1").arg(qs(g.key(node)).toHtmlEscaped()),
                     tr("degree <b>%1</b> (%2 out, %3 in)")
                         .arg(g.degree(node))
                         .arg(g.out(node).size())
                         .arg(g.in(node).size()));
    const auto aliases = g.aliases(node);
    if (!aliases.empty()) {
        constexpr std::size_t kShown = 8;
        QStringList shown;
        for (std::size_t i = 0; i < aliases.size() && i < kShown; ++i)
            shown << qs(aliases[i]).toHtmlEscaped();
        QString text = shown.join(QStringLiteral(", "));
        if (aliases.size() > kShown)
            text += tr(", and %1 more").arg(aliases.size() - kShown);
        html += QStringLiteral("<div style='margin-top:3px'>") + tr("Also known as: %1").arg(text) +
                QStringLiteral("</div>");
    }
    header_->setText(html);
}

void KgExplorer::fillNeighbours(NodeId node) {
    const KnowledgeGraph& g = *graph_;
    neighbours_->clear();
    groups_.clear();
    std::map<std::pair<RelationId, bool>, std::vector<NodeId>> byRelation;
    for (const KgEdge& e : g.out(node))
        byRelation[{e.relation, true}].push_back(e.node);
    for (const KgEdge& e : g.in(node))
        byRelation[{e.relation, false}].push_back(e.node);
    for (auto& [key, nodes] : byRelation)
        groups_.push_back({key.first, key.second, std::move(nodes)});
    // Largest groups first; equal ones by relation name, out-edges before in-edges.
    std::sort(groups_.begin(), groups_.end(), [&](const Group& a, const Group& b) {
        if (a.nodes.size() != b.nodes.size())
            return a.nodes.size() > b.nodes.size();
        if (a.relation != b.relation)
            return g.relationName(a.relation) < g.relationName(b.relation);
        return a.outgoing && !b.outgoing;
    });

    QList<QTreeWidgetItem*> items;
    for (Group& grp : groups_) {
        std::sort(grp.nodes.begin(), grp.nodes.end(), [&](NodeId a, NodeId b) {
            const int c = qs(g.name(a)).compare(qs(g.name(b)), Qt::CaseInsensitive);
            return c != 0 ? c < 0 : a < b;
        });
        std::map<std::string_view, int> kinds;
        for (NodeId n : grp.nodes)
            ++kinds[g.kind(n)];
        QStringList kindNames;
        for (const auto& [k, count] : kinds)
            kindNames << qs(k);
        const QString relation = qs(g.relationName(grp.relation));
        auto* item = new QTreeWidgetItem;
        item->setText(0, QStringLiteral("%1  (%2)")
                             .arg(groupLabel(relation, grp.outgoing))
                             .arg(grp.nodes.size()));
        item->setText(1, kindNames.size() <= 2 ? kindNames.join(QStringLiteral(", "))
                                               : tr("%1 kinds").arg(kindNames.size()));
        item->setData(0, CountRole, qlonglong(grp.nodes.size()));
        item->setData(0, RelationRole, relation);
        item->setData(0, OutgoingRole, grp.outgoing);
        item->setToolTip(0, grp.outgoing ? tr("%1 %2 these").arg(qs(g.name(node)), relation)
                                         : tr("these %1 %2").arg(relation, qs(g.name(node))));
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setFlags(Qt::ItemIsEnabled);
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
        items << item;
    }
    neighbours_->addTopLevelItems(items);
    if (groups_.empty()) {
        auto* none = new QTreeWidgetItem(neighbours_, {tr("No neighbours")});
        none->setFlags(Qt::NoItemFlags);
    }
}

void KgExplorer::populateGroup(QTreeWidgetItem* item) {
    if (!item || item->parent() || item->childCount() > 0 || !graph_)
        return;
    const int index = neighbours_->indexOfTopLevelItem(item);
    if (index < 0 || std::size_t(index) >= groups_.size())
        return;
    const KnowledgeGraph& g = *graph_;
    const Group& grp = groups_[std::size_t(index)];
    QList<QTreeWidgetItem*> children;
    QHash<QString, QIcon> icons;
    const std::size_t shown = std::min<std::size_t>(grp.nodes.size(), kMaxNeighboursShown);
    for (std::size_t i = 0; i < shown; ++i) {
        const NodeId n = grp.nodes[i];
        const QString kind = qs(g.kind(n));
        auto* child = new QTreeWidgetItem({qs(g.name(n)), kind});
        child->setData(0, NodeRole, uint(n));
        child->setIcon(1, kindIcon(kind, icons));
        child->setToolTip(0, tr("%1 — double-click to open").arg(qs(g.key(n))));
        children << child;
    }
    if (grp.nodes.size() > shown) {
        auto* more = new QTreeWidgetItem({tr("… %1 more").arg(grp.nodes.size() - shown)});
        more->setFlags(Qt::ItemIsEnabled);
        QFont f = more->font(0);
        f.setItalic(true);
        more->setFont(0, f);
        children << more;
    }
    item->addChildren(children);
}

void KgExplorer::activateNeighbour(QTreeWidgetItem* item) {
    if (!item || !item->parent())
        return;
    const QVariant v = item->data(0, NodeRole);
    if (!v.isValid())
        return; // the "N more" line
    // Later: navigating rebuilds the tree, which must not happen inside its own signal.
    const NodeId node = NodeId(v.toUInt());
    QTimer::singleShot(0, this, [this, node] { showNode(node); });
}

void KgExplorer::fillCases() {
    cases_->clear();
    const auto node = currentNode();
    if (!store_) {
        casesTitle_->setText(tr("Cases mentioning this concept: no project open"));
        cases_->setEnabled(false);
        return;
    }
    cases_->setEnabled(true);
    if (!node || !graph_) {
        casesTitle_->setText(tr("Cases mentioning this concept"));
        return;
    }
    try {
        const std::string name(graph_->name(*node));
        const std::int64_t total = store_->countCasesMentioning(name);
        const std::vector<std::int64_t> ids = store_->casesMentioning(name, kMaxCasesShown);
        QString title = tr("Cases mentioning this concept: %1").arg(total);
        if (total > std::int64_t(ids.size()))
            title += tr(" (first %1 shown)").arg(ids.size());
        casesTitle_->setText(title);
        if (ids.empty())
            return;
        CaseQuery q;
        q.caseIds = ids;
        for (const CaseRow& row : store_->caseRows(q, 0, 0)) {
            QString text = QString::fromStdString(row.key);
            if (!row.run.empty())
                text += QStringLiteral("  ·  ") + QString::fromStdString(row.run);
            if (row.correct)
                text += *row.correct ? tr("  ·  correct") : tr("  ·  incorrect");
            auto* item = new QListWidgetItem(text, cases_);
            item->setData(CaseIdRole, qint64(row.id));
            item->setToolTip(QString::fromStdString(row.questionPreview));
        }
    } catch (const std::exception& e) {
        casesTitle_->setText(tr("Cases mentioning this concept: unavailable (%1)")
                                 .arg(QString::fromLocal8Bit(e.what())));
    }
}

void KgExplorer::refreshCases() {
    fillCases();
}

void KgExplorer::activateCase(QListWidgetItem* item) {
    if (!item)
        return;
    const QVariant v = item->data(CaseIdRole);
    if (v.isValid())
        emit caseActivated(v.toLongLong());
}

void KgExplorer::submitSearch() {
    const QString text = search_->text();
    if (text.trimmed().isEmpty())
        return;
    if (resolve(text)) {
        showConcept(text);
        return;
    }
    // Not a name: the first completion that contains it.
    ensureCompletions();
    completer_->setCompletionPrefix(text);
    if (completer_->completionCount() > 0) {
        completer_->setCurrentRow(0);
        showConcept(completer_->currentCompletion());
    } else {
        showConcept(text); // shows "not in the knowledge graph"
    }
}

bool KgExplorer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == search_ && event->type() == QEvent::FocusIn)
        ensureCompletions();
    return QWidget::eventFilter(watched, event);
}

} // namespace rs
