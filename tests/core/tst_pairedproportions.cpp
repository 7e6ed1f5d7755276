// The paired-proportion statistics of run comparison against values computed apart (a
// straight Python transcription of Newcombe 1998 method 10, and exact binomial sums with
// big integers).
#include "PairedProportions.h"

#include <QtTest>

using namespace rs;

class TestPairedProportions : public QObject {
    Q_OBJECT
private slots:
    void newcombe_data() {
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::addColumn<qint64>("c");
        QTest::addColumn<qint64>("d");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // Newcombe's first worked example (36, 12, 2, 0).
        QTest::newRow("newcombe-a")
            << qint64(36) << qint64(12) << qint64(2) << qint64(0) << 0.056930 << 0.340428;
        QTest::newRow("negative") << qint64(10) << qint64(3) << qint64(5) << qint64(20) << -0.199304
                                  << 0.097885;
        QTest::newRow("large") << qint64(300) << qint64(40) << qint64(25) << qint64(135)
                               << -0.001742 << 0.061690;
        QTest::newRow("no discordant")
            << qint64(5) << qint64(0) << qint64(0) << qint64(5) << -0.166593 << 0.166593;
        QTest::newRow("phi negative")
            << qint64(1) << qint64(2) << qint64(3) << qint64(4) << -0.459639 << 0.297754;
    }
    void newcombe() {
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(qint64, c);
        QFETCH(qint64, d);
        QFETCH(double, low);
        QFETCH(double, high);
        const Interval i = newcombePairedDifference({a, b, c, d});
        QVERIFY2(std::abs(i.low - low) < 1e-5, qPrintable(QString::number(i.low, 'f', 6)));
        QVERIFY2(std::abs(i.high - high) < 1e-5, qPrintable(QString::number(i.high, 'f', 6)));
        // The interval holds the point estimate.
        const double theta = double(b - c) / double(a + b + c + d);
        QVERIFY(i.low <= theta && theta <= i.high);
    }
    void emptyTable() {
        const Interval i = newcombePairedDifference({});
        QCOMPARE(i.low, 0.0);
        QCOMPARE(i.high, 0.0);
    }
    void allFixesStaysInRange() {
        const Interval i = newcombePairedDifference({0, 20, 0, 0});
        QVERIFY(i.high <= 1.0);
        QVERIFY(i.low > 0.5);
    }
    void mcnemar_data() {
        QTest::addColumn<qint64>("b");
        QTest::addColumn<qint64>("c");
        QTest::addColumn<double>("p");
        QTest::newRow("12/2") << qint64(12) << qint64(2) << 0.01293945312;
        QTest::newRow("3/5") << qint64(3) << qint64(5) << 0.7265625;
        QTest::newRow("5/3 symmetric") << qint64(5) << qint64(3) << 0.7265625;
        QTest::newRow("40/25") << qint64(40) << qint64(25) << 0.08168153394;
        QTest::newRow("0/7") << qint64(0) << qint64(7) << 0.015625;
        QTest::newRow("500/560") << qint64(500) << qint64(560) << 0.06990955946;
        QTest::newRow("equal caps at 1") << qint64(4) << qint64(4) << 1.0;
        QTest::newRow("none") << qint64(0) << qint64(0) << 1.0;
    }
    void mcnemar() {
        QFETCH(qint64, b);
        QFETCH(qint64, c);
        QFETCH(double, p);
        const double got = mcnemarExactP(b, c);
        QVERIFY2(std::abs(got - p) < 1e-9 * std::max(1.0, p * 1e3),
                 qPrintable(QString::number(got, 'g', 12)));
    }
    void mcnemarHugeCountsStayFinite() {
        const double p = mcnemarExactP(50000, 50500);
        QVERIFY(p > 0.1 && p < 0.13); // about 0.1155
        QVERIFY(mcnemarExactP(0, 100000) >= 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPairedProportions)
#include "tst_pairedproportions.moc"
