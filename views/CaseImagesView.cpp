#include "CaseImagesView.h"

#include "BoxListModel.h"
#include "ImageFileCheck.h"
#include "ImageReader.h"
#include "ImageView.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rs {

CaseImagesView::CaseImagesView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    stack_ = new QStackedWidget(this);
    outer->addWidget(stack_);

    emptyState_ = new QLabel(tr("This case has no images"), stack_);
    emptyState_->setObjectName("imagesEmptyState");
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setStyleSheet("color: #666; font-size: 14px;");
    stack_->addWidget(emptyState_);

    auto* page = new QWidget(stack_);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    chooser_ = new QComboBox(page);
    chooser_->setObjectName("imageChooser");
    chooser_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    chooser_->setMinimumContentsLength(16);
    bar->addWidget(chooser_, 1);
    orientation_ = new QComboBox(page);
    orientation_->setObjectName("orientation");
    orientation_->addItems({tr("Axial"), tr("Coronal"), tr("Sagittal"), tr("3D outline")});
    bar->addWidget(orientation_);
    reset_ = new QToolButton(page);
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Whole image, default window/level (R)"));
    bar->addWidget(reset_);
    export_ = new QToolButton(page);
    export_->setText(tr("Export PNG\u2026"));
    bar->addWidget(export_);
    bar->addStretch(1);
    column->addLayout(bar);

    problemsLabel_ = new QLabel(page);
    problemsLabel_->setObjectName("imageProblems");
    problemsLabel_->setWordWrap(true);
    problemsLabel_->setStyleSheet("color: #a33;");
    problemsLabel_->hide();
    column->addWidget(problemsLabel_);

    auto* split = new QSplitter(Qt::Horizontal, page);
    auto* left = new QWidget(split);
    auto* leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    view_ = new ImageView(left);
    view_->setObjectName("imageView");
    leftColumn->addWidget(view_, 1);
    auto* sliceRow = new QHBoxLayout;
    slider_ = new QSlider(Qt::Horizontal, left);
    slider_->setObjectName("sliceSlider");
    sliceLabel_ = new QLabel(left);
    sliceRow->addWidget(slider_, 1);
    sliceRow->addWidget(sliceLabel_);
    leftColumn->addLayout(sliceRow);
    info_ = new QLabel(left);
    info_->setStyleSheet("color: #555;");
    leftColumn->addWidget(info_);
    split->addWidget(left);

    boxes_ = new BoxListModel(this);
    table_ = new QTableView(split);
    table_->setObjectName("boxList");
    table_->setModel(boxes_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMinimumWidth(180);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    column->addWidget(split, 1);
    stack_->addWidget(page);

    connect(chooser_, &QComboBox::currentIndexChanged, this, [this](int i) { showImage(i); });
    connect(orientation_, &QComboBox::currentIndexChanged, this, [this](int i) {
        view_->setOrientation(ImageView::Orientation(i));
        updateSliceControls();
    });
    connect(reset_, &QToolButton::clicked, view_, &ImageView::resetView);
    connect(export_, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export image"), QString(),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            info_->setText(tr("Cannot write %1").arg(path));
    });
    connect(slider_, &QSlider::valueChanged, view_, &ImageView::setSlice);
    connect(view_, &ImageView::sliceChanged, this, [this](int s) {
        const QSignalBlocker block(slider_);
        slider_->setValue(s);
        sliceLabel_->setText(tr("%1 / %2").arg(s + 1).arg(view_->sliceCount()));
    });
    connect(view_, &ImageView::windowLevelChanged, this, [this](double w, double l) {
        QString text = info_->property("base").toString();
        info_->setText(text +
                       tr("  \u2022  window %1, level %2").arg(w, 0, 'g', 4).arg(l, 0, 'g', 4));
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                view_->setHighlightedBox(current.isValid() ? current.row() : -1);
            });
    clear();
}

CaseImagesView::~CaseImagesView() = default;

void CaseImagesView::clear() {
    case_ = Case();
    result_ = CaseResult();
    problems_.clear();
    cache_.clear();
    current_ = -1;
    view_->setImage(nullptr, {});
    boxes_->setBoxes({});
    stack_->setCurrentWidget(emptyState_);
}

void CaseImagesView::setCase(const Case& c, const CaseResult* result) {
    clear();
    case_ = c;
    if (result)
        result_ = *result;
    if (case_.images.empty())
        return;
    // Problems the analysis already found (missing files); the reader adds its own.
    for (std::size_t i = 0; i < result_.images.size() && i < case_.images.size(); ++i)
        if (!result_.images[i].problem.empty())
            problems_[int(i)] = QString::fromStdString(result_.images[i].problem);
    // A quick look at every image (exists, readable, known format) so that missing files are
    // listed at once; the reader adds deeper problems when an image is opened.
    for (std::size_t i = 0; i < case_.images.size(); ++i)
        if (!problems_.count(int(i)))
            if (const std::string why = imageFileProblem(case_.images[i].path); !why.empty())
                problems_[int(i)] = QString::fromStdString(why);
    stack_->setCurrentIndex(1);
    {
        const QSignalBlocker block(chooser_);
        chooser_->clear();
        for (std::size_t i = 0; i < case_.images.size(); ++i) {
            const ImageRef& im = case_.images[i];
            QString name = QFileInfo(QString::fromStdString(im.path)).fileName();
            if (!im.modality.empty())
                name += QStringLiteral(" (%1)").arg(QString::fromStdString(im.modality));
            chooser_->addItem(name);
        }
        chooser_->setVisible(case_.images.size() > 1);
    }
    // The first image that can be shown.
    int first = 0;
    while (first < int(case_.images.size()) && problems_.count(first))
        ++first;
    showImage(first < int(case_.images.size()) ? first : 0);
}

void CaseImagesView::showImage(int index) {
    if (index < 0 || index >= int(case_.images.size()))
        return;
    current_ = index;
    {
        const QSignalBlocker block(chooser_);
        chooser_->setCurrentIndex(index);
    }
    const ImageRef& ref = case_.images[std::size_t(index)];
    std::shared_ptr<const imaging::ImageVolume> volume;
    if (auto it = cache_.find(ref.path); it != cache_.end()) {
        volume = it->second;
    } else if (!problems_.count(index)) {
        imaging::ImageReadResult r = imaging::readImage(ref.path);
        if (r.ok())
            volume = std::make_shared<const imaging::ImageVolume>(std::move(r.volume));
        else
            problems_[index] = QString::fromStdString(r.error);
        cache_[ref.path] = volume;
    }
    // Which boxes the analysis flagged, to mark them in the list.
    std::vector<QString> flagged(ref.boxes.size());
    for (const CaseResult::Finding& f : result_.findings)
        if (f.readable && f.type == FindingType::Grounding && f.image == index && f.box >= 0 &&
            f.box < int(flagged.size()))
            flagged[std::size_t(f.box)] = QString::fromStdString(f.explanation);
    boxes_->setBoxes(ref.boxes, std::move(flagged));
    table_->resizeColumnsToContents();
    view_->setImage(volume, ref.boxes);
    {
        const QSignalBlocker block(orientation_);
        orientation_->setCurrentIndex(int(view_->orientation()));
        orientation_->setVisible(volume && volume->isVolume());
    }
    QString base;
    if (volume) {
        base = tr("%1 %2\u00d7%3")
                   .arg(QString::fromStdString(volume->format))
                   .arg(volume->dims[0])
                   .arg(volume->dims[1]);
        if (volume->isVolume())
            base += tr("\u00d7%1").arg(volume->dims[2]);
        if (!volume->modality.empty())
            base += QStringLiteral(" ") + QString::fromStdString(volume->modality);
        for (const std::string& note : volume->notes)
            base += QStringLiteral("  \u2022  ") + QString::fromStdString(note);
    }
    info_->setProperty("base", base);
    info_->setText(base);
    export_->setEnabled(volume != nullptr);
    reset_->setEnabled(volume != nullptr);
    updateSliceControls();
    updateProblems();
}

void CaseImagesView::updateSliceControls() {
    const int n = view_->sliceCount();
    const QSignalBlocker block(slider_);
    slider_->setRange(0, std::max(0, n - 1));
    slider_->setValue(view_->slice());
    slider_->setVisible(n > 1);
    sliceLabel_->setVisible(n > 1);
    sliceLabel_->setText(tr("%1 / %2").arg(view_->slice() + 1).arg(n));
}

QStringList CaseImagesView::problems() const {
    QStringList out;
    for (const auto& [index, reason] : problems_)
        out << QString::fromStdString(case_.images[std::size_t(index)].path) +
                   QStringLiteral(": ") + reason;
    return out;
}

void CaseImagesView::updateProblems() {
    QStringList lines;
    for (const auto& [index, reason] : problems_)
        lines << tr("Cannot show %1: %2")
                     .arg(QFileInfo(QString::fromStdString(case_.images[std::size_t(index)].path))
                              .fileName(),
                          reason);
    problemsLabel_->setText(lines.join('\n'));
    problemsLabel_->setVisible(!lines.isEmpty());
    for (int i = 0; i < chooser_->count(); ++i)
        chooser_->setItemData(i, problems_.count(i) ? QVariant(problems_.at(i)) : QVariant(),
                              Qt::ToolTipRole);
}

bool CaseImagesView::exportPng(const QString& path) {
    if (!view_->hasImage())
        return false;
    const QImage image = view_->grabFramebuffer();
    return !image.isNull() && image.save(path, "PNG");
}

} // namespace rs
