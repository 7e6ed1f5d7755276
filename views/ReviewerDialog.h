#pragma once
// Asks who is reviewing: a name (required) and an optional role (physician, developer,
// ...). Every verdict records both.
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace rs {

class ReviewerDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY(ReviewerDialog)
public:
    explicit ReviewerDialog(QWidget* parent = nullptr);
    void setReviewer(const QString& name, const QString& role);
    QString name() const;
    QString role() const;

    // Shows the dialog; false when cancelled. name and role are in/out.
    static bool ask(QWidget* parent, QString* name, QString* role);

private:
    QLineEdit* name_ = nullptr;
    QComboBox* role_ = nullptr;
};

} // namespace rs
