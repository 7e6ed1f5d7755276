#include "ReadingTestTable.h"

#include <QtTest>

#include <sstream>

using namespace rs;
using namespace rs::reading;

class TestReferenceRangeTable : public QObject {
    Q_OBJECT
private slots:
    void lookupWithVariants_data();
    void lookupWithVariants();
    void unitConversion_data();
    void unitConversion();
    void classify_data();
    void classify();
    void badLinesAreReported();
    void formatsRanges();
};

void TestReferenceRangeTable::lookupWithVariants_data() {
    QTest::addColumn<QString>("analyte");
    QTest::addColumn<int>("sex"); // 0 unknown, 1 female, 2 male
    QTest::addColumn<double>("age");
    QTest::addColumn<int>("pregnant");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("platelets, anyone") << "platelets" << 0 << 40.0 << -1 << 150000.0 << 400000.0;
    QTest::newRow("hemoglobin, man") << "hemoglobin" << 2 << 40.0 << -1 << 13.5 << 17.5;
    QTest::newRow("hemoglobin, woman") << "hemoglobin" << 1 << 40.0 << 0 << 12.0 << 16.0;
    QTest::newRow("hemoglobin, woman pregnancy unknown")
        << "hemoglobin" << 1 << 40.0 << -1 << 12.0 << 16.0;
    QTest::newRow("hemoglobin, pregnant") << "hemoglobin" << 1 << 28.0 << 1 << 11.0 << 15.0;
    QTest::newRow("hemoglobin, sex unknown: union")
        << "hemoglobin" << 0 << 40.0 << -1 << 12.0 << 17.5;
    QTest::newRow("hemoglobin, 4-year-old") << "hemoglobin" << 2 << 4.0 << -1 << 11.0 << 14.5;
    QTest::newRow("pulse, adult") << "pulse" << 2 << 30.0 << -1 << 60.0 << 100.0;
    QTest::newRow("pulse, infant") << "pulse" << 1 << 0.5 << -1 << 100.0 << 160.0;
    QTest::newRow("respirations, 3-year-old") << "respirations" << 2 << 3.0 << -1 << 20.0 << 40.0;
    QTest::newRow("creatinine, pregnant") << "creatinine" << 1 << 30.0 << 1 << 0.4 << 0.9;
    QTest::newRow("ferritin, man") << "ferritin" << 2 << 50.0 << -1 << 20.0 << 250.0;
    QTest::newRow("alkaline phosphatase, teenager") << "alp" << 2 << 14.0 << -1 << 50.0 << 500.0;
    QTest::newRow("age unknown: adult rows") << "pulse" << 0 << -1.0 << -1 << 60.0 << 100.0;
}

void TestReferenceRangeTable::lookupWithVariants() {
    QFETCH(QString, analyte);
    QFETCH(int, sex);
    QFETCH(double, age);
    QFETCH(int, pregnant);
    QFETCH(double, low);
    QFETCH(double, high);
    const PatientContext p{sex == 1   ? Sex::Female
                           : sex == 2 ? Sex::Male
                                      : Sex::Unknown,
                           age, pregnant};
    const auto r = test::shippedReferenceTable().lookup(analyte.toStdString(), p);
    QVERIFY(r.has_value());
    QCOMPARE(r->low, low);
    QCOMPARE(r->high, high);
}

void TestReferenceRangeTable::unitConversion_data() {
    QTest::addColumn<QString>("analyte");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("expected"); // in the table's unit; -1: does not convert
    QTest::newRow("glucose mmol/L") << "glucose" << 10.0 << "mmol/L" << 180.0;
    QTest::newRow("glucose mg/dL") << "glucose" << 180.0 << "mg/dL" << 180.0;
    QTest::newRow("creatinine µmol/L") << "creatinine" << 177.0 << "µmol/L" << 2.0001;
    QTest::newRow("calcium mmol/L") << "calcium" << 2.5 << "mmol/L" << 10.02;
    QTest::newRow("urea mmol/L to BUN mg/dL") << "bun" << 5.0 << "mmol/L" << 14.0;
    QTest::newRow("sodium mmol/L = mEq/L") << "sodium" << 140.0 << "mmol/L" << 140.0;
    QTest::newRow("temperature °F") << "temperature" << 102.2 << "°F" << 39.0;
    QTest::newRow("platelets ×10⁹/L") << "platelets" << 67.0 << "x10^9/L" << 67000.0;
    QTest::newRow("hemoglobin g/L") << "hemoglobin" << 92.0 << "g/L" << 9.2;
    QTest::newRow("glucose in % does not convert") << "glucose" << 5.0 << "%" << -1.0;
}

void TestReferenceRangeTable::unitConversion() {
    QFETCH(QString, analyte);
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(double, expected);
    const auto v =
        test::shippedReferenceTable().toTableUnit(analyte.toStdString(), value, unit.toStdString());
    if (expected < 0) {
        QVERIFY(!v.has_value());
        return;
    }
    QVERIFY(v.has_value());
    QVERIFY2(std::fabs(*v - expected) < 0.01 * std::max(1.0, expected),
             qPrintable(QString::number(*v)));
}

void TestReferenceRangeTable::classify_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("level"); // -1 low, 0 normal, 1 high
    QTest::addColumn<bool>("borderline");
    QTest::addColumn<int>("severity");
    // platelets 150,000-400,000, borderline 5,000
    QTest::newRow("67,000: low, marked") << 67000.0 << -1 << false << 3;
    QTest::newRow("140,000: low, mild") << 140000.0 << -1 << false << 1;
    QTest::newRow("150,000: the edge is borderline") << 150000.0 << 0 << true << 0;
    QTest::newRow("148,000: below, but borderline") << 148000.0 << -1 << true << 1;
    QTest::newRow("250,000: normal") << 250000.0 << 0 << false << 0;
    QTest::newRow("900,000: high, marked") << 900000.0 << 1 << false << 3;
}

void TestReferenceRangeTable::classify() {
    QFETCH(double, value);
    QFETCH(int, level);
    QFETCH(bool, borderline);
    QFETCH(int, severity);
    const auto r = test::shippedReferenceTable().lookup("platelets", {});
    QVERIFY(r.has_value());
    const RangeVerdict v = ReferenceRangeTable::classify(*r, value);
    QCOMPARE(static_cast<int>(v.level) - 1, level);
    QCOMPARE(v.borderline, borderline);
    QCOMPARE(v.severity, severity);
}

void TestReferenceRangeTable::badLinesAreReported() {
    std::istringstream in(
        "id\tnames\tunit\tlow\thigh\tborderline\tsex\tage_min\tage_max\tpregnancy\n"
        "k\tpotassium|K+\tmEq/L\t3.5\t5.0\t0.1\tany\t\t\tany\tmmol/L=1\n"
        "na\t\tmEq/L\t136\t146\t1\tany\t\t\tany\n"               // line 3: first row without names
        "cl\tchloride\tmEq/L\t105\t95\t1\tany\t\t\tany\n"        // line 4: low > high
        "mg\tmagnesium\tmg/dL\t1.5\t2.0\t0.1\tboth\t\t\tany\n"); // line 5: bad sex
    ReferenceRangeTable t;
    std::vector<ImportError> errors;
    t.read(in, "test.tsv", &errors);
    QCOMPARE(t.rowCount(), std::size_t(1));
    QCOMPARE(errors.size(), std::size_t(3));
    QCOMPARE(errors[0].line, std::size_t(3));
    QCOMPARE(errors[1].line, std::size_t(4));
    QCOMPARE(errors[2].line, std::size_t(5));
    QVERIFY(t.toTableUnit("k", 4.0, "mmol/L").has_value());
}

void TestReferenceRangeTable::formatsRanges() {
    const auto p = test::shippedReferenceTable().lookup("platelets", {});
    QCOMPARE(QString::fromStdString(formatRange(*p)), QStringLiteral("150,000–400,000/mm³"));
    const auto k = test::shippedReferenceTable().lookup("potassium", {});
    QCOMPARE(QString::fromStdString(formatRange(*k)), QStringLiteral("3.5–5 mEq/L"));
}

QTEST_APPLESS_MAIN(TestReferenceRangeTable)
#include "tst_referencerangetable.moc"
