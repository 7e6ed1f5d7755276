#include "ClaimExtractor.h"
#include "StepSegmenter.h"

#include "../support/ClinicFixture.h"

#include <QtTest>

using namespace rs;

class TestClaimExtractor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void extract_data();
    void extract();
    void pattern_data();
    void pattern();
    void claimOffsetsAndSteps();
    void gapSettingBoundsClaims();
    void oddInput_data();
    void oddInput();
    void cueHoldingItsNegation();
    void examplesOfRiskFactors();
    void relativeAfterActionTarget();

private:
    test::TestKnowledgeBase kb_;
    Lexicon lexicon_ = test::clinicLexicon();

    struct Result {
        QString claims, gaps;
    };
    Result run(const std::string& text, ClaimSettings settings = {}) const;
    QString claimsWith(const Lexicon& lexicon, const std::string& text) const;
};

void TestClaimExtractor::initTestCase() {
    test::buildClinic(kb_);
}

TestClaimExtractor::Result TestClaimExtractor::run(const std::string& text,
                                                   ClaimSettings settings) const {
    ClaimExtractor extractor(lexicon_, settings, &kb_);
    const auto steps = StepSegmenter::segment(text);
    const auto out = extractor.extract(text, steps, kb_.link(text));
    QStringList claims, gaps;
    // An end with no KG concept (a noun phrase) prints as [its text].
    auto end = [&](NodeId node, const std::string& phrase) {
        return node == kNoNode ? QStringLiteral("[%1]").arg(QString::fromStdString(phrase))
                               : QString::fromStdString(std::string(kb_.nodeName(node)));
    };
    for (const Claim& c : out.claims)
        claims << QStringLiteral("%1|%2|%3|%4")
                      .arg(end(c.head, c.headText), QString::fromStdString(c.relation),
                           end(c.tail, c.tailText), QString::fromLatin1(toString(c.polarity)));
    for (const CoverageGap& g : out.gaps) {
        if (g.where != "claim" || text.substr(g.begin, g.end - g.begin) != g.text)
            gaps << QStringLiteral("BAD GAP");
        gaps << QString::fromStdString(g.text);
    }
    return {claims.join(';'), gaps.join(';')};
}

void TestClaimExtractor::extract_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("claims");
    QTest::addColumn<QString>("gaps");

    QTest::newRow("forward cue") << "Amoxicillin treats pneumonia."
                                 << "amoxicillin|treats|community-acquired pneumonia|asserted"
                                 << "";
    QTest::newRow("reverse cue") << "Fever due to pneumonia is common."
                                 << "community-acquired pneumonia|causes|fever|asserted"
                                 << "";
    QTest::newRow("reverse passive") << "Pneumonia is treated with amoxicillin."
                                     << "amoxicillin|treats|community-acquired pneumonia|asserted"
                                     << "";
    QTest::newRow("longest cue wins") << "Amoxicillin is a treatment for pneumonia."
                                      << "amoxicillin|treats|community-acquired pneumonia|asserted"
                                      << "";
    QTest::newRow("short cue alone") << "Pneumonia is a lung disease."
                                     << "community-acquired pneumonia|is_a|lung disease|asserted"
                                     << "";
    QTest::newRow("negated between") << "Amoxicillin does not treat asthma."
                                     << "amoxicillin|treats|asthma|negated"
                                     << "";
    QTest::newRow("negated reverse") << "The fever is not due to asthma."
                                     << "asthma|causes|fever|negated"
                                     << "";
    QTest::newRow("negation before head") << "It is unlikely that asthma causes fever."
                                          << "asthma|causes|fever|negated"
                                          << "";
    QTest::newRow("negation in another clause")
        << "No rash; amoxicillin treats pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("hedged") << "Amoxicillin may treat pneumonia."
                            << "amoxicillin|treats|community-acquired pneumonia|hedged"
                            << "";
    QTest::newRow("an option letter in brackets is no apposition")
        << "Pneumonia (A) and asthma (C) present with fever."
        << ""
        << "";
    QTest::newRow("a hedge on the tail hedges the relation")
        << "Fever suggests a possible pneumonia."
        << "fever|indicates|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("it is possible that: the that-clause is hedged")
        << "Given the cough, it is possible that the patient's asthma causes the fever."
        << "asthma|causes|fever|hedged;cough|evidential|asthma|hedged"
        << "";
    QTest::newRow("it is likely that: not a general relative clause after it")
        << "It is likely that she has pneumonia, which is treated with amoxicillin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("the most likely cause of X is Y: a ranked cause is hedged")
        << "The most likely cause of the fever is pneumonia."
        << "community-acquired pneumonia|causes|fever|hedged"
        << "";
    QTest::newRow("what is avoided to prevent a disease is a risk factor for it")
        << "Patients should avoid albuterol and propranolol to prevent asthma."
        << "albuterol|risk_factor_for|asthma|asserted;"
           "propranolol|risk_factor_for|asthma|asserted"
        << "";
    QTest::newRow("the reason clause's pronoun stands for the answer's concept")
        << "Therefore, the correct answer is B) Albuterol, as it is used to treat asthma."
        << "albuterol|treats|asthma|asserted"
        << "";
    QTest::newRow("but not for an answer whose concept does not end before the reason")
        << "The answer is B) Albuterol in a higher dose, as it is used to treat asthma."
        << ""
        << "";
    QTest::newRow("a finding after 'this' is named: the cause of this fever")
        << "The most likely cause of this fever is pneumonia."
        << "community-acquired pneumonia|causes|fever|hedged"
        << "";
    QTest::newRow("a measure after a listed concept is its item: insulin level and cough")
        << "The insulin level and cough suggest pneumonia."
        << "insulin|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("the reason clause's pronoun in a relative clause: its antecedent")
        << "Option C suggests albuterol, which is preferred as it is used to treat asthma."
        << "albuterol|treats|asthma|asserted"
        << "Option C";
    QTest::newRow("a comma before 'the' closes a clause, it lists nothing")
        << "While the cough is consistent with pneumonia, the rash is unexplained."
        << "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a listed object with its own verb opens a clause")
        << "Amoxicillin treats pneumonia and bronchitis, and asthma can occur."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|acute bronchitis|asserted"
        << "";
    QTest::newRow("a capitalised gene symbol is no auxiliary")
        << "INSR is associated with diabetes, and WAS is associated with asthma."
        << "INSR|associated_with|diabetes mellitus|asserted"
        << "";
    QTest::newRow("a purpose's agent is the subject, not the disease before 'to'")
        << "Metformin is given in type 2 diabetes to prevent asthma."
        << "metformin|prevents|asthma|asserted"
        << "";
    QTest::newRow("and no agent when the subject is no KG concept")
        << "The team saw pneumonia to prevent asthma."
        << ""
        << "";
    QTest::newRow("this type of a class after an item label: the item is the head")
        << "Type 1 diabetes: This type of diabetes is caused by pneumonia."
        << "type 1 diabetes mellitus|is_a|diabetes mellitus|asserted;"
           "community-acquired pneumonia|causes|type 1 diabetes mellitus|asserted"
        << "";
    QTest::newRow("this type of a class without an item: the class is the head")
        << "This type of diabetes can be caused by pneumonia."
        << "community-acquired pneumonia|causes|diabetes mellitus|asserted"
        << "";
    QTest::newRow("no list over the comma that closes an opening clause")
        << "While asthma may require albuterol, pneumonia is not associated with fever."
        << "community-acquired pneumonia|associated_with|fever|negated"
        << "";
    QTest::newRow("but a list after a subordinator without a verb is one")
        << "Although fever, cough, and wheezing are common in asthma, it is rare."
        << "asthma|presents_with|fever|asserted;asthma|presents_with|cough|asserted;"
           "asthma|presents_with|wheezing|asserted"
        << "";
    QTest::newRow("an organ is neither a cause nor an effect")
        << "Amoxicillin causes the lung to swell, and fever is due to the lung."
        << ""
        << "";
    QTest::newRow("an organ's product is its own") << "The lung produces insulin."
                                                   << "lung|causes|insulin|asserted"
                                                   << "";
    QTest::newRow("symptoms of a disease due to a cause: the disease is due to it")
        << "He has symptoms of pneumonia due to insulin."
        << "insulin|causes|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("what prevents a disease without avoid still prevents it")
        << "Albuterol and propranolol prevent asthma."
        << "albuterol|prevents|asthma|asserted;propranolol|prevents|asthma|asserted"
        << "";
    QTest::newRow("hedged denial is a denial") << "Amoxicillin might not treat asthma."
                                               << "amoxicillin|treats|asthma|negated"
                                               << "";
    QTest::newRow("two claims")
        << "Insulin treats type 1 diabetes and metformin treats type 2 diabetes."
        << "insulin|treats|type 1 diabetes mellitus|asserted;"
           "metformin|treats|type 2 diabetes mellitus|asserted"
        << "";
    QTest::newRow("coordinated heads")
        << "Amoxicillin and azithromycin treat pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "azithromycin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("no cue, no claim") << "Fever and cough and pneumonia."
                                      << ""
                                      << "";
    QTest::newRow("cue too far from head")
        << "Amoxicillin is given in high doses for many long weeks then treats pneumonia."
        << ""
        << "";
    QTest::newRow("a second predicate far from its subject")
        << "Amoxicillin is given in high doses for many weeks and treats pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("not across sentences") << "Amoxicillin is cheap. Treats pneumonia well."
                                          << ""
                                          << "";
    QTest::newRow("not across lines") << "Amoxicillin\ntreats pneumonia"
                                      << ""
                                      << "";
    QTest::newRow("same concept both ends") << "Pneumonia resembles pneumonia."
                                            << ""
                                            << "";
    QTest::newRow("multi-word head") << "Chest pain suggests pneumonia."
                                     << "chest pain|indicates|community-acquired pneumonia|asserted"
                                     << "";
    QTest::newRow("unlinked tail is a gap") << "Amoxicillin treats strep throat."
                                            << ""
                                            << "strep throat";
    QTest::newRow("unlinked head is a gap")
        << "Streptococcal pharyngitis is treated with amoxicillin."
        << ""
        << "Streptococcal pharyngitis";
    QTest::newRow("article skipped in gap") << "Wheezing is caused by a bronchospasm."
                                            << ""
                                            << "bronchospasm";
    QTest::newRow("pronoun head is no gap") << "This suggests pneumonia."
                                            << ""
                                            << "";
    QTest::newRow("gap stops at conjunction")
        << "Amoxicillin treats otitis media and sinusitis often."
        << ""
        << "otitis media";
    QTest::newRow("unlinked words between cue and tail")
        << "Albuterol treats bronchospasm and asthma."
        << "albuterol|treats|asthma|asserted"
        << "";
    QTest::newRow("gap does not cross a comma")
        << "Strep throat, for example, is treated with amoxicillin."
        << ""
        << "";
    QTest::newRow("claim and gap in one sentence")
        << "Amoxicillin treats pneumonia and is a penicillin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "penicillin";
    QTest::newRow("relative clause on the predicate noun")
        << "Albuterol is a beta agonist used to treat asthma."
        << "albuterol|treats|asthma|asserted"
        << "beta agonist";
    QTest::newRow("no object across a clause break")
        << "Albuterol is a beta agonist, and asthma is common."
        << ""
        << "";
    QTest::newRow("nested cues are one cue")
        << "Amoxicillin is a treatment for pneumonia and rash."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|rash|asserted"
        << "";
    QTest::newRow("copular bridge to a relational noun")
        << "Fever is a common symptom of pneumonia."
        << "community-acquired pneumonia|presents_with|fever|asserted"
        << "";
    QTest::newRow("copular bridge to a treatment")
        << "Amoxicillin is an effective treatment for pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("no bridge over other words") << "Fever is a sign and symptom of pneumonia."
                                                << ""
                                                << "";
    QTest::newRow("tail of an unlinked noun") << "Amoxicillin treats the symptoms of pneumonia."
                                              << ""
                                              << "";
    QTest::newRow("is-a through a form of")
        << "Pneumonia is a severe form of lung disease."
        << "community-acquired pneumonia|is_a|lung disease|asserted"
        << "";
    // Fever is no pneumonia: the examples are of the symptoms, which pneumonia presents with.
    QTest::newRow("first concept is an argument")
        << "The symptoms of pneumonia, such as fever, resolve."
        << "community-acquired pneumonia|presents_with|fever|asserted"
        << "";
    QTest::newRow("relative clause after the cue")
        << "Pneumonia is a condition in which the lung disease spreads."
        << ""
        << "";
    // Issue 16: coordination, item labels, relative clauses, evidential cues.
    QTest::newRow("coordinated tails")
        << "Pneumonia presents with fever, cough and chest pain."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted;"
           "community-acquired pneumonia|presents_with|chest pain|asserted"
        << "";
    QTest::newRow("coordination over glosses")
        << "Fever (39 C) and cough (dry, 2 weeks) suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("unlinked list item skipped")
        << "Pneumonia presents with fever, night sweats, and cough."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("no list item after a clause")
        << "She has no asthma, and her pneumonia is treated with amoxicillin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("no list without commas")
        << "Pneumonia presents with fever night sweats and cough."
        << "community-acquired pneumonia|presents_with|fever|asserted"
        << "";
    QTest::newRow("coordinated heads and tails")
        << "Amoxicillin or azithromycin treats pneumonia and bronchitis."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|acute bronchitis|asserted;"
           "azithromycin|treats|community-acquired pneumonia|asserted;"
           "azithromycin|treats|acute bronchitis|asserted"
        << "";
    QTest::newRow("tail list stops at the next head")
        << "Pneumonia causes fever and asthma causes wheezing."
        << "community-acquired pneumonia|causes|fever|asserted;"
           "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("item label after a colon")
        << "B) Asthma: This condition is typically treated with albuterol."
        << "albuterol|treats|asthma|asserted"
        << "";
    QTest::newRow("item label after a dash")
        << "C) Amoxicillin - it is used to treat pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("pronoun is the head, not the concept before it")
        << "Amoxicillin treats pneumonia, but it does not treat asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|asthma|negated"
        << "";
    QTest::newRow("relative clause on an unlinked predicate noun")
        << "Amoxicillin is a penicillin that can cause rash."
        << "amoxicillin|causes|rash|asserted"
        << "";
    QTest::newRow("relative clause on the subject")
        << "Pneumonia, which presents with cough, is treated with amoxicillin."
        << "community-acquired pneumonia|presents_with|cough|asserted;"
           "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("evidential cue") << "Fever and cough favor pneumonia."
                                    << "fever|evidential|community-acquired pneumonia|asserted;"
                                       "cough|evidential|community-acquired pneumonia|asserted"
                                    << "";
    QTest::newRow("examples of a class") << "Lung disease such as asthma or bronchitis is common."
                                         << "asthma|is_a|lung disease|asserted;"
                                            "acute bronchitis|is_a|lung disease|asserted"
                                         << "";
    QTest::newRow("a class's claim holds for its examples")
        << "Amoxicillin treats lung disease such as asthma or bronchitis."
        << "amoxicillin|treats|lung disease|asserted;asthma|is_a|lung disease|asserted;"
           "acute bronchitis|is_a|lung disease|asserted;amoxicillin|treats|asthma|asserted;"
           "amoxicillin|treats|acute bronchitis|asserted"
        << "";
    QTest::newRow("a class's claim is denied for the contrasted example")
        << "Amoxicillin treats lung disease such as asthma, not bronchitis."
        << "amoxicillin|treats|lung disease|asserted;asthma|is_a|lung disease|asserted;"
           "acute bronchitis|is_a|lung disease|negated;amoxicillin|treats|asthma|asserted;"
           "amoxicillin|treats|acute bronchitis|negated"
        << "";
    QTest::newRow("examples paired respectively take no class claim")
        << "Rash and wheezing are associated with lung disease such as pneumonia and asthma, "
           "respectively."
        << "rash|associated_with|lung disease|asserted;"
           "wheezing|associated_with|lung disease|asserted;"
           "community-acquired pneumonia|is_a|lung disease|asserted;"
           "asthma|is_a|lung disease|asserted"
        << "";
    QTest::newRow("the class of examples ends a list of objects")
        << "Amoxicillin can cause rash and lung disease such as asthma."
        << "amoxicillin|causes|rash|asserted;amoxicillin|causes|lung disease|asserted;"
           "asthma|is_a|lung disease|asserted;amoxicillin|causes|asthma|asserted"
        << "";
    QTest::newRow("examples of a relative clause's object")
        << "Fever suggests pneumonia, which can cause cough and lung disease, such as asthma."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "community-acquired pneumonia|causes|cough|asserted;"
           "community-acquired pneumonia|causes|lung disease|asserted;"
           "asthma|is_a|lung disease|asserted;"
           "community-acquired pneumonia|causes|asthma|asserted"
        << "";
    QTest::newRow("an apposition to a relative clause's object heads its own cue")
        << "Amoxicillin is a drug that treats pneumonia, a lung disease associated with asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "community-acquired pneumonia|is_a|lung disease|asserted;"
           "community-acquired pneumonia|associated_with|asthma|asserted"
        << "";
    QTest::newRow("both sides unlinked") << "Bacteria cause infections."
                                         << ""
                                         << "";
    // Issue 16, later rules: item labels in later clauses, listed objects, causal chains,
    // list items with modifiers, the polarity of a relative clause.
    QTest::newRow("later clause of an item label")
        << "B) Amoxicillin: This treats pneumonia, but it does not treat asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|asthma|negated"
        << "";
    // Without an item label, the pronoun of a later clause is the sentence's subject.
    QTest::newRow("a later pronoun without an item label")
        << "Amoxicillin treats pneumonia, and it does not treat asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|asthma|negated"
        << "";
    QTest::newRow("a later pronoun after an introductory phrase")
        << "However, asthma can cause cough, as it is associated with wheezing."
        << "asthma|causes|cough|asserted;asthma|associated_with|wheezing|asserted"
        << "";
    QTest::newRow("no subject for a later pronoun")
        << "The patient takes amoxicillin, but it does not treat asthma."
        << ""
        << "";
    QTest::newRow("second predicate of the previous cue's head")
        << "Asthma is associated with wheezing and can cause cough."
        << "asthma|associated_with|wheezing|asserted;asthma|causes|cough|asserted"
        << "";
    QTest::newRow("a second predicate has its own polarity")
        << "Amoxicillin does not treat asthma and can cause rash."
        << "amoxicillin|treats|asthma|negated;amoxicillin|causes|rash|asserted"
        << "";
    QTest::newRow("such as predicates nothing")
        << "This drug is associated with lung disease such as asthma and can cause rash."
        << "asthma|is_a|lung disease|asserted"
        << "This drug";
    QTest::newRow("a list item with a preposition, heads")
        << "Fever, chest pain on inspiration, and cough suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "chest pain|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a list item with a preposition, tails")
        << "Pneumonia presents with chest pain on inspiration, fever, and cough."
        << "community-acquired pneumonia|presents_with|chest pain|asserted;"
           "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("a coordinator inside a preposition's object")
        << "Asthma can cause cough with wheezing and fever."
        << "asthma|causes|cough|asserted"
        << "";
    QTest::newRow("a gloss with a concept is no list item, tails")
        << "Asthma can cause lung disease (pneumonia), rash, and cough."
        << "asthma|causes|lung disease|asserted;asthma|causes|rash|asserted;"
           "asthma|causes|cough|asserted"
        << "";
    QTest::newRow("a gloss with a concept is no list item, heads")
        << "Rash (fever), cough and wheezing suggest asthma."
        << "rash|indicates|asthma|asserted;cough|indicates|asthma|asserted;"
           "wheezing|indicates|asthma|asserted"
        << "";
    QTest::newRow("examples after symptoms of a disease")
        << "The patient has symptoms of pneumonia, including cough, chest pain, and fever, as "
           "well as rash."
        << "community-acquired pneumonia|presents_with|cough|asserted;"
           "community-acquired pneumonia|presents_with|chest pain|asserted;"
           "community-acquired pneumonia|presents_with|fever|asserted"
        << "";
    QTest::newRow("such as after signs of a disease")
        << "Signs of pneumonia such as fever and cough are common."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("a relative clause reopened on the tail")
        << "Wheezing that is a symptom of asthma, which is a lung disease, is common."
        << "asthma|presents_with|wheezing|asserted;asthma|is_a|lung disease|asserted"
        << "";
    QTest::newRow("a concept after a demonstrative is still named")
        << "Fever suggests this pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("this condition is the item's concept")
        << "A) Asthma: This is unlikely as she does not have wheezing, which is a symptom of "
           "this condition."
        << "asthma|presents_with|wheezing|asserted"
        << "";
    QTest::newRow("this condition without an item label")
        << "She does not have wheezing, which is a symptom of this condition."
        << ""
        << "";
    QTest::newRow("long-term use of a drug") << "Rash is caused by long-term use of amoxicillin."
                                             << "amoxicillin|causes|rash|asserted"
                                             << "";
    QTest::newRow("what the patient has is the object")
        << "Fever suggests that the patient has pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a hedge in the clause of the object")
        << "Fever suggests that the patient may have pneumonia."
        << "fever|indicates|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("a coordinator inside an item's prepositional object")
        << "Wheezing and a positive culture for rash and cough suggest asthma."
        << "wheezing|indicates|asthma|asserted;cough|indicates|asthma|asserted"
        << "";
    QTest::newRow("a hedge after the coordinator, a list before a later clause")
        << "Asthma can cause cough and possibly wheezing, but it does not cause rash."
        << "asthma|causes|cough|asserted;asthma|causes|wheezing|hedged;"
           "asthma|causes|rash|negated"
        << "";
    QTest::newRow("a relative clause on N1 prep N2 is about N1")
        << "She has cough with wheezing, which suggests asthma."
        << "cough|indicates|asthma|asserted"
        << "";
    QTest::newRow("a relative clause on a cue's object list is about the whole list")
        << "The patient presents with fever, cough, and chest pain, which suggests pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted;"
           "chest pain|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a relative clause on a cue's one object")
        << "She presents with fever, which could suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("a relational noun heading the subject: the copula's complement")
        << "The best treatment for pneumonia is amoxicillin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a copular complement list, over a modifier of the object")
        << "The usual treatment for pneumonia in adults is amoxicillin and azithromycin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "azithromycin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a denied copula denies the claim")
        << "The treatment for pneumonia is not albuterol."
        << "albuterol|treats|community-acquired pneumonia|negated"
        << "";
    QTest::newRow("a copular complement after a clause opener")
        << "Albuterol helps, but the treatment for pneumonia is amoxicillin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("the copula of a copular complement is no is-a cue")
        << "The most common cause of wheezing is an asthma exacerbation."
        << "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("'cause' after a determiner or an adjective is a noun, no verb cue")
        << "Given the asthma, one possible cause could be pneumonia; other causes are rare, "
           "and the asthma may cause wheezing."
        << "asthma|causes|wheezing|hedged;asthma|evidential|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("predicates after an item label's class apposition are the label's")
        << "B) Asthma - a chronic inflammatory disease of the airways, usually causes wheezing, "
           "not pneumonia."
        << "asthma|causes|wheezing|asserted;asthma|causes|community-acquired pneumonia|negated"
        << "chronic inflammatory disease";
    QTest::newRow("no label subject for a clause with a modal of its own")
        << "B) Asthma - a chronic inflammatory disease, but bronchitis can cause wheezing."
        << "acute bronchitis|causes|wheezing|asserted"
        << "";
    QTest::newRow("a later clause's pronoun after an option letter and its subject")
        << "E) Amoxicillin is an old drug, but it is mostly used to treat pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "old drug";
    QTest::newRow("a list before ', which are all symptoms of' is its head")
        << "Asthma presents with fever, cough, and wheezing, which are all symptoms of pneumonia."
        << "asthma|presents_with|fever|asserted;asthma|presents_with|cough|asserted;"
           "asthma|presents_with|wheezing|asserted;"
           "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted;"
           "community-acquired pneumonia|presents_with|wheezing|asserted"
        << "";
    QTest::newRow("a relative clause after 'a diagnosis of X' is X's")
        << "The fever suggests a diagnosis of pneumonia, which presents with cough."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("a bridged cue's head is measured to its copula")
        << "The patient has asthma, which is a well known cause of wheezing."
        << "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("adjectives in series before the cue's object")
        << "Pneumonia presents with sudden, severe cough."
        << "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("the object's own modifiers are no distance to the cue")
        << "Amoxicillin can cause a severe itchy diffuse maculopapular rash."
        << "amoxicillin|causes|rash|asserted"
        << "";
    QTest::newRow("auxiliaries and a reporting verb are no distance to the cue")
        << "Amoxicillin has also been shown to cause rash."
        << "amoxicillin|causes|rash|asserted"
        << "";
    QTest::newRow("a purpose clause is distance to the cue")
        << "Amoxicillin should be promptly discontinued to cause rash."
        << ""
        << "promptly discontinued";
    QTest::newRow("an irregular participle after the predicate noun")
        << "Fever is a finding seen in pneumonia."
        << "community-acquired pneumonia|presents_with|fever|asserted"
        << "";
    QTest::newRow("a concept right before the comma that opens the subject's clause")
        << "Given the fever, the most likely cause of the cough is pneumonia."
        << "community-acquired pneumonia|causes|cough|hedged"
        << "";
    QTest::newRow("a relational noun's list after 'include', hedged in the subject")
        << "Other possible causes of wheezing include asthma and bronchitis."
        << "asthma|causes|wheezing|hedged;acute bronchitis|causes|wheezing|hedged"
        << "";
    QTest::newRow("a relational noun opening the sentence before its copula")
        << "Causes of wheezing are asthma and bronchitis."
        << "asthma|causes|wheezing|asserted;acute bronchitis|causes|wheezing|asserted"
        << "";
    QTest::newRow("a copular complement's list goes on past a gloss")
        << "Causes of wheezing are asthma (fever, cough) and bronchitis."
        << "asthma|causes|wheezing|asserted;acute bronchitis|causes|wheezing|asserted"
        << "";
    QTest::newRow("a later clause's pronoun stands for a list subject")
        << "Amoxicillin and albuterol are old drugs, but they do not cause wheezing."
        << "amoxicillin|causes|wheezing|negated;albuterol|causes|wheezing|negated"
        << "old drugs"; // the plural class the KG lacks (this test reads no phrase ends)
    QTest::newRow("a second predicate of a list subject")
        << "Amoxicillin and albuterol are old drugs and do not cause wheezing."
        << "amoxicillin|causes|wheezing|negated;albuterol|causes|wheezing|negated"
        << "";
    QTest::newRow("a copula ends a cue's generic object")
        << "Given the fever, the most likely cause of these symptoms is pneumonia."
        << ""
        << "";
    QTest::newRow("a quantity of a concept heads as the concept")
        << "High levels of amoxicillin can cause rash."
        << "amoxicillin|causes|rash|asserted"
        << "";
    QTest::newRow("a lack of a concept does not") << "Low levels of amoxicillin can cause rash."
                                                  << ""
                                                  << "";
    QTest::newRow("a possessive does not hide the head of 'N1 of his N2'")
        << "The wheezing of his asthma suggests pneumonia."
        << "wheezing|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a list before ', all of which suggest' heads it")
        << "Asthma presents with fever and cough, all of which suggest pneumonia."
        << "asthma|presents_with|fever|asserted;asthma|presents_with|cough|asserted;"
           "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("'physical' and 'specific' qualify a copula's cue")
        << "Fever and cough are physical symptoms of pneumonia."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("'as' opening a clause joins no list")
        << "Amoxicillin treats pneumonia, as the fever will improve."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("'as well as' joins a list")
        << "Amoxicillin treats pneumonia as well as bronchitis."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|acute bronchitis|asserted"
        << "";
    QTest::newRow("a finding seen in an organ is localized there")
        << "Wheezing is seen in the lung."
        << "wheezing|localizes_to|lung|asserted"
        << "";
    QTest::newRow("what a finding occurs in is its disease")
        << "Wheezing occurs in asthma."
        << "asthma|presents_with|wheezing|asserted"
        << "";
    QTest::newRow("what a finding occurs in may be its organ")
        << "Wheezing occurs in the lung."
        << "wheezing|localizes_to|lung|asserted"
        << "";
    QTest::newRow("a comma and an article open an apposition, not a list item")
        << "Cough is caused by asthma, a lung disease."
        << "asthma|causes|cough|asserted;asthma|is_a|lung disease|asserted"
        << "";
    QTest::newRow("the presentation of Y is Y")
        << "Wheezing is consistent with the classic presentation of asthma."
        << "wheezing|indicates|asthma|asserted"
        << "";
    QTest::newRow("a presentation similar to Y is not Y")
        << "Asthma can cause a similar presentation to bronchitis."
        << ""
        << "";
    QTest::newRow("the symptoms of A and B are the evidence")
        << "The patient's symptoms of fever and cough suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("'rather than' denies the second object")
        << "Wheezing suggests asthma, rather than pneumonia."
        << "wheezing|indicates|asthma|asserted;"
           "wheezing|indicates|community-acquired pneumonia|negated"
        << "";
    QTest::newRow("a finding stated absent makes a diagnosis less likely")
        << "He has no wheezing, making asthma less likely."
        << "wheezing|evidential|asthma|negated"
        << "";
    QTest::newRow("a finding makes a diagnosis more likely")
        << "Wheezing makes asthma a more likely diagnosis."
        << "wheezing|evidential|asthma|asserted"
        << "";
    QTest::newRow("'makes' without a likelihood relates nothing") << "Pneumonia makes fever worse."
                                                                  << ""
                                                                  << "";
    QTest::newRow("a fronted prepositional phrase joins no list")
        << "In asthma, wheezing is worse due to pneumonia."
        << "community-acquired pneumonia|causes|wheezing|asserted"
        << "";
    QTest::newRow("a comma apposition naming a kind of a concept")
        << "He has asthma, a severe form of bronchitis."
        << "asthma|is_a|acute bronchitis|asserted"
        << "";
    QTest::newRow("a comma apposition after a cue's 'of'")
        << "Wheezing is a symptom of asthma, a rare and severe form of bronchitis."
        << "asthma|presents_with|wheezing|asserted;asthma|is_a|acute bronchitis|asserted"
        << "";
    QTest::newRow("a comma apposition after a bracketed abbreviation")
        << "He has asthma (AS), a severe form of bronchitis."
        << "asthma|is_a|acute bronchitis|asserted"
        << "";
    QTest::newRow("a comma apposition after 'a diagnosis of'")
        << "Wheezing favors a diagnosis of asthma, a severe form of bronchitis."
        << "wheezing|evidential|asthma|asserted;asthma|is_a|acute bronchitis|asserted"
        << "";
    QTest::newRow("a hedge on the concept leaves its apposition asserted")
        << "He may have asthma, a severe form of bronchitis."
        << "asthma|is_a|acute bronchitis|asserted"
        << "";
    QTest::newRow("no comma apposition after a noun's 'of'")
        << "He took an overdose of amoxicillin, a type of penicillin."
        << ""
        << "";
    QTest::newRow("a causal verb bridges to a risk cue")
        << "Asthma can lead to an increased risk of pneumonia."
        << "asthma|risk_factor_for|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a cue that names a possibility hedges itself")
        << "B) Pneumonia: This is a possibility given the fever."
        << "fever|evidential|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("a cue whose object opens another cue leaves the relation to it")
        << "Amoxicillin is used for treating pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a label's predicates after a negated qualified noun")
        << "B) Albuterol - a bronchodilator, used for asthma, not the best choice for pneumonia."
        << "albuterol|treats|asthma|asserted;albuterol|treats|community-acquired pneumonia|negated"
        << "";
    QTest::newRow("no copular complement for an object")
        << "She stopped the treatment for pneumonia is amoxicillin."
        << ""
        << "She stopped";
    QTest::newRow("a head before the noun cue is its argument, not the complement")
        << "Amoxicillin, a treatment for pneumonia, is albuterol's rival."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("examples of a plural relational noun are its missing argument")
        << "A chest X-ray can rule out other causes of fever and cough, such as pneumonia or "
           "bronchitis."
        << "community-acquired pneumonia|causes|fever|asserted;"
           "acute bronchitis|causes|fever|asserted;"
           "community-acquired pneumonia|causes|cough|asserted;"
           "acute bronchitis|causes|cough|asserted"
        << "";
    QTest::newRow("treatments for W, including V")
        << "There are several treatments for pneumonia, including amoxicillin and azithromycin."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "azithromycin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("examples after a singular relational noun are of its object")
        << "Asthma is a cause of lung disease, such as bronchitis."
        << "asthma|causes|lung disease|asserted;acute bronchitis|is_a|lung disease|asserted;"
           "asthma|causes|acute bronchitis|asserted"
        << "";
    QTest::newRow("qualifiers between the copula and its relational noun")
        << "Fever and cough are common symptoms of pneumonia, and wheezing is also "
           "associated with asthma."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted;"
           "wheezing|associated_with|asthma|asserted"
        << "";
    QTest::newRow("listed objects after a class")
        << "Pneumonia presents with a range of symptoms, including fever and cough."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("a who-clause is about a person, not the concept before it")
        << "The patient is a boy with asthma, who presents with fever and cough."
        << ""
        << "";
    QTest::newRow("a relative clause on the object of 'evidence of' is about the object")
        << "There is evidence of pneumonia, which can cause fever."
        << "community-acquired pneumonia|causes|fever|asserted"
        << "";
    QTest::newRow("a history of X: the clause is about X")
        << "He has a history of asthma, which can cause wheezing."
        << "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("in the case of X: X is no subject of the main clause")
        << "In the case of pneumonia, the concern is what causes fever."
        << ""
        << "";
    QTest::newRow("a cue in a bracket relates the item before it to the bracket")
        << "He has fever, cough (suggests pneumonia), wheezing, and chest pain."
        << "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a listed item may open with a modifier")
        << "Pneumonia presents with a range of symptoms, including persistent cough."
        << "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("listed objects after a class and 'like'")
        << "Pneumonia presents with a range of symptoms like fever and cough."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|cough|asserted"
        << "";
    QTest::newRow("a comparison's 'like' lists nothing")
        << "Pneumonia presents with a range of symptoms, much like bronchitis."
        << ""
        << "range";
    QTest::newRow("a comma apposition leaves its head the subject of the next cue")
        << "Pneumonia, a lung disease, causes fever."
        << "community-acquired pneumonia|is_a|lung disease|asserted;"
           "community-acquired pneumonia|causes|fever|asserted"
        << "";
    QTest::newRow("a comma apposition on the object of 'in'")
        << "Wheezing is treated with albuterol in asthma, a lung disease."
        << "albuterol|treats|wheezing|asserted;asthma|is_a|lung disease|asserted"
        << "";
    QTest::newRow("the management of W is W")
        << "Amoxicillin is effective for the management of pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a relative clause after a class noun and a comma is about the subject")
        << "Amoxicillin is an antibiotic, which treats pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a relative clause after 'a type of Y' and a comma is about Y")
        << "Pneumonia is a type of lung disease, which causes fever."
        << "community-acquired pneumonia|is_a|lung disease|asserted;"
           "lung disease|causes|fever|asserted"
        << "";
    QTest::newRow("no list after a concept")
        << "Amoxicillin treats pneumonia, including asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("causal chain over a participle")
        << "Asthma is common, causing wheezing and leading to cough."
        << "asthma|causes|wheezing|asserted;wheezing|causes|cough|asserted"
        << "";
    QTest::newRow("no chain over other words")
        << "Asthma is common, causing wheezing and then leading to cough."
        << "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("onset noun keeps the tail")
        << "Asthma leads to the development of pneumonia."
        << "asthma|causes|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("modifiers of a list item")
        << "Fever, severe cough and chest pain suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted;"
           "chest pain|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("an apposition is no list item")
        << "Pneumonia causes fever, a severe cough."
        << "community-acquired pneumonia|causes|fever|asserted"
        << "";
    QTest::newRow("adjacent mentions are one item")
        << "Fever, chest pain cough and rash suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted;"
           "rash|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("presence of a finding")
        << "The presence of fever suggests pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("hedge before a relative clause")
        << "It suggests a possible pneumonia, which can cause fever."
        << "community-acquired pneumonia|causes|fever|asserted"
        << "";
    QTest::newRow("item label's first concept")
        << "C) Chest pain in asthma: This suggests pneumonia."
        << "chest pain|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a gloss is no distance to the cue")
        << "Fever (39.5 C for three days) suggests pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("words after a gloss count")
        << "Fever (39.5 C) for three long days now suggests pneumonia."
        << ""
        << "three long days now";
    QTest::newRow("relative clause after a kind of")
        << "Amoxicillin is a type of penicillin that treats pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a finding stated absent in a list of heads is the absence")
        << "Fever, cough and absent wheezing suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted;"
           "[absent wheezing]|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a denial before a list of heads")
        << "Fever and cough do not suggest pneumonia."
        << "fever|indicates|community-acquired pneumonia|negated;"
           "cough|indicates|community-acquired pneumonia|negated"
        << "";
    QTest::newRow("item label of a phrase with a coordination")
        << "D) Chest pain with fever and cough: This suggests pneumonia."
        << "chest pain|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a contrasted object is denied")
        << "Fever suggests pneumonia, not asthma."
        << "fever|indicates|community-acquired pneumonia|asserted;fever|indicates|asthma|negated"
        << "";
    QTest::newRow("and not, then a list, all denied")
        << "The fever is due to pneumonia and not asthma or bronchitis."
        << "community-acquired pneumonia|causes|fever|asserted;asthma|causes|fever|negated;"
           "acute bronchitis|causes|fever|negated"
        << "";
    QTest::newRow("the cue's preposition again after not, with an adverb")
        << "Pneumonia presents with fever, but not typically with rash or wheezing."
        << "community-acquired pneumonia|presents_with|fever|asserted;"
           "community-acquired pneumonia|presents_with|rash|negated;"
           "community-acquired pneumonia|presents_with|wheezing|negated"
        << "";
    QTest::newRow("not with a word of its own is no contrast")
        << "Fever suggests pneumonia, not found in asthma."
        << "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("by and a gerund cue: how the subject does it")
        << "Bronchitis leads to cough by causing wheezing."
        << "acute bronchitis|causes|cough|asserted;acute bronchitis|causes|wheezing|asserted"
        << "";
    QTest::newRow("a denied action denies how it is done")
        << "Albuterol does not act by causing wheezing."
        << "albuterol|causes|wheezing|negated"
        << "";
    QTest::newRow("the symptoms named are what is related")
        << "The symptoms of fever and cough could be related to pneumonia."
        << "fever|associated_with|community-acquired pneumonia|hedged;"
           "cough|associated_with|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("a modal is no distance to the cue")
        << "Amoxicillin and azithromycin are drugs that can be used to treat pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "azithromycin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a causal relative clause after a list is every item's")
        << "Asthma causes wheezing and cough, which can cause chest pain."
        << "asthma|causes|wheezing|asserted;asthma|causes|cough|asserted;"
           "wheezing|causes|chest pain|asserted;cough|causes|chest pain|asserted"
        << "";
    QTest::newRow("a singular causal verb after a list is not every item's")
        << "Asthma causes wheezing and cough, which leads to chest pain."
        << "asthma|causes|wheezing|asserted;asthma|causes|cough|asserted;"
           "cough|causes|chest pain|asserted"
        << "";
    QTest::newRow("a later pronoun stands for the option named between commas")
        << "Option C, amoxicillin, can cause rash and fever, but it does not treat asthma."
        << "amoxicillin|causes|rash|asserted;amoxicillin|causes|fever|asserted;"
           "amoxicillin|treats|asthma|negated"
        << "";
    QTest::newRow("a finding near an organ is the finding")
        << "A cough near the lung, which suggests asthma."
        << "cough|indicates|asthma|asserted"
        << "";
    QTest::newRow("a drug for a disease is its indication")
        << "She takes amoxicillin for her pneumonia and albuterol (for asthma)."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "albuterol|treats|asthma|asserted"
        << "";
    QTest::newRow("but 'for' alone relates nothing")
        << "Screen for asthma. Give amoxicillin for ten days."
        << ""
        << "";
    QTest::newRow("a contrast after a comma is a second predicate of the subject")
        << "Amoxicillin treats pneumonia, not as a cause of asthma."
        << "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|causes|asthma|negated"
        << "";
    QTest::newRow("a question asserts nothing")
        << "Does amoxicillin treat pneumonia? Amoxicillin treats pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|hedged;"
           "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("a verdict after the option's statement denies it")
        << "B) Amoxicillin treats asthma - This statement is not true."
        << "amoxicillin|treats|asthma|negated"
        << "";
    QTest::newRow("a verdict that the statement is true leaves it")
        << "B) Amoxicillin treats pneumonia: This statement is correct."
        << "amoxicillin|treats|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("the combination of A and B suggests W: A and B do")
        << "The combination of fever and cough suggests pneumonia."
        << "fever|indicates|community-acquired pneumonia|asserted;"
           "cough|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("including after a disease class lists its members")
        << "Amoxicillin is used to treat various lung diseases, including pneumonia and "
           "bronchitis."
        << "amoxicillin|treats|lung disease|asserted;"
           "community-acquired pneumonia|is_a|lung disease|asserted;"
           "acute bronchitis|is_a|lung disease|asserted;"
           "amoxicillin|treats|community-acquired pneumonia|asserted;"
           "amoxicillin|treats|acute bronchitis|asserted"
        << "";
    QTest::newRow("including after parts of a whole lists no members")
        << "Pneumonia can affect several organs, including the lung and the kidney."
        << ""
        << "";
    QTest::newRow("including after a vague class lists no members")
        << "Patients with medical conditions, including asthma and diabetes, need care."
        << ""
        << "";
    QTest::newRow("a disease class, specifically its member")
        << "Fever suggests a lung disease, specifically pneumonia."
        << "fever|indicates|lung disease|asserted;"
           "community-acquired pneumonia|is_a|lung disease|asserted;"
           "fever|indicates|community-acquired pneumonia|asserted"
        << "";
    QTest::newRow("specifically before a place names no member")
        << "Pneumonia is a lung disease, specifically in the lung."
        << "community-acquired pneumonia|is_a|lung disease|asserted"
        << "";
    QTest::newRow("an organ, specifically a disease, names no member")
        << "Cough is due to the lung, specifically asthma."
        << "asthma|causes|cough|asserted"
        << "";
    QTest::newRow("the features a disease presents with lead to what follows")
        << "Asthma presents with wheezing and cough, leading to chest pain."
        << "asthma|presents_with|wheezing|asserted;asthma|presents_with|cough|asserted;"
           "wheezing|causes|chest pain|asserted;cough|causes|chest pain|asserted"
        << "";
    QTest::newRow("a participle after a list of effects is said of every item")
        << "Asthma causes wheezing and cough, leading to chest pain."
        << "asthma|causes|wheezing|asserted;asthma|causes|cough|asserted;"
           "wheezing|causes|chest pain|asserted;cough|causes|chest pain|asserted"
        << "";
    QTest::newRow("a combination of A and B after a cue is its object")
        << "Asthma presents with a combination of wheezing and cough."
        << "asthma|presents_with|wheezing|asserted;asthma|presents_with|cough|asserted"
        << "";
    QTest::newRow("a diagnosis of X, a class that causes Y: X causes Y")
        << "It helps to confirm a diagnosis of pneumonia, a lung disease that causes cough."
        << "community-acquired pneumonia|is_a|lung disease|asserted;"
           "community-acquired pneumonia|causes|cough|asserted"
        << "";
    QTest::newRow("an apposition's class noun ends before a participle cue")
        << "The likely diagnosis is bronchitis, a lung disease caused by asthma."
        << "acute bronchitis|is_a|lung disease|asserted;asthma|causes|acute bronchitis|asserted"
        << "";
    QTest::newRow("a possible finding in W: the cue hedges itself")
        << "Fever is a possible finding in pneumonia."
        << "community-acquired pneumonia|presents_with|fever|hedged"
        << "";
    QTest::newRow("a fronted given phrase is evidence for the disease weighed")
        << "Given the fever and cough, pneumonia is a likely diagnosis."
        << "fever|evidential|community-acquired pneumonia|hedged;"
           "cough|evidential|community-acquired pneumonia|hedged"
        << "diagnosis";
    QTest::newRow("a fronted given phrase: a contrast after the disease is not its denial")
        << "Given the wheezing, it is more likely that she has asthma rather than pneumonia."
        << "wheezing|evidential|asthma|hedged"
        << "";
    QTest::newRow("a fronted given phrase: a main clause that weighs nothing")
        << "Given the fever, pneumonia needs a chest radiograph."
        << ""
        << "";
    QTest::newRow("severe cases of W are W")
        << "Albuterol is a treatment for severe cases of asthma."
        << "albuterol|treats|asthma|asserted"
        << "";
    QTest::newRow("a denial and a qualifier's degree are no distance to the cue")
        << "A) Albuterol: This is a bronchodilator, but it is not the most appropriate "
           "treatment for pneumonia."
        << "albuterol|treats|community-acquired pneumonia|negated"
        << "bronchodilator";
    QTest::newRow("a rank is distance: the most likely underlying cause")
        << "Given the history of fever and cough, the most likely underlying cause is asthma."
        << "fever|evidential|asthma|hedged;cough|evidential|asthma|hedged"
        << "";
    QTest::newRow("a defining clause places the condition in its organ")
        << "Pneumonia is a serious condition where fluid fills the alveoli of the lung."
        << "community-acquired pneumonia|localizes_to|lung|asserted"
        << "serious condition";
    QTest::newRow("a defining clause after an item label, with no cue")
        << "B) Asthma: This occurs when the airways of the lung narrow."
        << "asthma|localizes_to|lung|asserted"
        << "";
    QTest::newRow("a defining clause after a relative pronoun and in an apposition")
        << "Bronchitis, which is a disease in which the lung airways swell, and asthma, a "
           "condition where the kidney is spared."
        << "acute bronchitis|localizes_to|lung|asserted;asthma|localizes_to|kidney|asserted"
        << "";
    QTest::newRow("an organ outside of which something happens is no place")
        << "Asthma is a condition where cells grow outside the lung."
        << ""
        << "";
    QTest::newRow("a plural class opening the text")
        << "These are antibiotics used to treat pneumonia."
        << ""
        << "antibiotics";
    QTest::newRow("a likely cause of: the likelihood bridges the copula and hedges")
        << "Pneumonia is a likely cause of fever."
        << "community-acquired pneumonia|causes|fever|hedged"
        << "";
    QTest::newRow("a disease of an organ localizes there, also with no cue")
        << "Pneumonia of the lung. Fever suggests asthma in the lung."
        << "community-acquired pneumonia|localizes_to|lung|asserted;"
           "fever|indicates|asthma|asserted;asthma|localizes_to|lung|asserted"
        << "";
    QTest::newRow("a disease of an organ, ranked: hedged")
        << "The most likely diagnosis is pneumonia of the lung."
        << "community-acquired pneumonia|localizes_to|lung|hedged"
        << "";
    QTest::newRow("a symptom of an organ is one finding, no place claim")
        << "Wheezing in the lung and fever."
        << ""
        << "";
    QTest::newRow("the patient's age before the evidence is no item of it")
        << "A) Pneumonia: This is a possibility given the patient's age, the fever and cough."
        << "fever|evidential|community-acquired pneumonia|hedged;"
           "cough|evidential|community-acquired pneumonia|hedged"
        << "";
    QTest::newRow("a diagnosis of a class, specifically a member")
        << "The findings suggest a diagnosis of lung disease, specifically pneumonia."
        << "community-acquired pneumonia|is_a|lung disease|asserted"
        << "";
    QTest::newRow("a gloss between a class and its examples")
        << "Fever suggests a lung disease (LD), such as pneumonia or bronchitis."
        << "fever|indicates|lung disease|asserted;"
           "community-acquired pneumonia|is_a|lung disease|asserted;"
           "acute bronchitis|is_a|lung disease|asserted;"
           "fever|indicates|community-acquired pneumonia|asserted;"
           "fever|indicates|acute bronchitis|asserted"
        << "";
    QTest::newRow("an effect and a subsequent one: the first causes the second")
        << "Asthma can cause wheezing and subsequent chest pain."
        << "asthma|causes|wheezing|asserted;asthma|causes|chest pain|asserted;"
           "wheezing|causes|chest pain|asserted"
        << "";
    QTest::newRow("a second predicate of an apposition's relative clause is not the subject's")
        << "Asthma is a lung disease of the kidney, a structure that sits in the back and "
           "causes wheezing."
        << "asthma|is_a|lung disease|asserted;asthma|localizes_to|kidney|asserted;"
           "lung disease|localizes_to|kidney|asserted"
        << "";
    QTest::newRow("a second predicate of the predicate noun's relative clause is the subject's")
        << "Asthma is a lung disease that affects the lung and causes wheezing."
        << "asthma|is_a|lung disease|asserted;asthma|localizes_to|lung|asserted;"
           "asthma|causes|wheezing|asserted"
        << "";
    QTest::newRow("item label list") << "A) Fever, cough and rash: These suggest pneumonia."
                                     << "fever|indicates|community-acquired pneumonia|asserted;"
                                        "cough|indicates|community-acquired pneumonia|asserted;"
                                        "rash|indicates|community-acquired pneumonia|asserted"
                                     << "";
}

void TestClaimExtractor::extract() {
    QFETCH(QString, text);
    QFETCH(QString, claims);
    QFETCH(QString, gaps);
    const Result r = run(text.toStdString());
    QCOMPARE(r.claims, claims);
    QCOMPARE(r.gaps, gaps);
}

void TestClaimExtractor::pattern_data() {
    // Each claim names the construction it was read from (docs/error-classes.md, Extraction):
    // "head|relation|tail|pattern" per claim.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("claims");
    QTest::newRow("direct") << "Amoxicillin treats pneumonia."
                            << "amoxicillin|treats|community-acquired pneumonia|direct";
    QTest::newRow("second predicate") << "Amoxicillin treats pneumonia and can cause rash."
                                      << "amoxicillin|treats|community-acquired pneumonia|direct;"
                                         "amoxicillin|causes|rash|second_predicate";
    QTest::newRow("coordination of heads")
        << "Amoxicillin and azithromycin treat pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|coordination;"
           "azithromycin|treats|community-acquired pneumonia|coordination";
    QTest::newRow("coordination of tails")
        << "Pneumonia presents with fever and cough."
        << "community-acquired pneumonia|presents_with|fever|coordination;"
           "community-acquired pneumonia|presents_with|cough|coordination";
    QTest::newRow("relative clause on the predicate noun")
        << "Albuterol is a beta agonist used to treat asthma."
        << "albuterol|treats|asthma|relative_clause";
    QTest::newRow("relative clause on the subject")
        << "Pneumonia, which presents with cough, is treated with amoxicillin."
        << "community-acquired pneumonia|presents_with|cough|direct;"
           "amoxicillin|treats|community-acquired pneumonia|relative_clause";
    QTest::newRow("apposition") << "Albuterol - a bronchodilator that can treat asthma."
                                << "albuterol|treats|asthma|apposition";
    QTest::newRow("causal chain")
        << "Asthma is common, causing wheezing and leading to cough."
        << "asthma|causes|wheezing|direct;wheezing|causes|cough|causal_chain";
    QTest::newRow("action effect")
        << "Albuterol treats asthma, leading to cough."
        << "albuterol|treats|asthma|direct;albuterol|causes|cough|action_effect";
    QTest::newRow("item label") << "B) Asthma: This condition is typically treated with albuterol."
                                << "albuterol|treats|asthma|item_label";
    QTest::newRow("item label in a later clause")
        << "B) Amoxicillin: This treats pneumonia, but it does not treat asthma."
        << "amoxicillin|treats|community-acquired pneumonia|item_label;"
           "amoxicillin|treats|asthma|item_label";
    QTest::newRow("item label list") << "A) Fever and rash: These suggest pneumonia."
                                     << "fever|indicates|community-acquired pneumonia|item_label;"
                                        "rash|indicates|community-acquired pneumonia|item_label";
    QTest::newRow("such as: listed after a class")
        << "Pneumonia presents with a range of symptoms, including fever and cough."
        << "community-acquired pneumonia|presents_with|fever|such_as;"
           "community-acquired pneumonia|presents_with|cough|such_as";
    QTest::newRow("copular") << "Fever is a common symptom of pneumonia."
                             << "community-acquired pneumonia|presents_with|fever|copular";
    QTest::newRow("copular to a treatment")
        << "Amoxicillin is an effective treatment for pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|copular";
    QTest::newRow("item label over a copular bridge")
        << "B) Amoxicillin: This is an effective treatment for pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|item_label";
    QTest::newRow("one cue noun is direct")
        << "Amoxicillin is a treatment for pneumonia."
        << "amoxicillin|treats|community-acquired pneumonia|direct";
}

void TestClaimExtractor::pattern() {
    QFETCH(QString, text);
    QFETCH(QString, claims);
    const std::string t = text.toStdString();
    const auto out = ClaimExtractor(lexicon_).extract(t, StepSegmenter::segment(t), kb_.link(t));
    QStringList got;
    for (const Claim& c : out.claims)
        got << QStringLiteral("%1|%2|%3|%4")
                   .arg(QString::fromStdString(std::string(kb_.nodeName(c.head))),
                        QString::fromStdString(c.relation),
                        QString::fromStdString(std::string(kb_.nodeName(c.tail))),
                        QString::fromLatin1(toString(c.pattern)));
    QCOMPARE(got.join(';'), claims);
}

void TestClaimExtractor::claimOffsetsAndSteps() {
    const std::string text =
        "1. Fever and cough.\n2. Fever due to pneumonia is common. Insulin treats type 1 diabetes.";
    const auto steps = StepSegmenter::segment(text);
    QCOMPARE(steps.size(), std::size_t(2));
    const auto out = ClaimExtractor(lexicon_).extract(text, steps, kb_.link(text));
    QCOMPARE(out.claims.size(), std::size_t(2));
    const Claim& c = out.claims[0];
    QCOMPARE(c.step, 1);
    QCOMPARE(c.cue, std::string("due to"));
    QCOMPARE(text.substr(c.begin, c.end - c.begin),
             std::string("2. Fever due to pneumonia is common."));
    QCOMPARE(text.substr(c.phraseBegin, c.phraseEnd - c.phraseBegin),
             std::string("Fever due to pneumonia"));
    const Claim& d = out.claims[1];
    QCOMPARE(d.step, 1);
    QCOMPARE(text.substr(d.begin, d.end - d.begin), std::string("Insulin treats type 1 diabetes."));
    QCOMPARE(text.substr(d.phraseBegin, d.phraseEnd - d.phraseBegin),
             std::string("Insulin treats type 1 diabetes"));
}

void TestClaimExtractor::gapSettingBoundsClaims() {
    const std::string text = "Amoxicillin is often reliably used to treat pneumonia.";
    QCOMPARE(run(text).claims,
             QStringLiteral("amoxicillin|treats|community-acquired pneumonia|asserted"));
    ClaimSettings tight;
    tight.maxGapTokens = 2;
    QCOMPARE(run(text, tight).claims, QString());
}

void TestClaimExtractor::oddInput_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only cue") << QByteArray("treats");
    QTest::newRow("cue at end") << QByteArray("Amoxicillin treats");
    QTest::newRow("cue at start") << QByteArray("treated with amoxicillin");
    QTest::newRow("invalid utf8") << QByteArray("Amoxicillin \xff\xfe treats \xc3 pneumonia.");
    QTest::newRow("punctuation storm") << QByteArray(",,;; .. treats ;; due to ,, .");
    // Constructions cut off at the end of the text: each reads a token or a separator past
    // its last word only within bounds.
    QTest::newRow("copular process cut off") << QByteArray("Asthma is the zzz");
    QTest::newRow("defining clause cut off") << QByteArray("Asthma is a condition where");
    QTest::newRow("sequel cut off") << QByteArray("Asthma causes wheezing and subsequent");
    QTest::newRow("label pronoun cut off") << QByteArray("A) Asthma: These are");
    QTest::newRow("patient item cut off") << QByteArray("Fever suggests the patient's age,");
    QTest::newRow("long repetition")
        << QByteArray("amoxicillin treats pneumonia due to fever ").repeated(5000);
}

void TestClaimExtractor::oddInput() {
    QFETCH(QByteArray, text);
    const std::string t = text.toStdString();
    const auto out = ClaimExtractor(lexicon_).extract(t, StepSegmenter::segment(t), kb_.link(t));
    for (const Claim& c : out.claims) {
        QVERIFY(c.begin <= c.end && c.end <= t.size());
        QVERIFY(c.phraseBegin < c.phraseEnd && c.phraseEnd <= t.size());
        QVERIFY(c.head != kNoNode && c.tail != kNoNode && c.head != c.tail);
    }
    for (const CoverageGap& g : out.gaps)
        QVERIFY(g.begin < g.end && g.end <= t.size());
    if (text.startsWith("amoxicillin treats pneumonia due to"))
        QCOMPARE(out.claims.size(), std::size_t(5000 * 2)); // "treats" and "due to" per repetition
}

QString TestClaimExtractor::claimsWith(const Lexicon& lexicon, const std::string& text) const {
    const auto out = ClaimExtractor(lexicon, {}, &kb_)
                         .extract(text, StepSegmenter::segment(text), kb_.link(text));
    QStringList claims;
    for (const Claim& c : out.claims)
        claims << QStringLiteral("%1|%2|%3|%4")
                      .arg(QString::fromStdString(std::string(kb_.nodeName(c.head))),
                           QString::fromStdString(c.relation),
                           QString::fromStdString(std::string(kb_.nodeName(c.tail))),
                           QString::fromLatin1(toString(c.polarity)));
    return claims.join(';');
}

void TestClaimExtractor::cueHoldingItsNegation() {
    // "the lab results do not support this diagnosis": the shipped lexicon has evidential
    // cues that hold their own "not"; the claim is denied.
    Lexicon lexicon = test::clinicLexicon();
    lexicon.addRelationCue("evidential", CueDirection::Forward, "does not support");
    lexicon.addRelationCue("evidential", CueDirection::Forward, "further supports");
    QCOMPARE(claimsWith(lexicon, "Fever does not support asthma."),
             QStringLiteral("fever|evidential|asthma|negated"));
    QCOMPARE(claimsWith(lexicon, "Fever further supports asthma."),
             QStringLiteral("fever|evidential|asthma|asserted"));
}

void TestClaimExtractor::examplesOfRiskFactors() {
    // "risk factors for stroke, including diabetes": the examples raise the risk of the
    // noun's object, read through the reverse cue of its relation. Without one, "such as"
    // keeps its own reading and makes them members of the class stroke: the shipped lexicon
    // had no reverse risk_factor_for cue until it gained "risk is increased by".
    Lexicon lexicon = test::clinicLexicon();
    lexicon.addRelationCue("risk_factor_for", CueDirection::Forward, "risk factors for");
    const std::string text = "He has risk factors for asthma, such as fever and cough.";
    QCOMPARE(claimsWith(lexicon, text),
             QStringLiteral("fever|is_a|asthma|asserted;cough|is_a|asthma|asserted"));
    lexicon.addRelationCue("risk_factor_for", CueDirection::Reverse, "risk is increased by");
    QCOMPARE(claimsWith(lexicon, text), QStringLiteral("fever|risk_factor_for|asthma|asserted;"
                                                       "cough|risk_factor_for|asthma|asserted"));
}

void TestClaimExtractor::relativeAfterActionTarget() {
    // "Atorvastatin inhibits HMG-CoA reductase, which leads to a decrease in ...": a relative
    // clause after what a drug acts on is the action's effect; after a disease the drug
    // prevents, it is the disease's.
    Lexicon lexicon = test::clinicLexicon();
    lexicon.addRelationCue("targets", CueDirection::Forward, "inhibits");
    QCOMPARE(claimsWith(lexicon, "Albuterol inhibits INSR, which causes wheezing."),
             QStringLiteral("albuterol|targets|INSR|asserted;albuterol|causes|wheezing|asserted"));
    QCOMPARE(claimsWith(lexicon, "Amoxicillin prevents pneumonia, which causes fever."),
             QStringLiteral("amoxicillin|prevents|community-acquired pneumonia|asserted;"
                            "community-acquired pneumonia|causes|fever|asserted"));
}

QTEST_APPLESS_MAIN(TestClaimExtractor)
#include "tst_claimextractor.moc"
