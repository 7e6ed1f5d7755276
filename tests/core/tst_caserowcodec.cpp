// The JSON columns of a case row (core/store/CaseRowCodec): every part comes back as it was
// written, order and repeated meta keys included; text that is not valid UTF-8 is stored
// with replacement characters instead of failing; entries of the wrong shape are skipped
// and a column that is not JSON is reported as damaged, naming the part and the case.
#include "StoreError.h"
#include "store/CaseRowCodec.h"

#include <QtTest>

using namespace rs;
using namespace rs::store;

Q_DECLARE_METATYPE(Case)

namespace {

bool sameParts(const Case& a, const Case& b, QString* why) {
    auto differs = [&](const char* part) {
        *why = part;
        return false;
    };
    if (a.options.size() != b.options.size())
        return differs("options");
    for (std::size_t i = 0; i < a.options.size(); ++i)
        if (a.options[i].label != b.options[i].label || a.options[i].text != b.options[i].text)
            return differs("options");
    if (a.meta != b.meta)
        return differs("meta");
    if (a.goldPath.size() != b.goldPath.size())
        return differs("gold path");
    for (std::size_t i = 0; i < a.goldPath.size(); ++i)
        if (a.goldPath[i].head != b.goldPath[i].head ||
            a.goldPath[i].relation != b.goldPath[i].relation ||
            a.goldPath[i].tail != b.goldPath[i].tail)
            return differs("gold path");
    if (a.images.size() != b.images.size())
        return differs("images");
    for (std::size_t i = 0; i < a.images.size(); ++i) {
        const ImageRef &x = a.images[i], &y = b.images[i];
        if (x.path != y.path || x.modality != y.modality || x.boxes.size() != y.boxes.size())
            return differs("images");
        for (std::size_t k = 0; k < x.boxes.size(); ++k) {
            const Box &p = x.boxes[k], &q = y.boxes[k];
            if (p.label != q.label || p.source != q.source || p.x != q.x || p.y != q.y ||
                p.w != q.w || p.h != q.h || p.z != q.z || p.d != q.d || p.is3d != q.is3d)
                return differs("boxes");
        }
    }
    return true;
}

} // namespace

class TestCaseRowCodec : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void invalidUtf8IsReplaced();
    void wrongShapesAreSkipped();
    void damagedColumn_data();
    void damagedColumn();
};

void TestCaseRowCodec::roundTrip_data() {
    QTest::addColumn<Case>("c");
    QTest::newRow("no parts") << Case{};
    Case c;
    c.options = {{"A", "aspirin"}, {"B", "paracetamol \"500 mg\""}, {"C", ""}};
    QTest::newRow("options in order") << c;
    c = {};
    c.meta = {{"source", "medqa"}, {"tag", "x"}, {"tag", "y"}, {"", "empty key"}};
    QTest::newRow("meta keeps order and repeats") << c;
    c = {};
    c.goldPath = {{"fever", "symptom_of", "influenza"}, {"influenza", "treated_by", "oseltamivir"}};
    QTest::newRow("gold path") << c;
    c = {};
    Box flat{"lesion", "model", 0.25, 10, 30.5, 40, 0, 0, false};
    Box cube{"nodule", "reference", 1, 2, 3, 4, 5.5, 6, true};
    c.images = {{"/img/ct 1.png", "CT", {flat, cube}}, {"x.jpg", "", {}}};
    QTest::newRow("images with 2D and 3D boxes") << c;
    c.options = {{"A", "Ünïcödé — ok"}};
    c.meta = {{"k", "v"}};
    c.goldPath = {{"a", "b", "c"}};
    QTest::newRow("everything at once") << c;
}

void TestCaseRowCodec::roundTrip() {
    QFETCH(Case, c);
    c.key = "k1";
    Case back;
    back.key = c.key;
    decodeCaseParts(encodeCaseParts(c), back);
    QString why;
    QVERIFY2(sameParts(c, back, &why), qPrintable(why));
}

void TestCaseRowCodec::invalidUtf8IsReplaced() {
    Case c;
    c.options = {{"A", std::string("bad \xff\xfe byte")}};
    const CasePartColumns columns = encodeCaseParts(c);
    Case back;
    decodeCaseParts(columns, back);
    QCOMPARE(back.options.size(), std::size_t(1));
    QVERIFY(back.options[0].text.starts_with("bad "));
    QVERIFY(back.options[0].text.ends_with(" byte"));
    QVERIFY(back.options[0].text.find("\xef\xbf\xbd") != std::string::npos); // U+FFFD
}

void TestCaseRowCodec::wrongShapesAreSkipped() {
    Case back;
    decodeCaseParts({R"([{"label":"A","text":"x"}, 5, {"label":7}])", R"({"not":"a list"})",
                     R"([["k","v"], ["only one"], [1, 2], "s"])",
                     R"([{"head":"a","relation":"r","tail":"b"}, null])"},
                    back);
    QCOMPARE(back.options.size(), std::size_t(3)); // wrong-typed fields read as empty
    QCOMPARE(back.options[0].text, std::string("x"));
    QCOMPARE(back.options[2].label, std::string());
    QVERIFY(back.images.empty());
    QCOMPARE(back.meta, (std::vector<std::pair<std::string, std::string>>{{"k", "v"}}));
    QCOMPARE(back.goldPath.size(), std::size_t(2));
    QCOMPARE(back.goldPath[0].tail, std::string("b"));
}

void TestCaseRowCodec::damagedColumn_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("options") << 0 << "damaged options of case k9";
    QTest::newRow("images") << 1 << "damaged images of case k9";
    QTest::newRow("meta") << 2 << "damaged meta of case k9";
    QTest::newRow("gold path") << 3 << "damaged gold path of case k9";
}

void TestCaseRowCodec::damagedColumn() {
    QFETCH(int, column);
    QFETCH(QString, message);
    CasePartColumns columns{"[]", "[]", "[]", "[]"};
    std::string* parts[] = {&columns.options, &columns.images, &columns.meta, &columns.goldPath};
    *parts[column] = "[{\"label\": ";
    Case back;
    back.key = "k9";
    try {
        decodeCaseParts(columns, back);
        QFAIL("a damaged column was read");
    } catch (const StoreError& e) {
        QCOMPARE(QString::fromUtf8(e.what()), message);
    }
}

QTEST_APPLESS_MAIN(TestCaseRowCodec)
#include "tst_caserowcodec.moc"
