#include "PredictionExtractor.h"

#include <QtTest>

class TestPredictionExtractor : public QObject {
    Q_OBJECT
private slots:
    void withOptions_data();
    void withOptions();
    void freeText_data();
    void freeText();
};

namespace {
const std::vector<rs::AnswerOption> kOptions = {{"A", "Insulin"},
                                                {"B", "Metformin"},
                                                {"C", "Glipizide"},
                                                {"D", "Lactose-fermenting, gram-negative rods"},
                                                {"E", "Pyrantel pamoate"}};
}

void TestPredictionExtractor::withOptions_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("label"); // expected option label, empty for none
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("ambiguous");

    QTest::newRow("letter") << "B"
                            << "B"
                            << "short-answer" << false;
    QTest::newRow("letter dot, padded") << " B."
                                        << "B"
                                        << "short-answer" << false;
    QTest::newRow("letter and text") << "D) Lactose-fermenting, gram-negative rods."
                                     << "D"
                                     << "short-answer" << false;
    QTest::newRow("bare letters as alternatives") << " B or C."
                                                  << ""
                                                  << "short-answer" << true;
    QTest::newRow("letters in a list") << "A, D"
                                       << ""
                                       << "short-answer" << true;
    QTest::newRow("cue then either or")
        << "Both fit the labs.\nThe answer is either (B) or (C), depending on the anion gap."
        << ""
        << "answer-cue" << true;
    QTest::newRow("letter then the article A") << "B) A biguanide"
                                               << "B"
                                               << "short-answer" << false;
    QTest::newRow("two options in a short answer") << "C) Glipizide and E) Pyrantel pamoate."
                                                   << ""
                                                   << "short-answer" << true;
    QTest::newRow("answer is X) text") << "The rash suggests...\n\nTherefore, the correct answer "
                                          "is D) Lactose-fermenting, gram-negative rods."
                                       << "D"
                                       << "answer-cue" << false;
    QTest::newRow("Answer: X on its own line") << "First, consider the renal function.\nAnswer: C"
                                               << "C"
                                               << "answer-cue" << false;
    QTest::newRow("markdown bold") << "Long reasoning here.\n\n**Answer:** (B)"
                                   << "B"
                                   << "answer-cue" << false;
    QTest::newRow("option word") << "Weighing all of this, the best option is option E."
                                 << "E"
                                 << "answer-cue" << false;
    QTest::newRow("lower case in parentheses") << "Putting it together, the answer is (c)."
                                               << "C"
                                               << "answer-cue" << false;
    QTest::newRow("boxed") << "So the final answer is \\boxed{A}."
                           << "A"
                           << "answer-cue" << false;
    QTest::newRow("capital then because")
        << "Renal function is normal.\nThe answer is B because it lowers hepatic glucose output."
        << "B"
        << "answer-cue" << false;
    QTest::newRow("option text after the cue")
        << "Given the renal function, the answer is metformin, started at a low dose."
        << "B"
        << "answer-cue" << false;
    QTest::newRow("i would choose")
        << "The glucose is very high.\nBetween these, I would choose (A) insulin."
        << "A"
        << "answer-cue" << false;
    QTest::newRow("the last statement wins")
        << "At first glance the answer is B. However, the creatinine is high, so the answer is C."
        << "C"
        << "answer-cue" << false;
    QTest::newRow("a later cue without a letter is skipped")
        << "The answer is D.\nThis answer is consistent with current guidelines."
        << "D"
        << "answer-cue" << false;
    QTest::newRow("article a is not option A") << "The answer is a sulfonylurea, which stimulates "
                                                  "insulin release, rather than metformin alone."
                                               << ""
                                               << "" << false;
    QTest::newRow("letter that is no option") << "After review the answer is F."
                                              << ""
                                              << "" << false;
    QTest::newRow("final statement names two options")
        << "Albendazole is contraindicated.\n\nAnswer: The alternative is C) Glipizide or E) "
           "Pyrantel pamoate."
        << ""
        << "answer-cue" << true;
    QTest::newRow("a list of options at the end")
        << "The findings that could contribute are:\n\nC) Glipizide\nD) Lactose-fermenting, "
           "gram-negative rods\nE) "
           "Pyrantel pamoate"
        << ""
        << "last-line" << true;
    QTest::newRow("conclusion: marker and its own text")
        << "A) Insulin - not needed yet.\n\nBased on the findings, the most likely culprit is C) "
           "Glipizide."
        << "C"
        << "conclusion" << false;
    QTest::newRow("conclusion: text then letter")
        << "Each option was weighed.\nThe most appropriate drug for this patient is metformin (B)."
        << "B"
        << "conclusion" << false;
    QTest::newRow("conclusion: worded letter")
        << "Each option was weighed.\nThe best fit is option E, pyrantel."
        << "E"
        << "conclusion" << false;
    QTest::newRow("conclusion skips rejecting sentences")
        << "Reasoning.\nInsulin (option A) is used later, but not now. The drug to start is "
           "metformin (B)."
        << "B"
        << "conclusion" << false;
    QTest::newRow("conclusion naming two options")
        << "Reasoning.\nThe most likely drug is either B) Metformin or C) Glipizide."
        << ""
        << "conclusion" << true;
    QTest::newRow("last line rejecting an option")
        << "Reasoning.\nPyrantel pamoate (option E) is used for pinworm, but the patient has "
           "diabetes."
        << ""
        << "" << false;
    QTest::newRow("an evaluation line is not a conclusion")
        << "B) Metformin is the usual start.\n\nOption E) Pyrantel pamoate is an anthelmintic."
        << ""
        << "last-line" << true;
    QTest::newRow("verdict after the letter")
        << "Option B is the correct answer.\nThe other drugs are second line or unrelated."
        << "B"
        << "answer-cue" << false;
    QTest::newRow("last line starts with a marker")
        << "Reasoning about each option.\n\nB) Metformin"
        << "B"
        << "last-line" << false;
    QTest::newRow("last line is an option text") << "Reasoning about each option.\nMetformin"
                                                 << "B"
                                                 << "last-line" << false;
    QTest::newRow("no answer at all")
        << "The patient should be counselled about diet and exercise first."
        << ""
        << "" << false;
    QTest::newRow("empty") << ""
                           << ""
                           << "" << false;
    QTest::newRow("short sentence ending in an option text")
        << "Between these, I would choose (A) insulin."
        << "A"
        << "short-answer" << false;
    QTest::newRow("a critique, not an answer") << "critique: The reasoning is thorough, arriving "
                                                  "at the correct answer.\nobj_1: 100\nobj_2: 90"
                                               << ""
                                               << "" << false;
}

void TestPredictionExtractor::withOptions() {
    QFETCH(QString, text);
    QFETCH(QString, label);
    QFETCH(QString, rule);
    QFETCH(bool, ambiguous);
    const rs::ExtractedAnswer a = rs::extractAnswer(kOptions, text.toStdString());
    const QString got =
        a.option >= 0 ? QString::fromStdString(kOptions[std::size_t(a.option)].label) : QString();
    QCOMPARE(got, label);
    QCOMPARE(QString::fromStdString(a.rule), rule);
    QCOMPARE(a.ambiguous, ambiguous);
}

void TestPredictionExtractor::freeText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("answer");
    QTest::newRow("short answer as it is") << "Pulmonary embolism"
                                           << "Pulmonary embolism";
    QTest::newRow("one line with a cue") << "The final answer is pulmonary embolism. Start heparin."
                                         << "pulmonary embolism";
    QTest::newRow("sentence after the cue") << "D-dimer is raised and the leg is swollen.\nThe "
                                               "final answer is pulmonary embolism. Start heparin."
                                            << "pulmonary embolism";
    QTest::newRow("bold answer") << "Reasoning.\n**Answer:** Kawasaki disease"
                                 << "Kawasaki disease";
    QTest::newRow("nothing stated") << "The picture fits several conditions.\nMore tests are "
                                       "needed before anything can be said."
                                    << "";
}

void TestPredictionExtractor::freeText() {
    QFETCH(QString, text);
    QFETCH(QString, answer);
    const rs::ExtractedAnswer a = rs::extractAnswer({}, text.toStdString());
    QCOMPARE(a.option, -1);
    QCOMPARE(QString::fromStdString(a.text), answer);
}

QTEST_APPLESS_MAIN(TestPredictionExtractor)
#include "tst_predictionextractor.moc"
