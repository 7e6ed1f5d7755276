#pragma once
// One question answered by two runs, read side by side: the base run's output on the left,
// the head run's on the right, each an InstanceView with its findings marked, under a
// header that names the run, its answer and whether it was right. The window shows it in
// compare mode in place of the single instance view.
#include "Case.h"
#include "CaseResult.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace rs {

class InstanceView;

class ComparisonInstanceView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ComparisonInstanceView)

public:
    explicit ComparisonInstanceView(QWidget* parent = nullptr);
    ~ComparisonInstanceView() override;

    // One side of the comparison: the case, its result (nullptr: not analysed), the run.
    struct Side {
        const Case* data = nullptr; // nullptr: the run did not answer this question
        const CaseResult* result = nullptr;
        QString runLabel;
    };
    void showPair(const Side& base, const Side& head);
    // Back to the empty state ("Select a question to compare its two answers").
    void clear();
    bool isEmptyState() const;

    InstanceView* baseView() const { return base_; }
    InstanceView* headView() const { return head_; }
    // "gpt-4/zhou-01 · answered B (right) · 2 findings", plain text.
    QString baseHeader() const;
    QString headHeader() const;

signals:
    // A finding picked on one side: head false for the base, index into its findings.
    void findingSelected(bool head, int index);

private:
    static QString headerFor(const Side& side);

    QStackedWidget* stack_ = nullptr;
    QLabel* empty_ = nullptr;
    QLabel* baseHeader_ = nullptr;
    QLabel* headHeader_ = nullptr;
    InstanceView* base_ = nullptr;
    InstanceView* head_ = nullptr;
};

} // namespace rs
