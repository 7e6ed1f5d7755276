// KgExplorer over a small hand-built graph: the header and relation groups of a concept
// (counts, directions, the 200 cap), navigation by double-click with back/forward, the
// lazily built substring completion, the cases-mentioning list from a real project file,
// and the empty state.
#include "KgExplorer.h"
#include "ProjectStore.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace rs;
using nlohmann::json;

namespace {

constexpr int kGenes = 205;

struct Fixture {
    std::shared_ptr<const KnowledgeGraph> graph;
    NodeId mi = kNoNode, aspirin = kNoNode, clopidogrel = kNoNode, ffar2a = kNoNode,
           ffar2b = kNoNode;
};

Fixture makeGraph() {
    Fixture f;
    KnowledgeGraphBuilder b;
    b.beginSource();
    f.mi = b.addNode("DOID:5844", "myocardial infarction", "Disease");
    b.addAlias(f.mi, "heart attack");
    f.aspirin = b.addNode("DB00945", "Acetylsalicylic acid", "Compound");
    f.clopidogrel = b.addNode("DB00758", "Clopidogrel", "Compound");
    const NodeId pain = b.addNode("S:1", "Chest Pain", "Symptom");
    const NodeId dyspnea = b.addNode("S:2", "Dyspnea", "Symptom");
    const NodeId heart = b.addNode("A:1", "heart", "Anatomy");
    b.addEdge(f.aspirin, "treats", f.mi);
    b.addEdge(f.clopidogrel, "treats", f.mi);
    b.addEdge(f.mi, "presents", pain);
    b.addEdge(f.mi, "presents", dyspnea);
    b.addEdge(f.mi, "localizes", heart);
    for (int i = 0; i < kGenes; ++i) {
        const QString n = QStringLiteral("GENE%1").arg(i, 3, 10, QLatin1Char('0'));
        b.addEdge(f.mi, "associates", b.addNode(("G:" + n).toStdString(), n.toStdString(), "Gene"));
    }
    // One source's distinct ids stay distinct nodes even when their names agree.
    f.ffar2a = b.addNode("G:FFAR2a", "FFAR2", "Gene");
    f.ffar2b = b.addNode("G:FFAR2b", "FFAR2", "Gene");
    f.graph = std::make_shared<const KnowledgeGraph>(b.build());
    return f;
}

QTreeWidgetItem* group(QTreeWidget* tree, const QString& relation, bool outgoing) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = tree->topLevelItem(i);
        if (it->data(0, KgExplorer::RelationRole).toString() == relation &&
            it->data(0, KgExplorer::OutgoingRole).toBool() == outgoing)
            return it;
    }
    return nullptr;
}

// QTest::mouseDClick alone sends no press that item views would pair the double-click with.
void doubleClick(QWidget* w, const QPoint& at) {
    QTest::mouseClick(w, Qt::LeftButton, {}, at);
    QTest::mouseDClick(w, Qt::LeftButton, {}, at);
}

class TestKgExplorer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void headerAndGroups();
    void groupsCapNeighbours();
    void doubleClickNavigatesWithHistory();
    void unknownConceptChangesNothing();
    void completionBySubstring();
    void sharedNamesStayReachable();
    void casesMentioning();
    void emptyStateAndLoadRequested();

private:
    Fixture f_;
    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t caseA_ = 0, caseB_ = 0;
};

void TestKgExplorer::initTestCase() {
    f_ = makeGraph();
    QVERIFY(dir_.isValid());
    std::string error;
    store_ = ProjectStore::open(dir_.filePath("k.rsproj").toStdString(), &error);
    QVERIFY2(store_, error.c_str());
    const auto run = store_->ensureRun("run-a", "m", "a.jsonl", "1");
    auto add = [&](const std::string& key, json analysis) {
        Case c;
        c.key = key;
        c.question = "question " + key;
        const auto id = store_->addCase(c, run);
        analysis["id"] = key;
        store_->saveAnalysis(id, analysis);
        return id;
    };
    caseA_ = add("case-a", {{"mentions",
                             {{{"span", {0, 5}},
                               {"node", "myocardial infarction"},
                               {"score", 1.0},
                               {"matched", "MI"}}}}});
    caseB_ = add("case-b", {{"anchors", {{"evidence", {"myocardial infarction"}}}}});
    add("case-c", {{"reasoning_path", {{{"name", "Clopidogrel"}, {"step", 0}}}}});
}

void TestKgExplorer::headerAndGroups() {
    KgExplorer e;
    e.setGraph(f_.graph);
    QVERIFY(!e.isShowingEmptyState());
    QVERIFY(e.showConcept("myocardial infarction"));
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.mi));
    const QString header = e.findChild<QLabel*>(KgExplorer::kHeader)->text();
    for (const char* part : {"myocardial infarction", "Disease", "DOID:5844", "heart attack"})
        QVERIFY2(header.contains(QLatin1String(part)), qPrintable(header));
    const int degree = 2 + 2 + 1 + kGenes;
    QVERIFY2(
        header.contains(QStringLiteral("<b>%1</b> (%2 out, 2 in)").arg(degree).arg(degree - 2)),
        qPrintable(header));

    auto* tree = e.findChild<QTreeWidget*>(KgExplorer::kNeighbourTree);
    QCOMPARE(tree->topLevelItemCount(), 4);
    struct Expect {
        const char* relation;
        bool outgoing;
        int count;
        const char* label;
    };
    // Largest first; equal sizes by relation name.
    const Expect expected[] = {{"associates", true, kGenes, "associates →  (205)"},
                               {"presents", true, 2, "presents →  (2)"},
                               {"treats", false, 2, "← treats  (2)"},
                               {"localizes", true, 1, "localizes →  (1)"}};
    for (int i = 0; i < 4; ++i) {
        QTreeWidgetItem* it = tree->topLevelItem(i);
        QCOMPARE(it->data(0, KgExplorer::RelationRole).toString(),
                 QLatin1String(expected[i].relation));
        QCOMPARE(it->data(0, KgExplorer::OutgoingRole).toBool(), expected[i].outgoing);
        QCOMPARE(it->data(0, KgExplorer::CountRole).toInt(), expected[i].count);
        QCOMPARE(it->text(0), QString::fromUtf8(expected[i].label));
    }
    QTreeWidgetItem* treats = group(tree, "treats", false);
    QCOMPARE(treats->childCount(), 0); // filled on expansion
    treats->setExpanded(true);
    QCOMPARE(treats->childCount(), 2);
    QCOMPARE(treats->child(0)->text(0), QStringLiteral("Acetylsalicylic acid"));
    QCOMPARE(treats->child(0)->text(1), QStringLiteral("Compound"));
    QCOMPARE(treats->child(1)->text(0), QStringLiteral("Clopidogrel"));
    QCOMPARE(treats->child(1)->data(0, KgExplorer::NodeRole).toUInt(), uint(f_.clopidogrel));

    // The other end sees the edge as outgoing.
    QVERIFY(e.showConcept("Clopidogrel"));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("treats →  (1)"));
}

void TestKgExplorer::groupsCapNeighbours() {
    KgExplorer e;
    e.setGraph(f_.graph);
    QVERIFY(e.showConcept("myocardial infarction"));
    auto* tree = e.findChild<QTreeWidget*>(KgExplorer::kNeighbourTree);
    QTreeWidgetItem* genes = group(tree, "associates", true);
    genes->setExpanded(true);
    QCOMPARE(genes->childCount(), KgExplorer::kMaxNeighboursShown + 1);
    QCOMPARE(genes->child(0)->text(0), QStringLiteral("GENE000"));
    QCOMPARE(genes->child(199)->text(0), QStringLiteral("GENE199"));
    QTreeWidgetItem* more = genes->child(200);
    QCOMPARE(more->text(0), QStringLiteral("… 5 more"));
    QVERIFY(!more->data(0, KgExplorer::NodeRole).isValid());
    // Collapsing and expanding again does not duplicate.
    genes->setExpanded(false);
    genes->setExpanded(true);
    QCOMPARE(genes->childCount(), KgExplorer::kMaxNeighboursShown + 1);
}

void TestKgExplorer::doubleClickNavigatesWithHistory() {
    KgExplorer e;
    e.resize(800, 600);
    e.setGraph(f_.graph);
    e.show();
    QVERIFY(QTest::qWaitForWindowExposed(&e));
    QSignalSpy shown(&e, &KgExplorer::conceptShown);
    QVERIFY(e.showConcept("myocardial infarction"));
    QVERIFY(!e.canGoBack());
    auto* tree = e.findChild<QTreeWidget*>(KgExplorer::kNeighbourTree);
    QTreeWidgetItem* treats = group(tree, "treats", false);
    treats->setExpanded(true);
    QTreeWidgetItem* clop = treats->child(1);
    const QPoint at = tree->visualItemRect(clop).center();
    doubleClick(tree->viewport(), at);
    QTRY_COMPARE(e.currentConcept(), QStringLiteral("Clopidogrel"));
    QCOMPARE(shown.count(), 2);
    QCOMPARE(shown.last().at(0).toString(), QStringLiteral("Clopidogrel"));
    QCOMPARE(e.findChild<QLineEdit*>(KgExplorer::kSearchField)->text(),
             QStringLiteral("Clopidogrel"));

    auto* backButton = e.findChild<QToolButton*>(KgExplorer::kBackButton);
    auto* forwardButton = e.findChild<QToolButton*>(KgExplorer::kForwardButton);
    QVERIFY(backButton->isEnabled());
    QVERIFY(!forwardButton->isEnabled());
    QTest::mouseClick(backButton, Qt::LeftButton);
    QCOMPARE(e.currentConcept(), QStringLiteral("myocardial infarction"));
    QCOMPARE(tree->topLevelItemCount(), 4);
    QVERIFY(!backButton->isEnabled());
    QVERIFY(forwardButton->isEnabled());
    e.forward();
    QCOMPARE(e.currentConcept(), QStringLiteral("Clopidogrel"));
    e.back();
    // A new step from the middle of the history drops the forward part.
    QVERIFY(e.showConcept("Dyspnea"));
    QVERIFY(!e.canGoForward());
    e.back();
    QCOMPARE(e.currentConcept(), QStringLiteral("myocardial infarction"));

    // The "N more" line is not a node.
    QTreeWidgetItem* genes = group(tree, "associates", true);
    genes->setExpanded(true);
    tree->scrollToItem(genes->child(200));
    doubleClick(tree->viewport(), tree->visualItemRect(genes->child(200)).center());
    QTest::qWait(20);
    QCOMPARE(e.currentConcept(), QStringLiteral("myocardial infarction"));
}

void TestKgExplorer::unknownConceptChangesNothing() {
    KgExplorer e;
    e.setGraph(f_.graph);
    QVERIFY(e.showConcept("heart attack")); // an alias
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.mi));
    QVERIFY(e.showConcept("DB00945")); // a key
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.aspirin));
    QVERIFY(e.showConcept("  CLOPIDOGREL ")); // ASCII case and blanks
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.clopidogrel));
    QVERIFY(!e.showConcept("unicorn disease"));
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.clopidogrel));
    QVERIFY(
        e.findChild<QLabel*>(KgExplorer::kHeader)->text().contains("not in the knowledge graph"));
}

void TestKgExplorer::completionBySubstring() {
    KgExplorer e;
    e.setGraph(f_.graph);
    QVERIFY(!e.hasCompletions()); // lazy
    auto* search = e.findChild<QLineEdit*>(KgExplorer::kSearchField);
    QTest::keyClicks(search, "INFARC");
    QVERIFY(e.hasCompletions());
    QCompleter* c = e.completer();
    QCOMPARE(c->completionPrefix(), QStringLiteral("INFARC"));
    QCOMPARE(c->completionCount(), 1);
    c->setCurrentRow(0);
    QCOMPARE(c->currentCompletion(), QStringLiteral("myocardial infarction"));
    c->setCompletionPrefix("gene20");
    QCOMPARE(c->completionCount(), 5); // GENE200 .. GENE204
    // Return on a partial name opens the first completion.
    search->setText("pnea");
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(e.currentConcept(), QStringLiteral("Dyspnea"));
    // A new graph drops the list; it is rebuilt on demand.
    e.setGraph(f_.graph);
    QVERIFY(!e.hasCompletions());
    e.ensureCompletions();
    QCOMPARE(c->model()->rowCount(), int(f_.graph->nodeCount()));
}

void TestKgExplorer::sharedNamesStayReachable() {
    KgExplorer e;
    e.setGraph(f_.graph);
    e.ensureCompletions();
    QCompleter* c = e.completer();
    c->setCompletionPrefix("ffar2");
    QCOMPARE(c->completionCount(), 2);
    QStringList found;
    for (int i = 0; i < 2; ++i) {
        c->setCurrentRow(i);
        found << c->currentCompletion();
    }
    QCOMPARE(found, (QStringList{"FFAR2 [G:FFAR2a]", "FFAR2 [G:FFAR2b]"}));
    QVERIFY(e.showConcept("FFAR2 [G:FFAR2b]"));
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.ffar2b));
    QVERIFY(e.showConcept("FFAR2")); // the plain name: the first
    QCOMPARE(e.currentNode(), std::optional<NodeId>(f_.ffar2a));
}

void TestKgExplorer::casesMentioning() {
    KgExplorer e;
    e.resize(800, 600);
    e.setGraph(f_.graph);
    auto* title = e.findChild<QLabel*>(KgExplorer::kCasesTitle);
    auto* list = e.findChild<QListWidget*>(KgExplorer::kCaseList);
    QVERIFY(e.showConcept("myocardial infarction"));
    QVERIFY(title->text().contains("no project open"));
    QCOMPARE(list->count(), 0);

    e.setStore(store_.get());
    QCOMPARE(title->text(), QStringLiteral("Cases mentioning this concept: 2"));
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().startsWith("case-a"));
    QCOMPARE(list->item(0)->data(KgExplorer::CaseIdRole).toLongLong(), caseA_);
    QCOMPARE(list->item(1)->data(KgExplorer::CaseIdRole).toLongLong(), caseB_);

    e.show();
    QVERIFY(QTest::qWaitForWindowExposed(&e));
    QSignalSpy activated(&e, &KgExplorer::caseActivated);
    doubleClick(list->viewport(), list->visualItemRect(list->item(1)).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), caseB_);

    QVERIFY(e.showConcept("Clopidogrel"));
    QCOMPARE(title->text(), QStringLiteral("Cases mentioning this concept: 1"));
    QVERIFY(e.showConcept("Acetylsalicylic acid"));
    QCOMPARE(title->text(), QStringLiteral("Cases mentioning this concept: 0"));
    QCOMPARE(list->count(), 0);
    e.setStore(nullptr);
    QVERIFY(title->text().contains("no project open"));
}

void TestKgExplorer::emptyStateAndLoadRequested() {
    KgExplorer e;
    QVERIFY(e.isShowingEmptyState());
    QVERIFY(e.findChild<QLabel*>(KgExplorer::kEmptyMessage)
                ->text()
                .contains("No knowledge graph loaded"));
    QVERIFY(!e.showConcept("myocardial infarction"));
    QVERIFY(!e.currentNode());
    e.ensureCompletions(); // nothing to complete, no crash
    QVERIFY(!e.hasCompletions());
    QSignalSpy load(&e, &KgExplorer::loadRequested);
    auto* button = e.findChild<QPushButton*>(KgExplorer::kLoadButton);
    QCOMPARE(button->text(), QStringLiteral("Load…"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(load.count(), 1);

    e.setGraph(f_.graph);
    QVERIFY(!e.isShowingEmptyState());
    QVERIFY(e.showConcept("heart"));
    e.setGraph(nullptr);
    QVERIFY(e.isShowingEmptyState());
    QVERIFY(!e.currentNode());
    QVERIFY(!e.canGoBack());
}

} // namespace

QTEST_MAIN(TestKgExplorer)
#include "tst_kgexplorer.moc"
