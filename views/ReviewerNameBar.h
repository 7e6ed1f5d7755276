#pragma once
// Who is reviewing, asked in the review panel itself rather than in a popup over it: a
// name field (required before the first verdict) and an optional role, with a line that
// says where the name goes: into every verdict in the project file and into the reports;
// this computer's settings remember it for the next session.
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace rs {

class ReviewerNameBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ReviewerNameBar)
public:
    static constexpr const char* kName = "reviewerName";
    static constexpr const char* kRole = "reviewerRole";

    explicit ReviewerNameBar(QWidget* parent = nullptr);

    // Shows a name and role without emitting changed().
    void setReviewer(const QString& name, const QString& role);
    // The name and role as shown cannot be edited any more; why replaces the note.
    void setFixed(const QString& why);
    // Puts the cursor into the name field and says why (a verdict waits for a name).
    void askForName(const QString& why);

signals:
    // The reviewer confirmed a name (Enter in either field, or leaving them).
    void changed(const QString& name, const QString& role);

private:
    void commit();
    void showState();

    QLineEdit* name_ = nullptr;
    QComboBox* role_ = nullptr;
    QLabel* note_ = nullptr;
    QString committedName_, committedRole_, fixedWhy_;
};

} // namespace rs
