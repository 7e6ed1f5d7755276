// ProjectionView and its store queries over a small real project file. Every expected
// value (cases per concept and per finding type, co-occurrence pairs, cases of a selection)
// is computed in the test from the fixture itself, not from the store.
#include "ProjectStore.h"
#include "ProjectionView.h"

#include "FindingColors.h"
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QStyleOptionGraphicsItem>
#include <QTemporaryDir>

#include <QtTest>

#include <set>

using namespace rs;
using nlohmann::json;

Q_DECLARE_METATYPE(std::vector<qint64>)

namespace {

struct FindingSpec {
    const char* type;
    std::vector<std::string> nodes;
};
struct CaseSpec {
    const char* key;
    char run; // 'A' or 'B'
    std::optional<bool> correct;
    std::vector<FindingSpec> findings;
};

// Fever: relation in a1 and b3, missing in a2 and b1 (a tie: relation wins by order).
// Cough: branch in a1, missing in b1 (tie: branch). b1 names Fever in two findings.
const std::vector<CaseSpec> kSpecs = {
    {"a1", 'A', false, {{"relation", {"Pneumonia", "Fever"}}, {"branch", {"Pneumonia", "Cough"}}}},
    {"a2", 'A', false, {{"relation", {"Pneumonia", "Sepsis"}}, {"missing", {"Fever"}}}},
    {"a3", 'A', true, {}},
    {"b1", 'B', false, {{"missing", {"Fever"}}, {"missing", {"Cough", "Fever"}}}},
    {"b2", 'B', true, {{"branch", {"Aspirin", "Headache"}}}},
    {"b3", 'B', false, {{"grounding", {"Pneumonia"}}, {"relation", {"Fever", "Sepsis"}}}},
};
const char* const kTypeOrder[] = {"relation", "branch", "missing", "grounding"};
using Pairs = std::set<std::pair<std::string, std::string>>;

struct Expected {
    std::map<std::string, std::set<std::int64_t>> cases;
    std::map<std::string, std::map<std::string, std::set<std::int64_t>>> byType;
};

class TestProjectionView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void conceptCounts();
    void conceptCountsUnderFilter();
    void conceptLimit();
    void links();
    void casesWithConcepts();
    void oneNodePerConcept();
    void sizesAndColours();
    void selectionAreaEmitsCases();
    void selectionUsesCurrentQuery();
    void rubberBandDragEmitsCases();
    void clickActivatesConcept();
    void emptyStates();
    void nodeLimit();
    void backgroundReadingDrawsTheSameMap_data();
    void backgroundReadingDrawsTheSameMap();

private:
    Expected expected(std::optional<char> run) const;
    std::vector<qint64> casesOf(const std::vector<std::string>& names,
                                std::optional<char> run = std::nullopt) const;
    void showView(ProjectionView& view);
    QPoint viewportPos(const ProjectionView& view, const QString& name) const;

    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t runA_ = 0, runB_ = 0;
    std::map<std::string, std::int64_t> ids_;
};

void TestProjectionView::initTestCase() {
    QVERIFY(dir_.isValid());
    std::string error;
    store_ = ProjectStore::open(dir_.filePath("p.rsproj").toStdString(), &error);
    QVERIFY2(store_, error.c_str());
    runA_ = store_->ensureRun("run-a", "m", "a.jsonl", "1");
    runB_ = store_->ensureRun("run-b", "m", "b.jsonl", "2");
    for (const CaseSpec& s : kSpecs) {
        Case c;
        c.key = s.key;
        c.question = std::string("Question ") + s.key;
        c.output = "Output";
        c.correct = s.correct;
        const auto id = store_->addCase(c, s.run == 'A' ? runA_ : runB_);
        json findings = json::array();
        for (const FindingSpec& f : s.findings)
            findings.push_back({{"type", f.type},
                                {"subtype", "x"},
                                {"severity", "major"},
                                {"nodes", f.nodes},
                                {"signature", std::string(f.type) + "/x"}});
        store_->saveAnalysis(id, {{"id", s.key}, {"findings", findings}});
        ids_[s.key] = id;
    }
}

Expected TestProjectionView::expected(std::optional<char> run) const {
    Expected e;
    for (const CaseSpec& s : kSpecs) {
        if (run && s.run != *run)
            continue;
        for (const FindingSpec& f : s.findings)
            for (const std::string& n : f.nodes) {
                e.cases[n].insert(ids_.at(s.key));
                e.byType[n][f.type].insert(ids_.at(s.key));
            }
    }
    return e;
}

std::vector<qint64> TestProjectionView::casesOf(const std::vector<std::string>& names,
                                                std::optional<char> run) const {
    std::set<qint64> ids;
    const Expected e = expected(run);
    for (const std::string& n : names)
        if (auto it = e.cases.find(n); it != e.cases.end())
            ids.insert(it->second.begin(), it->second.end());
    return {ids.begin(), ids.end()};
}

void TestProjectionView::conceptCounts() {
    const Expected e = expected(std::nullopt);
    const auto stats = store_->findingConcepts(CaseQuery{}, 0);
    QCOMPARE(stats.size(), e.cases.size());
    for (std::size_t i = 0; i < stats.size(); ++i) {
        const auto& s = stats[i];
        QVERIFY2(e.cases.count(s.name), s.name.c_str());
        QCOMPARE(s.cases, std::int64_t(e.cases.at(s.name).size()));
        std::map<std::string, std::int64_t> byType;
        for (const auto& [t, ids] : e.byType.at(s.name))
            byType[t] = std::int64_t(ids.size());
        QCOMPARE(s.casesByType, byType);
        if (i > 0) { // most affected first, ties by name
            const auto& p = stats[i - 1];
            QVERIFY(p.cases > s.cases || (p.cases == s.cases && p.name < s.name));
        }
    }
    QCOMPARE(stats.front().name, std::string("Fever")); // 4 cases
    QCOMPARE(stats.front().cases, std::int64_t(4));
}

void TestProjectionView::conceptCountsUnderFilter() {
    CaseQuery q;
    q.runId = runB_;
    const Expected e = expected('B');
    const auto stats = store_->findingConcepts(q, 0);
    QCOMPARE(stats.size(), e.cases.size());
    for (const auto& s : stats) {
        QCOMPARE(s.cases, std::int64_t(e.cases.at(s.name).size()));
        QCOMPARE(s.casesByType.size(), e.byType.at(s.name).size());
    }
    // An explicit case selection narrows the same way.
    CaseQuery sel;
    sel.caseIds = {ids_.at("b2")};
    const auto one = store_->findingConcepts(sel, 0);
    QCOMPARE(one.size(), std::size_t(2));
    QCOMPARE(one[0].name, std::string("Aspirin"));
    QCOMPARE(one[1].name, std::string("Headache"));
    // A filter nothing passes.
    CaseQuery none;
    none.runId = runA_;
    none.correctness = StoreCorrectness::Correct; // a3 has no findings
    QVERIFY(store_->findingConcepts(none, 0).empty());
}

void TestProjectionView::conceptLimit() {
    const auto all = store_->findingConcepts(CaseQuery{}, 0);
    const auto top = store_->findingConcepts(CaseQuery{}, 2);
    QCOMPARE(top.size(), std::size_t(2));
    QCOMPARE(top[0].name, all[0].name);
    QCOMPARE(top[1].name, all[1].name);
    QCOMPARE(top[1].casesByType, all[1].casesByType);
}

void TestProjectionView::links() {
    Pairs want;
    for (const CaseSpec& s : kSpecs)
        for (const FindingSpec& f : s.findings)
            for (const std::string& a : f.nodes)
                for (const std::string& b : f.nodes)
                    if (a < b)
                        want.insert({a, b});
    std::vector<std::string> all;
    for (const auto& [n, ids] : expected(std::nullopt).cases)
        all.push_back(n);
    const auto got = store_->conceptLinks(all);
    QCOMPARE(Pairs(got.begin(), got.end()), want);
    QCOMPARE(got.size(), want.size()); // no duplicates
    // Only pairs of the given names.
    const auto some = store_->conceptLinks({"Pneumonia", "Fever", "Cough"});
    const Pairs wantSome = {{"Fever", "Pneumonia"}, {"Cough", "Pneumonia"}, {"Cough", "Fever"}};
    QCOMPARE(Pairs(some.begin(), some.end()), wantSome);
    QVERIFY(store_->conceptLinks({"Fever"}).empty());
}

void TestProjectionView::casesWithConcepts() {
    auto toQ = [](const std::vector<std::int64_t>& v) {
        return std::vector<qint64>(v.begin(), v.end());
    };
    QCOMPARE(toQ(store_->casesWithConcepts({"Fever"}, {})), casesOf({"Fever"}));
    QCOMPARE(toQ(store_->casesWithConcepts({"Sepsis", "Aspirin"}, {})),
             casesOf({"Sepsis", "Aspirin"}));
    CaseQuery b;
    b.runId = runB_;
    QCOMPARE(toQ(store_->casesWithConcepts({"Fever", "Sepsis"}, b)),
             casesOf({"Fever", "Sepsis"}, 'B'));
    CaseQuery incorrectA;
    incorrectA.runId = runA_;
    incorrectA.correctness = StoreCorrectness::Incorrect;
    QCOMPARE(toQ(store_->casesWithConcepts({"Pneumonia"}, incorrectA)),
             (std::vector<qint64>{ids_.at("a1"), ids_.at("a2")}));
    QVERIFY(store_->casesWithConcepts({"Nothing"}, {}).empty());
    QVERIFY(store_->casesWithConcepts({}, {}).empty());
}

void TestProjectionView::showView(ProjectionView& view) {
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToView();
}

QPoint TestProjectionView::viewportPos(const ProjectionView& view, const QString& name) const {
    QGraphicsItem* item = view.nodeItem(name);
    return item ? view.mapFromScene(item->scenePos()) : QPoint(-1, -1);
}

void TestProjectionView::oneNodePerConcept() {
    ProjectionView view;
    view.setStore(store_.get());
    const Expected e = expected(std::nullopt);
    QCOMPARE(view.nodeItems().size(), qsizetype(e.cases.size()));
    QVERIFY(view.placeholderText().isEmpty());
    for (const auto& [name, ids] : e.cases) {
        QGraphicsItem* item = view.nodeItem(QString::fromStdString(name));
        QVERIFY2(item, name.c_str());
        QCOMPARE(item->data(ProjectionView::KeyCases).toLongLong(), qint64(ids.size()));
    }
    int nodes = 0;
    for (QGraphicsItem* item : view.scene()->items())
        nodes += item->data(ProjectionView::KeyItemType).toInt() == ProjectionView::NodeItem;
    QCOMPARE(nodes, int(e.cases.size()));
    QCOMPARE(view.edgeCount(), 6); // the co-occurrence pairs of the links test
    QCOMPARE(view.nodeItem("Fever")->toolTip(),
             QStringLiteral("Fever \u2014 4 cases (relation 2, missing 2)"));
    QCOMPARE(view.nodeItem("Aspirin")->toolTip(),
             QStringLiteral("Aspirin \u2014 1 case (branch 1)"));
}

void TestProjectionView::sizesAndColours() {
    ProjectionView view;
    view.setStore(store_.get());
    const Expected e = expected(std::nullopt);
    auto diameter = [&](const std::string& n) {
        return view.nodeItem(QString::fromStdString(n))->shape().boundingRect().width();
    };
    for (const auto& [a, ia] : e.cases)
        for (const auto& [b, ib] : e.cases) {
            if (ia.size() > ib.size())
                QVERIFY2(diameter(a) > diameter(b), (a + " vs " + b).c_str());
            else if (ia.size() == ib.size())
                QCOMPARE(diameter(a), diameter(b));
        }
    // Area proportional to cases (above the minimum size).
    QVERIFY(std::abs(diameter("Fever") / diameter("Cough") - std::sqrt(4.0 / 2.0)) < 0.01);

    for (const auto& [name, types] : e.byType) {
        QString want;
        std::size_t most = 0;
        for (const char* t : kTypeOrder)
            if (auto it = types.find(t); it != types.end() && it->second.size() > most) {
                most = it->second.size();
                want = t;
            }
        QGraphicsItem* item = view.nodeItem(QString::fromStdString(name));
        QCOMPARE(item->data(ProjectionView::KeyType).toString(), want);
        // The pixel at the disc's centre has the class colour (slightly translucent on white).
        QImage img(101, 101, QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        p.translate(50, 50);
        QStyleOptionGraphicsItem opt;
        item->paint(&p, &opt, nullptr);
        p.end();
        const QColor got = img.pixelColor(50, 50);
        const QColor c = findingTypeColor(want);
        auto blend = [](int v) { return int(std::lround(v * 0.85 + 255 * 0.15)); };
        QVERIFY2(std::abs(got.red() - blend(c.red())) <= 3 &&
                     std::abs(got.green() - blend(c.green())) <= 3 &&
                     std::abs(got.blue() - blend(c.blue())) <= 3,
                 qPrintable(name.c_str() + QStringLiteral(": ") + got.name()));
    }
    QCOMPARE(view.nodeItem("Fever")->data(ProjectionView::KeyType).toString(), QString("relation"));
    QCOMPARE(view.nodeItem("Cough")->data(ProjectionView::KeyType).toString(), QString("branch"));
    QCOMPARE(view.nodeItem("Sepsis")->data(ProjectionView::KeyType).toString(),
             QString("relation"));
}

void TestProjectionView::selectionAreaEmitsCases() {
    ProjectionView view;
    view.setStore(store_.get());
    QSignalSpy spy(&view, &ProjectionView::casesSelected);
    view.emitSelection(); // nothing selected: nothing emitted
    QCOMPARE(spy.count(), 0);
    QPainterPath area;
    for (const char* n : {"Sepsis", "Cough"})
        area.addEllipse(view.nodeItem(n)->scenePos(), 0.5, 0.5);
    view.scene()->setSelectionArea(area);
    QCOMPARE(view.scene()->selectedItems().size(), 2);
    view.emitSelection();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::vector<qint64>>(), casesOf({"Sepsis", "Cough"}));
    const QString label = spy.at(0).at(1).toString();
    QVERIFY2(label.contains("Sepsis") && label.contains("Cough"), qPrintable(label));
}

void TestProjectionView::selectionUsesCurrentQuery() {
    ProjectionView view;
    view.setStore(store_.get());
    CaseQuery b;
    b.runId = runB_;
    view.setQuery(b);
    QCOMPARE(view.nodeItems().size(), qsizetype(expected('B').cases.size()));
    QVERIFY(!view.nodeItem("Pneumonia") ||
            view.nodeItem("Pneumonia")->data(ProjectionView::KeyCases) == 1);
    QSignalSpy spy(&view, &ProjectionView::casesSelected);
    view.nodeItem("Fever")->setSelected(true);
    view.emitSelection();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::vector<qint64>>(), casesOf({"Fever"}, 'B'));
}

void TestProjectionView::rubberBandDragEmitsCases() {
    ProjectionView view;
    view.setStore(store_.get());
    showView(view);
    QSignalSpy spy(&view, &ProjectionView::casesSelected);
    QSignalSpy activated(&view, &ProjectionView::conceptActivated);
    // A band around Aspirin and Headache (linked, so sfdp puts them side by side), from
    // empty space outside the map's bounding box.
    const QPoint a = viewportPos(view, "Aspirin"), h = viewportPos(view, "Headache");
    QRect band = QRect(a, h).normalized().adjusted(-3, -3, 3, 3);
    const QPoint start(0, 0);
    QVERIFY(view.itemAt(start) == nullptr);
    auto send = [&](QEvent::Type type, QPoint pos, Qt::MouseButton button,
                    Qt::MouseButtons buttons) {
        QMouseEvent ev(type, pos, view.viewport()->mapToGlobal(pos), button, buttons,
                       Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &ev);
    };
    send(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, band.topLeft(), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, band.bottomRight(), Qt::NoButton, Qt::LeftButton);
    // The band runs from the press point; what it selected is whatever it touches.
    std::vector<std::string> selected;
    for (QGraphicsItem* item : view.nodeItems())
        if (item->isSelected())
            selected.push_back(item->data(ProjectionView::KeyName).toString().toStdString());
    QVERIFY(std::find(selected.begin(), selected.end(), "Aspirin") != selected.end());
    QVERIFY(std::find(selected.begin(), selected.end(), "Headache") != selected.end());
    QCOMPARE(spy.count(), 0); // only on release
    send(QEvent::MouseButtonRelease, band.bottomRight(), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::vector<qint64>>(), casesOf(selected));
    QCOMPARE(activated.count(), 0);
}

void TestProjectionView::clickActivatesConcept() {
    ProjectionView view;
    view.setStore(store_.get());
    showView(view);
    QSignalSpy activated(&view, &ProjectionView::conceptActivated);
    QSignalSpy selected(&view, &ProjectionView::casesSelected);
    QSignalSpy cleared(&view, &ProjectionView::selectionCleared);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewportPos(view, "Sepsis"));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QString("Sepsis"));
    QCOMPARE(selected.count(), 0);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(0, 0)); // empty space
    QCOMPARE(activated.count(), 1);
    QCOMPARE(cleared.count(), 1);
    QVERIFY(view.scene()->selectedItems().isEmpty());
}

void TestProjectionView::emptyStates() {
    ProjectionView view;
    QVERIFY(!view.placeholderText().isEmpty()); // no store
    QVERIFY(view.nodeItems().isEmpty());
    view.setStore(store_.get());
    QVERIFY(view.placeholderText().isEmpty());
    CaseQuery none;
    none.runId = runA_;
    none.correctness = StoreCorrectness::Correct;
    view.setQuery(none);
    QCOMPARE(view.placeholderText(), QString("No findings to map under this filter"));
    QVERIFY(view.nodeItems().isEmpty());
    QCOMPARE(view.edgeCount(), 0);
    QSignalSpy spy(&view, &ProjectionView::casesSelected);
    view.emitSelection();
    QCOMPARE(spy.count(), 0);
    // A bad query is reported, not thrown.
    CaseQuery bad;
    bad.findingTypes = {"nonsense"};
    view.setQuery(bad);
    QVERIFY(view.placeholderText().contains("nonsense"));
    view.setQuery({});
    QVERIFY(view.placeholderText().isEmpty());
    view.setStore(nullptr);
    QVERIFY(view.nodeItems().isEmpty());
}

void TestProjectionView::nodeLimit() {
    ProjectionView view;
    QCOMPARE(view.nodeLimit(), ProjectionView::kDefaultNodeLimit);
    view.setStore(store_.get());
    view.setNodeLimit(2);
    QCOMPARE(view.nodeItems().size(), qsizetype(2));
    QCOMPARE(view.nodeItems()[0]->data(ProjectionView::KeyName).toString(), QString("Fever"));
    QCOMPARE(view.nodeItems()[1]->data(ProjectionView::KeyName).toString(), QString("Pneumonia"));
    QCOMPARE(view.edgeCount(), 1);
}

QStringList mapOf(const ProjectionView& view) {
    QStringList out{view.placeholderText(), QString::number(view.edgeCount())};
    for (QGraphicsItem* item : view.nodeItems())
        out << QStringLiteral("%1 %2 %3 (%4, %5)")
                   .arg(item->data(ProjectionView::KeyName).toString())
                   .arg(item->data(ProjectionView::KeyCases).toLongLong())
                   .arg(item->data(ProjectionView::KeyType).toString())
                   .arg(item->pos().x(), 0, 'f', 1)
                   .arg(item->pos().y(), 0, 'f', 1);
    return out;
}

void TestProjectionView::backgroundReadingDrawsTheSameMap_data() {
    QTest::addColumn<bool>("runAOnly");
    QTest::addColumn<bool>("bad");
    QTest::newRow("everything") << false << false;
    QTest::newRow("run a") << true << false;
    QTest::newRow("unknown type") << false << true;
}

void TestProjectionView::backgroundReadingDrawsTheSameMap() {
    QFETCH(bool, runAOnly);
    QFETCH(bool, bad);
    CaseQuery q;
    if (runAOnly)
        q.runId = runA_;
    if (bad)
        q.findingTypes = {"nonsense"};
    ProjectionView sync;
    sync.setStore(store_.get());
    sync.setQuery(q);

    ProjectionView async;
    async.setBackgroundReading(true);
    QSignalSpy updated(&async, &ProjectionView::updated);
    async.setStore(store_.get());
    async.setQuery(q);
    QVERIFY(async.isUpdating());
    QVERIFY(updated.wait(10000));
    QTRY_VERIFY(!async.isUpdating());
    // Same nodes, counts, colours, edges and (sfdp is deterministic) the same positions.
    QCOMPARE(mapOf(async), mapOf(sync));
    if (bad)
        QVERIFY(async.placeholderText().contains("nonsense"));
    else
        QVERIFY(async.nodeItems().size() >= 2);
}

} // namespace

QTEST_MAIN(TestProjectionView)
#include "tst_projectionview.moc"
