#include "SourceHashMemo.h"

#include "../support/KgTestFiles.h"
#include "Sha256.h"

#include <QtTest>

#include <fstream>

using namespace rs;
using namespace std::chrono_literals;

class TestSourceHashMemo : public QObject {
    Q_OBJECT
private slots:
    void remembersUnchangedFiles();
    void changedFileIsHashedAgain();
    void freshFilesAreNotRemembered();
    void damagedMemoIsIgnored();
    void unreadableFileHasNoHash();

private:
    // Rewrites the stored hash of every entry, so a later answer shows where it came from.
    void falsifyMemo(const std::string& memo, const std::string& sha) {
        std::ifstream in(memo);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        for (std::size_t p = 0; (p = text.find("\"sha256\":", p)) != std::string::npos; p += 9) {
            const std::size_t q = text.find('"', p + 9);
            text.replace(q + 1, 64, sha);
        }
        std::ofstream(memo, std::ios::trunc) << text;
    }
    rs::test::KgTestFiles files_;
};

static const std::string kFake(64, 'f');

void TestSourceHashMemo::remembersUnchangedFiles() {
    const std::string path = files_.write("a.tsv", "id\tname\tkind\n");
    const std::string memo = files_.path("memo-a.json");
    {
        SourceHashMemo m(memo, 0ns);
        QCOMPARE(m.sha256(path), Sha256::hexOfFile(path));
        m.save();
    }
    falsifyMemo(memo, kFake);
    SourceHashMemo again(memo, 0ns);
    QCOMPARE(again.sha256(path).value(), kFake); // served from the memo, not read
}

void TestSourceHashMemo::changedFileIsHashedAgain() {
    const std::string path = files_.write("b.tsv", "one\n");
    const std::string memo = files_.path("memo-b.json");
    {
        SourceHashMemo m(memo, 0ns);
        m.sha256(path);
        m.save();
    }
    falsifyMemo(memo, kFake);
    // File times tick with the kernel's coarse clock (up to 10 ms); a rewrite within the same
    // tick is what the racy window guards against, and this test switches that guard off.
    QTest::qSleep(50);
    files_.write("b.tsv", "two\n"); // same size: only the times and content differ
    SourceHashMemo again(memo, 0ns);
    QCOMPARE(again.sha256(path), Sha256::hexOfFile(path));
    QVERIFY(again.sha256(path).value() != kFake);
}

void TestSourceHashMemo::freshFilesAreNotRemembered() {
    const std::string path = files_.write("c.tsv", "x\n");
    const std::string memo = files_.path("memo-c.json");
    {
        SourceHashMemo m(memo, 1h);
        QCOMPARE(m.sha256(path), Sha256::hexOfFile(path));
        m.save();
    }
    QVERIFY(!QFileInfo::exists(QString::fromStdString(memo))); // nothing learnt, nothing written
}

void TestSourceHashMemo::damagedMemoIsIgnored() {
    const std::string path = files_.write("d.tsv", "y\n");
    const std::string memo = files_.write("memo-d.json", "{\"version\": 1, \"files\": {\"x\": 3");
    SourceHashMemo m(memo, 0ns);
    QCOMPARE(m.sha256(path), Sha256::hexOfFile(path));
    m.save();
    falsifyMemo(memo, kFake); // takes effect only if save() wrote a valid memo
    SourceHashMemo third(memo, 0ns);
    QCOMPARE(third.sha256(path).value(), kFake);
}

void TestSourceHashMemo::unreadableFileHasNoHash() {
    SourceHashMemo m(files_.path("memo-e.json"), 0ns);
    QVERIFY(!m.sha256(files_.path("does-not-exist")).has_value());
}

QTEST_APPLESS_MAIN(TestSourceHashMemo)
#include "tst_sourcehashmemo.moc"
