// DashboardView over a small real project file: the values of every chart against the
// fixture, bar and pattern clicks emitting the right refinement, setQuery recounting, and
// the empty and error states.
#include "DashboardView.h"
#include "ProjectStore.h"

#include "FindingColors.h"
#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <QtTest>

using namespace rs;
using nlohmann::json;

namespace {

const std::string kTreats = "relation/unsupported/(Compound,treats,Disease)";
const std::string kTreatsWrong = "relation/wrong_relation/(Compound,treats,Disease)";
const std::string kIndicates = "relation/wrong_relation/(Symptom,indicates,Disease)";
const std::string kIndicatesUnsupported = "relation/unsupported/(Symptom,indicates,Disease)";
const std::string kJump = "branch/jump/n1";

json finding(const std::string& type, const std::string& subtype, const std::string& sig) {
    return {{"type", type}, {"subtype", subtype}, {"severity", "major"}, {"signature", sig}};
}

QAbstractBarSeries* seriesOf(const DashboardView& view, const char* chart) {
    auto* cv = view.findChild<QChartView*>(QLatin1String(chart));
    if (!cv || cv->chart()->series().isEmpty())
        return nullptr;
    return qobject_cast<QAbstractBarSeries*>(cv->chart()->series().first());
}

QBarSet* setOf(const DashboardView& view, const char* chart, const QString& label) {
    if (QAbstractBarSeries* s = seriesOf(view, chart))
        for (QBarSet* set : s->barSets())
            if (set->label() == label)
                return set;
    return nullptr;
}

QStringList categoriesOf(const DashboardView& view, const char* chart) {
    auto* cv = view.findChild<QChartView*>(QLatin1String(chart));
    for (QAbstractAxis* axis : cv->chart()->axes())
        if (auto* cats = qobject_cast<QBarCategoryAxis*>(axis))
            return cats->categories();
    return {};
}

QList<qreal> valuesOf(const QBarSet* set) {
    QList<qreal> v;
    for (int i = 0; i < set->count(); ++i)
        v << set->at(i);
    return v;
}

std::vector<std::string> toStd(const QStringList& l) {
    std::vector<std::string> v;
    for (const QString& s : l)
        v.push_back(s.toStdString());
    return v;
}

class TestDashboardView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void accuracyPerRun();
    void findingsPerClass_data();
    void findingsPerClass();
    void findingsPerSubtype_data();
    void findingsPerSubtype();
    void relationsAndNodeKinds();
    void barClickEmitsRefinement_data();
    void barClickEmitsRefinement();
    void emptySegmentClickIsIgnored();
    void patternList();
    void patternActivation();
    void setQueryRecounts();
    void notErrorsBesideFindings();
    void emptyStates_data();
    void emptyStates();
    void noStore();
    void storeErrorIsReported();
    void backgroundReadingShowsTheSame_data();
    void backgroundReadingShowsTheSame();
    void backgroundReadingDeliversOnlyTheNewestQuery();
    void backgroundErrorIsReported();

private:
    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t runA_ = 0, runB_ = 0;
    std::map<std::string, std::int64_t> ids_;
};

void TestDashboardView::initTestCase() {
    QVERIFY(dir_.isValid());
    std::string error;
    store_ = ProjectStore::open(dir_.filePath("d.rsproj").toStdString(), &error);
    QVERIFY2(store_, error.c_str());
    runA_ = store_->ensureRun("run-a", "m", "a.jsonl", "1");
    runB_ = store_->ensureRun("run-b", "m", "b.jsonl", "2");
    struct Spec {
        const char* key;
        std::int64_t run;
        std::optional<bool> correct;
        json findings;
    };
    const std::vector<Spec> specs = {
        {"a1", runA_, true, json::array()},
        {"a2",
         runA_,
         false,
         {finding("relation", "unsupported", kTreats), finding("branch", "jump", kJump)}},
        {"a3",
         runA_,
         false,
         {finding("relation", "wrong_relation", kIndicates),
          finding("missing", "ignored_evidence", "missing/ignored_evidence/x")}},
        {"a4", runA_, true, {finding("relation", "unsupported", kTreats)}},
        {"a5", runA_, true, json::array()},
        {"b1", runB_, true, {finding("branch", "jump", kJump)}},
        {"b2",
         runB_,
         false,
         {finding("relation", "unsupported", kTreats),
          finding("relation", "unsupported", kTreats)}},
        {"b3",
         runB_,
         std::nullopt,
         {finding("missing", "missing_intermediate", "missing/missing_intermediate/y")}},
    };
    for (const Spec& s : specs) {
        Case c;
        c.key = s.key;
        c.question = std::string("Question ") + s.key;
        c.output = "Output";
        c.correct = s.correct;
        const auto id = store_->addCase(c, s.run);
        json analysis = {{"id", s.key}, {"findings", s.findings}};
        // Claims and gaps beside the findings: a2 has 2 unverified claims of the model (one
        // without a status), one supported and one unverified of a rejected option; b1 has 1
        // unverified; a3 has 2 coverage gaps.
        if (std::string(s.key) == "a2")
            analysis["claims"] = {{{"status", "unverified"}, {"owner", "model"}},
                                  {{"owner", "model"}},
                                  {{"status", "supported"}, {"owner", "model"}},
                                  {{"status", "unverified"}, {"owner", "rejected_option"}}};
        if (std::string(s.key) == "b1")
            analysis["claims"] = {{{"status", "unverified"}, {"owner", "model"}}};
        if (std::string(s.key) == "a3")
            analysis["coverage_gaps"] = {{{"text", "x"}, {"where", "output"}, {"reason", "r"}},
                                         {{"text", "y"}, {"where", "option A"}, {"reason", "r"}}};
        store_->saveAnalysis(id, analysis);
        ids_[s.key] = id;
    }
    store_->replacePatterns(json::array(
        {{{"signature", kJump},
          {"type", "branch"},
          {"subtype", "jump"},
          {"description", "Jumps off the reference path at n1"},
          {"count", 2},
          {"cases", {"a2", "b1"}}},
         {{"signature", kTreats},
          {"type", "relation"},
          {"subtype", "unsupported"},
          {"description", "Claims that a Compound treats a Disease with no such KG edge"},
          {"count", 3},
          {"cases", {"a2", "a4", "b2"}}}}));
}

void TestDashboardView::accuracyPerRun() {
    DashboardView view;
    view.setStore(store_.get());
    QVERIFY(!view.isShowingMessage());
    // Horizontal bars list bottom-up: the first run is last.
    QCOMPARE(categoriesOf(view, DashboardView::kAccuracyChart), (QStringList{"run-b", "run-a"}));
    const QBarSet* set = setOf(view, DashboardView::kAccuracyChart, "Accuracy");
    QVERIFY(set);
    QCOMPARE(valuesOf(set), (QList<qreal>{50.0, 60.0})); // 1 of 2 scored; 3 of 5
}

void TestDashboardView::findingsPerClass_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("findings");
    QTest::newRow("relation") << "relation" << 0 << 5;
    QTest::newRow("branch") << "branch" << 1 << 2;
    QTest::newRow("missing") << "missing" << 2 << 2;
    QTest::newRow("grounding") << "grounding" << 3 << 0;
}

void TestDashboardView::findingsPerClass() {
    QFETCH(QString, type);
    QFETCH(int, index);
    QFETCH(int, findings);
    DashboardView view;
    view.setStore(store_.get());
    QCOMPARE(categoriesOf(view, DashboardView::kClassChart).value(index), type);
    QBarSet* set = setOf(view, DashboardView::kClassChart, type);
    QVERIFY(set);
    QCOMPARE(set->color(), findingTypeColor(type));
    for (int i = 0; i < set->count(); ++i)
        QCOMPARE(set->at(i), i == index ? qreal(findings) : 0.0);
}

void TestDashboardView::findingsPerSubtype_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("findings");
    QTest::newRow("unsupported") << "relation"
                                 << "unsupported" << 4;
    QTest::newRow("wrong_relation") << "relation"
                                    << "wrong relation" << 1;
    QTest::newRow("jump") << "branch"
                          << "jump" << 2;
    QTest::newRow("ignored_evidence") << "missing"
                                      << "ignored evidence" << 1;
    // Names beside horizontal bars are shortened to 16 characters (tooltips say them whole).
    QTest::newRow("missing_intermediate") << "missing"
                                          << "missing interme\u2026" << 1;
}

void TestDashboardView::findingsPerSubtype() {
    QFETCH(QString, type);
    QFETCH(QString, category);
    QFETCH(int, findings);
    DashboardView view;
    view.setStore(store_.get());
    const QStringList cats = categoriesOf(view, DashboardView::kSubtypeChart);
    QCOMPARE(cats.size(), 5);
    const int i = int(cats.indexOf(category));
    QVERIFY2(i >= 0, qPrintable(cats.join(", ")));
    // The bar is in its class's set only.
    for (const char* t : {"relation", "branch", "missing", "grounding"}) {
        const QBarSet* set = setOf(view, DashboardView::kSubtypeChart, t);
        QVERIFY(set);
        QCOMPARE(set->at(i), type == QLatin1String(t) ? qreal(findings) : 0.0);
    }
    // Grouped by class: relation rows at the top, i.e. last in the (bottom-up) axis.
    QCOMPARE(cats.last(), QStringLiteral("unsupported"));
}

void TestDashboardView::relationsAndNodeKinds() {
    DashboardView view;
    view.setStore(store_.get());
    // Horizontal bars list bottom-up: the most frequent is last.
    QCOMPARE(categoriesOf(view, DashboardView::kRelationChart),
             (QStringList{"indicates", "treats"}));
    QCOMPARE(valuesOf(seriesOf(view, DashboardView::kRelationChart)->barSets().first()),
             (QList<qreal>{1, 4}));
    QCOMPARE(seriesOf(view, DashboardView::kRelationChart)->barSets().first()->color(),
             QColor("#d62728"));
    QCOMPARE(categoriesOf(view, DashboardView::kNodeKindChart),
             (QStringList{"Symptom", "Compound", "Disease"}));
    QCOMPARE(valuesOf(seriesOf(view, DashboardView::kNodeKindChart)->barSets().first()),
             (QList<qreal>{1, 4, 5}));
}

void TestDashboardView::barClickEmitsRefinement_data() {
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("set"); // empty: the only set
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("run"); // 0 none, 1 run-a, 2 run-b
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QStringList>("subtypes");
    QTest::addColumn<QStringList>("signatures");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("cases"); // what the refinement alone selects

    const QStringList none;
    QTest::newRow("run") << DashboardView::kAccuracyChart << "" << 0 << 2 << none << none << none
                         << "Run: run-b" << 3;
    QTest::newRow("class") << DashboardView::kClassChart << "branch" << 1 << 0
                           << QStringList{"branch"} << none << none << "Class: branch" << 2;
    // Subtype categories bottom-up: missing (intermediate, ignored), branch, relation.
    QTest::newRow("subtype") << DashboardView::kSubtypeChart << "missing" << 1 << 0 << none
                             << QStringList{"ignored_evidence"} << none
                             << "Sub-kind: missing / ignored_evidence" << 1;
    QTest::newRow("relation") << DashboardView::kRelationChart << "" << 1 << 0 << none << none
                              << QStringList{QString::fromStdString(kTreats),
                                             QString::fromStdString(kTreatsWrong)}
                              << "Relation: treats" << 3;
    QTest::newRow("node kind") << DashboardView::kNodeKindChart << "" << 0 << 0 << none << none
                               << QStringList{QString::fromStdString(kIndicatesUnsupported),
                                              QString::fromStdString(kIndicates)}
                               << "Node kind: Symptom" << 1;
    QTest::newRow("node kind shared")
        << DashboardView::kNodeKindChart << "" << 2 << 0 << none << none
        << QStringList{QString::fromStdString(kTreats),
                       QString::fromStdString(kIndicatesUnsupported),
                       QString::fromStdString(kTreatsWrong), QString::fromStdString(kIndicates)}
        << "Node kind: Disease" << 4;
}

void TestDashboardView::barClickEmitsRefinement() {
    QFETCH(QString, chart);
    QFETCH(QString, set);
    QFETCH(int, index);
    QFETCH(int, run);
    QFETCH(QStringList, types);
    QFETCH(QStringList, subtypes);
    QFETCH(QStringList, signatures);
    QFETCH(QString, label);
    QFETCH(int, cases);

    DashboardView view;
    view.setStore(store_.get());
    const QByteArray name = chart.toLatin1();
    QBarSet* bars = set.isEmpty() ? seriesOf(view, name.constData())->barSets().first()
                                  : setOf(view, name.constData(), set);
    QVERIFY(bars);
    QSignalSpy spy(&view, &DashboardView::filterRequested);
    emit bars->clicked(index);
    QCOMPARE(spy.size(), 1);
    const auto got = spy.at(0).at(0).value<CaseQuery>();
    CaseQuery expected;
    if (run)
        expected.runIds = {run == 1 ? runA_ : runB_};
    expected.findingTypes = toStd(types);
    expected.findingSubtypes = toStd(subtypes);
    auto sigs = toStd(signatures);
    std::sort(sigs.begin(), sigs.end());
    expected.signatures = sigs;
    QVERIFY(got == expected);
    QCOMPARE(spy.at(0).at(1).toString(), label);
    QCOMPARE(store_->countCases(got), std::int64_t(cases));
}

void TestDashboardView::emptySegmentClickIsIgnored() {
    DashboardView view;
    view.setStore(store_.get());
    QSignalSpy spy(&view, &DashboardView::filterRequested);
    // The relation set of the class chart is zero outside the relation column.
    emit setOf(view, DashboardView::kClassChart, "relation")->clicked(2);
    emit setOf(view, DashboardView::kSubtypeChart, "grounding")->clicked(0);
    QCOMPARE(spy.size(), 0);
}

void TestDashboardView::patternList() {
    DashboardView view;
    view.setStore(store_.get());
    auto* list = view.findChild<QTreeWidget*>(QLatin1String(DashboardView::kPatternList));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("3")); // most frequent first
    QCOMPARE(list->topLevelItem(0)->text(1),
             QStringLiteral("Claims that a Compound treats a Disease with no such KG edge"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("2"));
}

void TestDashboardView::patternActivation() {
    DashboardView view;
    view.resize(1200, 800);
    view.setStore(store_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* list = view.findChild<QTreeWidget*>(QLatin1String(DashboardView::kPatternList));
    QSignalSpy spy(&view, &DashboardView::filterRequested);

    const QRect rect = list->visualItemRect(list->topLevelItem(1));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.size(), 1);
    CaseQuery expected;
    expected.signatures = {kJump};
    QVERIFY(spy.at(0).at(0).value<CaseQuery>() == expected);
    QCOMPARE(spy.at(0).at(1).toString(),
             QStringLiteral("Pattern: Jumps off the reference path at n1"));

    list->setCurrentItem(list->topLevelItem(0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(spy.size(), 2);
    expected.signatures = {kTreats};
    QVERIFY(spy.at(1).at(0).value<CaseQuery>() == expected);
    QVERIFY(
        spy.at(1).at(1).toString().startsWith(QStringLiteral("Pattern: Claims that a Compound")));
    QVERIFY(spy.at(1).at(1).toString().size() <= 9 + 48); // long descriptions are elided
}

void TestDashboardView::notErrorsBesideFindings() {
    DashboardView view;
    view.setStore(store_.get());
    auto* label = view.findChild<QLabel*>(QLatin1String(DashboardView::kNotErrorsLabel));
    QVERIFY(label);
    QVERIFY2(label->text().contains("3 unverified claims") &&
                 label->text().contains("2 coverage gaps"),
             qPrintable(label->text()));
    CaseQuery q;
    q.runIds = {runB_};
    view.setQuery(q);
    QVERIFY2(label->text().contains("1 unverified claims") &&
                 label->text().contains("0 coverage gaps"),
             qPrintable(label->text()));
}

void TestDashboardView::setQueryRecounts() {
    DashboardView view;
    view.setStore(store_.get());
    CaseQuery q;
    q.runIds = {runA_};
    view.setQuery(q);
    QCOMPARE(view.query(), q);
    QCOMPARE(categoriesOf(view, DashboardView::kAccuracyChart), QStringList{"run-a"});
    QCOMPARE(valuesOf(setOf(view, DashboardView::kAccuracyChart, "Accuracy")), QList<qreal>{60.0});
    QCOMPARE(setOf(view, DashboardView::kClassChart, "relation")->at(0), 3.0);
    QCOMPARE(valuesOf(seriesOf(view, DashboardView::kRelationChart)->barSets().first()),
             (QList<qreal>{1, 2}));
    auto* list = view.findChild<QTreeWidget*>(QLatin1String(DashboardView::kPatternList));
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("2")); // a2, a4
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("1")); // a2

    // A signature filter keeps only its own patterns.
    q = {};
    q.signatures = {kJump};
    view.setQuery(q);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("2"));
    QCOMPARE(setOf(view, DashboardView::kClassChart, "branch")->at(1), 2.0);
    QCOMPARE(setOf(view, DashboardView::kClassChart, "relation")->at(0), 1.0); // a2 only

    view.setQuery({});
    QCOMPARE(valuesOf(setOf(view, DashboardView::kAccuracyChart, "Accuracy")),
             (QList<qreal>{50.0, 60.0}));
}

void TestDashboardView::emptyStates_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("caseKey");
    QTest::addColumn<QString>("detail");
    QTest::newRow("no case") << "nosuchword"
                             << ""
                             << "No case matches";
    QTest::newRow("no finding") << ""
                                << "a1"
                                << "1 case(s) match";
}

void TestDashboardView::emptyStates() {
    QFETCH(QString, search);
    QFETCH(QString, caseKey);
    QFETCH(QString, detail);
    DashboardView view;
    view.setStore(store_.get());
    CaseQuery q;
    q.search = search.toStdString();
    if (!caseKey.isEmpty())
        q.caseIds = {ids_.at(caseKey.toStdString())};
    view.setQuery(q);
    QVERIFY(view.isShowingMessage());
    QVERIFY2(view.message().contains(QStringLiteral("No findings under this filter")),
             qPrintable(view.message()));
    QVERIFY2(view.message().contains(detail), qPrintable(view.message()));
    view.setQuery({});
    QVERIFY(!view.isShowingMessage());
    QVERIFY(view.message().isEmpty());
}

void TestDashboardView::noStore() {
    DashboardView view;
    QVERIFY(view.isShowingMessage());
    QVERIFY(view.message().contains(QStringLiteral("No project open")));
    view.setStore(store_.get());
    QVERIFY(!view.isShowingMessage());
    view.setStore(nullptr);
    QVERIFY(view.message().contains(QStringLiteral("No project open")));
}

void TestDashboardView::storeErrorIsReported() {
    DashboardView view;
    view.setStore(store_.get());
    QSignalSpy spy(&view, &DashboardView::queryFailed);
    CaseQuery q;
    q.findingTypes = {"nonsense"};
    view.setQuery(q);
    QCOMPARE(spy.size(), 1);
    QVERIFY(view.isShowingMessage());
    QVERIFY(view.message().contains(QStringLiteral("Cannot read the project")));
}

// Everything the charts and the pattern list show, as text, to compare two views.
QStringList contentOf(const DashboardView& view) {
    QStringList out;
    if (view.isShowingMessage())
        return {view.message()};
    for (const char* chart :
         {DashboardView::kAccuracyChart, DashboardView::kClassChart, DashboardView::kSubtypeChart,
          DashboardView::kRelationChart, DashboardView::kNodeKindChart}) {
        out << QString::fromLatin1(chart) << categoriesOf(view, chart);
        if (QAbstractBarSeries* series = seriesOf(view, chart))
            for (QBarSet* set : series->barSets()) {
                QStringList values;
                for (qreal v : valuesOf(set))
                    values << QString::number(v);
                out << set->label() + ": " + values.join(',');
            }
    }
    auto* list = view.findChild<QTreeWidget*>(QLatin1String(DashboardView::kPatternList));
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        out << list->topLevelItem(i)->text(0) + ' ' + list->topLevelItem(i)->text(1);
    return out;
}

void TestDashboardView::backgroundReadingShowsTheSame_data() {
    QTest::addColumn<int>("filter");
    QTest::newRow("everything") << 0;
    QTest::newRow("run a") << 1;
    QTest::newRow("pattern") << 2;
    QTest::newRow("search") << 3;
    QTest::newRow("nothing matches") << 4;
}

void TestDashboardView::backgroundReadingShowsTheSame() {
    QFETCH(int, filter);
    CaseQuery q;
    if (filter == 1)
        q.runIds = {runA_};
    if (filter == 2)
        q.signatures = {kTreats};
    if (filter == 3)
        q.search = "a2 OR b2";
    if (filter == 4)
        q.search = "nosuchword";
    DashboardView sync;
    sync.setStore(store_.get());
    sync.setQuery(q);

    DashboardView async;
    async.setBackgroundReading(true);
    QSignalSpy updated(&async, &DashboardView::updated);
    async.setStore(store_.get());
    async.setQuery(q);
    QVERIFY(async.isUpdating()); // nothing was read on this thread
    QVERIFY(updated.wait(10000));
    QTRY_VERIFY(!async.isUpdating());
    QCOMPARE(contentOf(async), contentOf(sync));
    QVERIFY(contentOf(sync).size() > (filter == 4 ? 0 : 10));
}

void TestDashboardView::backgroundReadingDeliversOnlyTheNewestQuery() {
    DashboardView view;
    view.setBackgroundReading(true);
    view.setStore(store_.get());
    QTRY_VERIFY(!view.isUpdating());
    QSignalSpy updated(&view, &DashboardView::updated);
    // A user typing: each query replaces the one before; the ones overtaken are never shown.
    CaseQuery q;
    for (const char* search : {"a", "a2", "b2", "a2 OR b1"}) {
        q.search = search;
        view.setQuery(q);
    }
    QTRY_VERIFY(!view.isUpdating());
    QTest::qWait(50); // a late delivery of an overtaken query would arrive here
    QCOMPARE(updated.size(), 1);
    DashboardView sync;
    sync.setStore(store_.get());
    sync.setQuery(q);
    QCOMPARE(contentOf(view), contentOf(sync));
}

void TestDashboardView::backgroundErrorIsReported() {
    DashboardView view;
    view.setBackgroundReading(true);
    view.setStore(store_.get());
    QSignalSpy failed(&view, &DashboardView::queryFailed);
    CaseQuery q;
    q.findingTypes = {"nonsense"};
    view.setQuery(q);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("nonsense")));
    QVERIFY(view.message().contains(QStringLiteral("Cannot read the project")));
    QVERIFY(!view.isUpdating());
}

} // namespace

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
