// compareRuns on a small hand-made project: pairing and the reasons for not pairing, the
// four correctness cells, the paired accuracy and its statistics, finding counts per class
// and sub-kind, pattern trends and what regressions involve.
#include "FindingKinds.h"
#include "RunComparison.h"

#include "ComparisonFixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rs;
using nlohmann::json;

class TestRunComparison : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        std::string error;
        store_ = ProjectStore::open(dir_.filePath("p.rsproj").toStdString(), &error);
        QVERIFY2(store_, error.c_str());
        std::tie(base_, head_) = test::fillComparisonProject(*store_);
    }

    void pairsAndUnpaired() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        QCOMPARE(c.base.label, std::string("base"));
        QCOMPARE(c.head.label, std::string("head"));
        QCOMPARE(c.questions.size(), std::size_t(6));
        QStringList ids;
        for (const auto& q : c.questions)
            ids << QString::fromStdString(q.questionId);
        QCOMPARE(ids, QStringList({"q1", "q2", "q3", "q4", "q5", "q6"}));
        QCOMPARE(c.baseUnpaired.noQuestionId, 1);
        QCOMPARE(c.baseUnpaired.onlyInThisRun, 1);
        QCOMPARE(c.baseUnpaired.askedSeveralTimes, 2);
        QCOMPARE(c.headUnpaired.noQuestionId, 0);
        QCOMPARE(c.headUnpaired.onlyInThisRun, 1);
        QCOMPARE(c.headUnpaired.askedSeveralTimes, 1);
        QCOMPARE(c.questions[1].head.caseKey, std::string("h2"));
        QCOMPARE(c.questions[1].head.reviewState, std::string("confirmed"));
        QCOMPARE(c.questions[1].base.reviewState, std::string());
        QCOMPARE(c.questions[1].head.findingsByType[0], 2); // two relation findings
        QVERIFY(c.questions[1].moreFindings());
        QVERIFY(c.questions[3].fewerFindings());
    }

    void cells() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        auto cell = [&](CorrectnessCell k) {
            QStringList out;
            for (const auto& id : c.cells[std::size_t(k)])
                out << QString::fromStdString(id);
            return out;
        };
        QCOMPARE(cell(CorrectnessCell::RightRight), QStringList({"q1"}));
        QCOMPARE(cell(CorrectnessCell::RightWrong), QStringList({"q2", "q3"}));
        QCOMPARE(cell(CorrectnessCell::WrongRight), QStringList({"q4"}));
        QCOMPARE(cell(CorrectnessCell::WrongWrong), QStringList({"q5"}));
        QCOMPARE(c.unscoredPairs, 1);
        QCOMPARE(c.regressions(), 2);
        QCOMPARE(c.fixes(), 1);
        QCOMPARE(c.questions[5].cell, CorrectnessCell::Unscored);
    }

    void accuracy() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        QCOMPARE(c.accuracy.scoredPairs, 5);
        QCOMPARE(c.accuracy.base, 3.0 / 5); // q1 q2 q3 right
        QCOMPARE(c.accuracy.head, 2.0 / 5); // q1 q4 right
        QCOMPARE(c.accuracy.difference, -1.0 / 5);
        // The same table through the statistics: a = 1, fixes 1, regressions 2, d = 1.
        const Interval expected = newcombePairedDifference({1, 1, 2, 1});
        QCOMPARE(c.accuracy.difference95.low, expected.low);
        QCOMPARE(c.accuracy.difference95.high, expected.high);
        QVERIFY(c.accuracy.difference95.low < -0.2 && c.accuracy.difference95.high > -0.2);
        QCOMPARE(c.accuracy.mcnemarP, 1.0); // 1 vs 2 discordant: 2 * 3/8 > 1
    }

    void findingCounts() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        QCOMPARE(c.byType.size(), kAllFindingTypes.size());
        const FindingCountChange& relation = c.byType[0];
        QCOMPARE(relation.type, std::string("relation"));
        QCOMPARE(relation.baseFindings, 1);
        QCOMPARE(relation.headFindings, 3);
        QCOMPARE(relation.baseCases, 1);
        QCOMPARE(relation.headCases, 2);
        QCOMPARE(relation.change(), 2);
        const FindingCountChange& branch = c.byType[1];
        QCOMPARE(branch.baseFindings, 3);
        QCOMPARE(branch.headFindings, 2);
        QCOMPARE(c.bySubtype.size(), std::size_t(2));
        QCOMPARE(c.bySubtype[0].subtype, std::string("wrong_relation"));
        QCOMPARE(c.bySubtype[0].headCases, 2);
        QCOMPARE(c.bySubtype[1].subtype, std::string("plausible_branch"));
        QCOMPARE(c.bySubtype[1].baseCases, 3);
    }

    void patterns() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        // treats: base 1 question (q4), head 2 (q2, q3): grew. branch: base 3, head 2: shrank.
        QCOMPARE(c.patterns.size(), std::size_t(2));
        for (const auto& p : c.patterns) {
            if (p.signature == test::kTreats) {
                QCOMPARE(p.trend, PatternTrend::Grew);
                QCOMPARE(p.baseCases, 1);
                QCOMPARE(p.headCases, 2);
                QVERIFY(!p.description.empty());
            } else {
                QCOMPARE(p.signature, test::kBranch);
                QCOMPARE(p.trend, PatternTrend::Shrank);
            }
        }
    }

    void regressionsInvolve() {
        const RunComparison c = compareRuns(*store_, base_, head_);
        QCOMPARE(c.regressionRelations.size(), std::size_t(1));
        QCOMPARE(c.regressionRelations[0].name, std::string("treats"));
        QCOMPARE(c.regressionRelations[0].questions, 2);
        QCOMPARE(c.regressionConcepts.size(), std::size_t(3));
        QCOMPARE(c.regressionConcepts[0].name, std::string("aspirin"));
        QCOMPARE(c.regressionConcepts[0].questions, 2);
        QCOMPARE(c.regressionConcepts[1].name, std::string("fever"));
        QCOMPARE(c.regressionConcepts[2].name, std::string("cough"));
        QCOMPARE(c.regressionConcepts[2].questions, 1);
    }

    void swappedSidesMirror() {
        const RunComparison c = compareRuns(*store_, head_, base_);
        QCOMPARE(c.count(CorrectnessCell::RightWrong), 1);
        QCOMPARE(c.count(CorrectnessCell::WrongRight), 2);
        QCOMPARE(c.accuracy.difference, 1.0 / 5);
    }

    void badRuns() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compareRuns(*store_, base_, base_));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compareRuns(*store_, base_, 999));
        std::string error;
        QVERIFY(!findRunByLabel(*store_, "nope", &error));
        QVERIFY(error.find("base, head") != std::string::npos);
        QCOMPARE(findRunByLabel(*store_, "head", &error)->id, head_);
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t base_ = 0, head_ = 0;
};

QTEST_APPLESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
