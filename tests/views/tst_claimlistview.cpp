#include "ClaimEvidenceText.h"
#include "ClaimListView.h"
#include "InstanceView.h"

#include <QListWidget>
#include <QtTest>

using namespace rs;

// The claims beside the instance view's text: each with its status and the evidence it rests
// on, unverified ones muted and counted apart (docs/design.md, Error classes and Views).
class TestClaimListView : public QObject {
    Q_OBJECT
private slots:
    void evidenceText_data();
    void evidenceText();
    void listsEveryClaim();
    void unlinkedEnds_data();
    void unlinkedEnds();
    void readingLine_data();
    void readingLine();
    void instanceViewShowsClaims();
};

namespace {

CaseResult::Claim claim(const std::string& head, const std::string& relation,
                        const std::string& tail, std::optional<ClaimStatus> status,
                        CaseResult::Claim::Evidence evidence = {},
                        const std::string& owner = "model") {
    CaseResult::Claim c;
    c.head = head;
    c.relation = relation;
    c.tail = tail;
    c.polarity = Polarity::Asserted;
    c.status = status;
    c.evidence = std::move(evidence);
    c.owner = owner;
    return c;
}

CaseResult threeClaims() {
    CaseResult r;
    r.claims.push_back(
        claim("metformin", "treats", "type 2 diabetes mellitus", ClaimStatus::Supported,
              {"edge", {"metformin", "type 2 diabetes mellitus"}, {"treats"}, {true}}));
    r.claims.push_back(claim("amoxicillin", "treats", "rash", ClaimStatus::Contradicted,
                             {"excluding_edges", {"amoxicillin", "rash"}, {"causes"}, {true}}));
    r.claims.push_back(claim("ischemia", "causes", "angina", ClaimStatus::Unverified));
    r.claims.push_back(claim("fever", "indicates", "sepsis", std::nullopt, {}, "rejected_option"));
    return r;
}

} // namespace

void TestClaimListView::evidenceText_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("supported") << 0 << "metformin treats type 2 diabetes mellitus"
                               << "KG: metformin treats type 2 diabetes mellitus";
    QTest::newRow("contradicted") << 1 << "amoxicillin treats rash"
                                  << "KG: only amoxicillin causes rash";
    QTest::newRow("unverified") << 2 << "ischemia causes angina"
                                << "no KG edge found";
    QTest::newRow("no status") << 3 << "fever indicates sepsis"
                               << "no KG edge found";
}

void TestClaimListView::evidenceText() {
    QFETCH(int, index);
    QFETCH(QString, text);
    QFETCH(QString, evidence);
    const CaseResult r = threeClaims();
    QCOMPARE(QString::fromStdString(claimText(r.claims[std::size_t(index)])), text);
    QCOMPARE(QString::fromStdString(claimEvidenceText(r.claims[std::size_t(index)])), evidence);
}

void TestClaimListView::listsEveryClaim() {
    ClaimListView view;
    const CaseResult r = threeClaims();
    view.showClaims(&r);
    QCOMPARE(view.list()->count(), 4);
    QStringList statuses;
    for (int i = 0; i < view.list()->count(); ++i)
        statuses << view.list()->item(i)->data(ClaimListView::StatusRole).toString();
    QCOMPARE(statuses, (QStringList{"supported", "contradicted", "unverified", "unverified"}));
    QCOMPARE(view.unverifiedCount(), 2);
    QVERIFY(view.title().contains(QStringLiteral("2 unverified")));
    QVERIFY(view.list()->item(3)->text().contains(QStringLiteral("an option being rejected")));
    QCOMPARE(view.list()->item(2)->foreground().color(),
             ClaimListView::statusColor(ClaimStatus::Unverified));
    QVERIFY(ClaimListView::statusColor(ClaimStatus::Unverified) !=
            ClaimListView::statusColor(ClaimStatus::Supported));
    view.showClaims(nullptr);
    QCOMPARE(view.list()->count(), 0);
}

void TestClaimListView::unlinkedEnds_data() {
    QTest::addColumn<bool>("headLinked");
    QTest::addColumn<bool>("tailLinked");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("linked") << true << true << "no KG edge found";
    QTest::newRow("tail unlinked") << true << false << "'sore throat': no KG concept, not checked";
    QTest::newRow("head unlinked") << false << true << "'EBV': no KG concept, not checked";
    QTest::newRow("both unlinked")
        << false << false << "'EBV' and 'sore throat': no KG concepts, not checked";
}

void TestClaimListView::unlinkedEnds() {
    // A claim with an end the KG has no concept for: unverified, muted and in italics, and
    // its evidence names the end.
    QFETCH(bool, headLinked);
    QFETCH(bool, tailLinked);
    QFETCH(QString, evidence);
    CaseResult r;
    r.claims.push_back(claim("EBV", "causes", "sore throat", ClaimStatus::Unverified));
    r.claims.back().headLinked = headLinked;
    r.claims.back().tailLinked = tailLinked;
    QCOMPARE(QString::fromStdString(claimEvidenceText(r.claims.back())), evidence);
    ClaimListView view;
    view.showClaims(&r);
    QCOMPARE(view.list()->count(), 1);
    const QListWidgetItem* item = view.list()->item(0);
    QCOMPARE(item->data(ClaimListView::StatusRole).toString(), QStringLiteral("unverified"));
    QCOMPARE(item->foreground().color(), ClaimListView::statusColor(ClaimStatus::Unverified));
    QCOMPARE(item->font().italic(), !(headLinked && tailLinked));
    QCOMPARE(view.unverifiedCount(), 1);
}

void TestClaimListView::readingLine_data() {
    // Under each claim, muted: the construction it was read from and its cue; none recorded
    // in a project analysed before patterns.
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("cue");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("tip");
    QTest::newRow("direct") << "direct"
                            << "treats"
                            << "direct · cue “treats”"
                            << "right beside the relation cue";
    QTest::newRow("coordination") << "coordination"
                                  << "suggest"
                                  << "coordination · cue “suggest”"
                                  << "one item of a list";
    QTest::newRow("relative clause") << "relative_clause"
                                     << "used to treat"
                                     << "relative clause · cue “used to treat”"
                                     << "relative clause carries the head";
    QTest::newRow("apposition") << "apposition"
                                << "blocks"
                                << "apposition · cue “blocks”"
                                << "X - an agent that blocks Y";
    QTest::newRow("causal chain") << "causal_chain"
                                  << "leading to"
                                  << "causal chain · cue “leading to”"
                                  << "A causes B";
    QTest::newRow("action effect") << "action_effect"
                                   << "leading to"
                                   << "action effect · cue “leading to”"
                                   << "drug's action";
    QTest::newRow("item label") << "item_label"
                                << "is a treatment for"
                                << "item label · cue “is a treatment for”"
                                << "item's label";
    QTest::newRow("such as") << "such_as"
                             << "presents with"
                             << "such-as list · cue “presents with”"
                             << "including A and B";
    QTest::newRow("copular") << "copular"
                             << "cause of"
                             << "copular · cue “cause of”"
                             << "common cause of Y";
    QTest::newRow("not recorded") << ""
                                  << "treats"
                                  << "cue “treats”"
                                  << "";
    QTest::newRow("neither") << ""
                             << ""
                             << ""
                             << "";
}

void TestClaimListView::readingLine() {
    QFETCH(QString, pattern);
    QFETCH(QString, cue);
    QFETCH(QString, line);
    QFETCH(QString, tip);
    CaseResult r;
    r.claims.push_back(claim("ischemia", "causes", "angina", ClaimStatus::Unverified));
    r.claims.back().cue = cue.toStdString();
    if (!pattern.isEmpty()) {
        r.claims.back().pattern = claimPatternFromName(pattern.toStdString());
        QVERIFY(r.claims.back().pattern);
    }
    ClaimListView view;
    view.showClaims(&r);
    const QListWidgetItem* item = view.list()->item(0);
    QCOMPARE(item->data(ClaimListView::PatternRole).toString(), pattern);
    QCOMPARE(item->data(ClaimListView::ReadingRole).toString(), line);
    QVERIFY(item->toolTip().startsWith(QStringLiteral("no KG edge found")));
    if (tip.isEmpty())
        QVERIFY(!item->toolTip().contains(QStringLiteral("Read as")));
    else
        QVERIFY2(item->toolTip().contains(tip), qPrintable(item->toolTip()));
    // The line takes a row of its own under the claim.
    QStyleOptionViewItem option;
    option.initFrom(view.list());
    option.rect = QRect(0, 0, 400, 100);
    const QModelIndex index = view.list()->model()->index(0, 0);
    const int height = view.list()->itemDelegate()->sizeHint(option, index).height();
    CaseResult bare = r;
    bare.claims.back().pattern.reset();
    bare.claims.back().cue.clear();
    view.showClaims(&bare);
    const int bareHeight = view.list()->itemDelegate()->sizeHint(option, index).height();
    QCOMPARE(height > bareHeight, !line.isEmpty());
}

void TestClaimListView::instanceViewShowsClaims() {
    InstanceView view;
    Case c;
    c.question = "Which drug?";
    c.output = "Metformin treats type 2 diabetes.";
    const CaseResult r = threeClaims();
    view.showCase(c, &r);
    QCOMPARE(view.claimList()->list()->count(), 4);
    QCOMPARE(view.claimList()->list()->item(0)->data(ClaimListView::EvidenceRole).toString(),
             QStringLiteral("KG: metformin treats type 2 diabetes mellitus"));
    view.clear();
    QCOMPARE(view.claimList()->list()->count(), 0);
}

QTEST_MAIN(TestClaimListView)
#include "tst_claimlistview.moc"
