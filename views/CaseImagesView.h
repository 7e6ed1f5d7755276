#pragma once
// The image view dock's content for the current case: a chooser when the case has several
// images, the image with its boxes (ImageView), the box list beside it, a slice slider for
// volumes, orientation, reset and PNG export. A case without images says so; images that
// are missing or cannot be read are listed with the reason while the others still show.
#include "Case.h"
#include "CaseResult.h"

#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QSlider;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace rs {

namespace imaging {
struct ImageVolume;
}
class BoxListModel;
class ImageView;

class CaseImagesView : public QWidget {
    Q_OBJECT
public:
    explicit CaseImagesView(QWidget* parent = nullptr);
    ~CaseImagesView() override;

    // result: the case's analysed result, when there is one (its grounding findings mark
    // their boxes, its image problems are listed).
    void setCase(const Case& c, const CaseResult* result = nullptr);
    void clear();

    // Shows image `index` of the current case.
    void showImage(int index);
    int currentImage() const { return current_; }
    // Image path -> why it cannot be shown, for the current case.
    QStringList problems() const;

    ImageView* imageView() const { return view_; }
    BoxListModel* boxModel() const { return boxes_; }
    QTableView* boxTable() const { return table_; }
    QSlider* sliceSlider() const { return slider_; }

    // The current picture with its boxes as a PNG; false when there is nothing or it
    // cannot be written.
    bool exportPng(const QString& path);

private:
    void updateProblems();
    void updateSliceControls();

    QStackedWidget* stack_ = nullptr;
    QLabel* emptyState_ = nullptr;
    QComboBox* chooser_ = nullptr;
    QComboBox* orientation_ = nullptr;
    QToolButton* reset_ = nullptr;
    QToolButton* export_ = nullptr;
    QLabel* info_ = nullptr;
    QLabel* problemsLabel_ = nullptr;
    ImageView* view_ = nullptr;
    BoxListModel* boxes_ = nullptr;
    QTableView* table_ = nullptr;
    QSlider* slider_ = nullptr;
    QLabel* sliceLabel_ = nullptr;

    Case case_;
    CaseResult result_; // empty when the case has none
    int current_ = -1;
    std::map<int, QString> problems_; // image index -> reason
    std::map<std::string, std::shared_ptr<const imaging::ImageVolume>>
        cache_; // path -> read volume, current case only
};

} // namespace rs
