#include "ImageView.h"

#include "BoxColors.h"
#include "ImageVolume.h"

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCommand.h>
#include <vtkCoordinate.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
#include <vtkLabeledDataMapper.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkStringArray.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QSurfaceFormat>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rs {

void ImageView::setDefaultSurfaceFormat() {
    QSurfaceFormat format;
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    QSurfaceFormat::setDefaultFormat(format);
}

bool ImageView::isOpenGLAvailable() {
    static const bool available = [] {
        QOpenGLContext context;
        return context.create();
    }();
    return available;
}

namespace {

template <typename T> using Ptr = vtkSmartPointer<T>;

void colour3(const QColor& c, double out[3]) {
    out[0] = c.redF();
    out[1] = c.greenF();
    out[2] = c.blueF();
}

} // namespace

// Everything VTK: the render window the widget drives and the props of the scene.
struct ImageView::Vtk {
    Ptr<vtkGenericOpenGLRenderWindow> window = Ptr<vtkGenericOpenGLRenderWindow>::New();
    Ptr<vtkRenderer> renderer = Ptr<vtkRenderer>::New();
    Ptr<vtkImageSliceMapper> sliceMapper = Ptr<vtkImageSliceMapper>::New();
    Ptr<vtkImageSlice> slice = Ptr<vtkImageSlice>::New();
    // All box outlines of the image: one polydata, one colour per cell, one actor.
    Ptr<vtkPolyData> boxes = Ptr<vtkPolyData>::New();
    Ptr<vtkActor> boxActor = Ptr<vtkActor>::New();
    Ptr<vtkPolyData> highlight = Ptr<vtkPolyData>::New();
    Ptr<vtkActor> highlightActor = Ptr<vtkActor>::New();
    // Labels at the boxes' corners, one 2D actor per source colour.
    Ptr<vtkPolyData> labels[2] = {Ptr<vtkPolyData>::New(), Ptr<vtkPolyData>::New()};
    Ptr<vtkLabeledDataMapper> labelMappers[2] = {Ptr<vtkLabeledDataMapper>::New(),
                                                 Ptr<vtkLabeledDataMapper>::New()};
    Ptr<vtkActor2D> labelActors[2] = {Ptr<vtkActor2D>::New(), Ptr<vtkActor2D>::New()};
    // 3D outline view: the volume's bounding box and the 3D boxes, one actor.
    Ptr<vtkPolyData> outline = Ptr<vtkPolyData>::New();
    Ptr<vtkActor> outlineActor = Ptr<vtkActor>::New();
};

// The palette is shared with the report (BoxColors), so a box looks the same in both.
QColor ImageView::modelBoxColor() {
    return rs::modelBoxColor();
}
QColor ImageView::referenceBoxColor() {
    return rs::referenceBoxColor();
}
QColor ImageView::highlightColor() {
    return QColor(255, 255, 0);
} // yellow

ImageView::ImageView(QWidget* parent) : QOpenGLWidget(parent), vtk_(std::make_unique<Vtk>()) {
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    Vtk& v = *vtk_;
    v.window->SetReadyForRendering(false);
    v.window->AddRenderer(v.renderer);
    // Qt owns the context: VTK asks it to make itself current and whether it is.
    auto makeCurrent = Ptr<vtkCallbackCommand>::New();
    makeCurrent->SetClientData(this);
    makeCurrent->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        auto* w = static_cast<ImageView*>(self);
        // Not QOpenGLWidget::makeCurrent(): that rebinds Qt's framebuffer behind VTK.
        if (QOpenGLContext* c = w->context())
            c->makeCurrent(c->surface());
    });
    v.window->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
    auto isCurrent = Ptr<vtkCallbackCommand>::New();
    isCurrent->SetClientData(this);
    isCurrent->SetCallback([](vtkObject*, unsigned long, void* self, void* callData) {
        auto* w = static_cast<ImageView*>(self);
        *static_cast<bool*>(callData) =
            w->context() && QOpenGLContext::currentContext() == w->context();
    });
    v.window->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);

    v.renderer->SetBackground(0.08, 0.08, 0.09);
    v.slice->SetMapper(v.sliceMapper);
    // Draw the edge pixels whole: without it the outermost half pixels are cut and the
    // image's border shows gaps.
    v.sliceMapper->BorderOn();
    v.slice->GetProperty()->SetInterpolationTypeToLinear();

    for (vtkPolyData* pd : {v.boxes.Get(), v.highlight.Get(), v.outline.Get()}) {
        pd->SetPoints(Ptr<vtkPoints>::New());
        pd->SetLines(Ptr<vtkCellArray>::New());
    }
    auto boxMapper = Ptr<vtkPolyDataMapper>::New();
    boxMapper->SetInputData(v.boxes);
    boxMapper->SetScalarModeToUseCellData();
    boxMapper->SetColorModeToDirectScalars();
    v.boxActor->SetMapper(boxMapper);
    v.boxActor->GetProperty()->SetLineWidth(3);
    v.boxActor->GetProperty()->LightingOff();

    auto highlightMapper = Ptr<vtkPolyDataMapper>::New();
    highlightMapper->SetInputData(v.highlight);
    highlightMapper->ScalarVisibilityOff();
    v.highlightActor->SetMapper(highlightMapper);
    double hc[3];
    colour3(highlightColor(), hc);
    v.highlightActor->GetProperty()->SetColor(hc);
    v.highlightActor->GetProperty()->SetLineWidth(5);
    v.highlightActor->GetProperty()->LightingOff();

    auto outlineMapper = Ptr<vtkPolyDataMapper>::New();
    outlineMapper->SetInputData(v.outline);
    outlineMapper->SetScalarModeToUseCellData();
    outlineMapper->SetColorModeToDirectScalars();
    v.outlineActor->SetMapper(outlineMapper);
    v.outlineActor->GetProperty()->SetLineWidth(2);
    v.outlineActor->GetProperty()->LightingOff();

    const QColor colours[2] = {modelBoxColor(), referenceBoxColor()};
    for (int k = 0; k < 2; ++k) {
        v.labels[k]->SetPoints(Ptr<vtkPoints>::New());
        auto text = Ptr<vtkStringArray>::New();
        text->SetName("label");
        v.labels[k]->GetPointData()->AddArray(text);
        v.labelMappers[k]->SetInputData(v.labels[k]);
        v.labelMappers[k]->SetLabelModeToLabelFieldData();
        v.labelMappers[k]->SetFieldDataName("label");
        vtkTextProperty* tp = v.labelMappers[k]->GetLabelTextProperty();
        double c[3];
        colour3(colours[k], c);
        tp->SetColor(c);
        tp->SetFontSize(14);
        tp->BoldOn();
        tp->ShadowOn();
        tp->SetJustificationToLeft();
        tp->SetVerticalJustificationToBottom();
        v.labelActors[k]->SetMapper(v.labelMappers[k]);
    }
}

ImageView::~ImageView() {
    // VTK releases its GL resources with the context current.
    if (initialized_ && context()) {
        QOpenGLWidget::makeCurrent();
        vtk_->renderer->RemoveAllViewProps();
        vtk_->window->Finalize();
        doneCurrent();
    }
}

void ImageView::initializeGL() {
    Vtk& v = *vtk_;
    v.window->SetForceMaximumHardwareLineWidth(1);
    v.window->SetOwnContext(false);
    v.window->SetFrameBlitModeToNoBlit();
    v.window->SetReadyForRendering(true);
    v.window->OpenGLInitContext();
    initialized_ = true;
}

void ImageView::resizeGL(int w, int h) {
    const qreal dpr = devicePixelRatioF();
    vtk_->window->SetSize(int(w * dpr), int(h * dpr));
}

void ImageView::paintGL() {
    Vtk& v = *vtk_;
    QElapsedTimer timer;
    timer.start();
    v.window->SetReadyForRendering(true);
    v.window->Render();
    // VTK drew into its own framebuffer; copy that into the widget's.
    QOpenGLExtraFunctions* f = context()->extraFunctions();
    f->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    const GLenum buffers[1] = {GL_COLOR_ATTACHMENT0};
    f->glDrawBuffers(1, buffers);
    const int* size = v.window->GetRenderFramebuffer()->GetLastSize();
    const qreal dpr = devicePixelRatioF();
    v.window->GetState()->vtkglDisable(GL_SCISSOR_TEST);
    f->glDisable(GL_SCISSOR_TEST);
    v.window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, int(width() * dpr),
                                     int(height() * dpr), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    lastRenderMs_ = double(timer.nsecsElapsed()) / 1e6;
}

bool ImageView::hasImage() const {
    return volume_ && volume_->image;
}

int ImageView::sliceAxis() const {
    switch (orientation_) {
    case Orientation::Coronal:
        return 1;
    case Orientation::Sagittal:
        return 0;
    default:
        return 2;
    }
}

int ImageView::sliceCount() const {
    if (!hasImage() || orientation_ == Orientation::Outline3D)
        return 1;
    return volume_->dims[std::size_t(sliceAxis())];
}

void ImageView::setImage(std::shared_ptr<const imaging::ImageVolume> volume,
                         std::vector<Box> boxes) {
    volume_ = std::move(volume);
    boxes_ = std::move(boxes);
    highlighted_ = -1;
    if (!hasImage() || !volume_->isVolume())
        orientation_ = Orientation::Axial;
    rebuildScene();
    resetView();
}

void ImageView::setOrientation(Orientation o) {
    if (hasImage() && !volume_->isVolume())
        o = Orientation::Axial;
    if (o == orientation_)
        return;
    orientation_ = o;
    rebuildScene();
    placeCamera();
    update();
    emit orientationChanged(o);
    emit sliceChanged(slice());
}

void ImageView::setSlice(int index) {
    if (!hasImage())
        return;
    index = std::clamp(index, 0, std::max(0, sliceCount() - 1));
    const int axis = sliceAxis();
    if (slice_[axis] == index)
        return;
    slice_[axis] = index;
    vtk_->sliceMapper->SetSliceNumber(index);
    rebuildBoxes();
    placeCamera();
    update();
    emit sliceChanged(index);
}

void ImageView::setWindowLevel(double window, double level) {
    window_ = std::max(window, 1e-6);
    level_ = level;
    applyWindowLevel();
    update();
    emit windowLevelChanged(window_, level_);
}

void ImageView::applyWindowLevel() {
    vtk_->slice->GetProperty()->SetColorWindow(window_);
    vtk_->slice->GetProperty()->SetColorLevel(level_);
}

void ImageView::setHighlightedBox(int index) {
    highlighted_ = index >= 0 && index < int(boxes_.size()) ? index : -1;
    rebuildBoxes();
    update();
}

void ImageView::resetView() {
    if (hasImage()) {
        for (int a = 0; a < 3; ++a)
            slice_[a] = volume_->dims[std::size_t(a)] / 2;
        // A box on a volume: start on the slice through the first one, where it shows.
        for (const Box& b : boxes_)
            if (b.is3d) {
                slice_[2] = std::clamp(int(b.z + b.d / 2), 0, volume_->dims[2] - 1);
                break;
            }
        vtk_->sliceMapper->SetSliceNumber(slice_[sliceAxis()]);
        window_ = volume_->window;
        level_ = volume_->level;
        applyWindowLevel();
        rebuildBoxes();
    }
    placeCamera();
    update();
    emit sliceChanged(slice());
    emit windowLevelChanged(window_, level_);
}

void ImageView::rebuildScene() {
    Vtk& v = *vtk_;
    v.renderer->RemoveAllViewProps();
    if (!hasImage())
        return;
    v.sliceMapper->SetInputData(volume_->image);
    v.sliceMapper->SetOrientation(orientation_ == Orientation::Outline3D ? 2 : sliceAxis());
    v.sliceMapper->SetSliceNumber(slice_[orientation_ == Orientation::Outline3D ? 2 : sliceAxis()]);
    v.renderer->AddViewProp(v.slice);
    if (orientation_ == Orientation::Outline3D) {
        v.renderer->AddViewProp(v.outlineActor);
    } else {
        v.renderer->AddViewProp(v.boxActor);
        v.renderer->AddViewProp(v.highlightActor);
        v.renderer->AddViewProp(v.labelActors[0]);
        v.renderer->AddViewProp(v.labelActors[1]);
    }
    applyWindowLevel();
    rebuildBoxes();
}

void ImageView::rebuildBoxes() {
    Vtk& v = *vtk_;
    visibleBoxes_ = 0;
    auto points = Ptr<vtkPoints>::New();
    auto lines = Ptr<vtkCellArray>::New();
    auto colours = Ptr<vtkUnsignedCharArray>::New();
    colours->SetNumberOfComponents(3);
    colours->SetName("colour");
    auto hiPoints = Ptr<vtkPoints>::New();
    auto hiLines = Ptr<vtkCellArray>::New();
    Ptr<vtkPoints> labelPoints[2] = {Ptr<vtkPoints>::New(), Ptr<vtkPoints>::New()};
    Ptr<vtkStringArray> labelText[2] = {Ptr<vtkStringArray>::New(), Ptr<vtkStringArray>::New()};
    for (auto& t : labelText)
        t->SetName("label");
    if (!hasImage()) {
        v.boxes->Initialize();
        return;
    }
    const auto& s = volume_->spacing;
    // Pixel i covers [i - 0.5, i + 0.5] in index space: box edges sit on pixel edges.
    auto world = [&](double i, double j, double k) {
        return std::array<double, 3>{(i - 0.5) * s[0], (j - 0.5) * s[1], (k - 0.5) * s[2]};
    };
    const QColor model = modelBoxColor(), reference = referenceBoxColor();
    auto addPolyline = [](vtkPoints* pts, vtkCellArray* cells,
                          const std::vector<std::array<double, 3>>& corners) {
        cells->InsertNextCell(vtkIdType(corners.size() + 1));
        const vtkIdType first = pts->GetNumberOfPoints();
        for (const auto& c : corners)
            cells->InsertCellPoint(pts->InsertNextPoint(c.data()));
        cells->InsertCellPoint(first);
    };

    if (orientation_ == Orientation::Outline3D) {
        // The volume's outline (grey) and every 3D box as a cuboid, all in one polydata.
        auto cuboid = [&](double x0, double y0, double z0, double x1, double y1, double z1,
                          const QColor& c) {
            const auto a = world(x0, y0, z0), b = world(x1, y1, z1);
            const double xs[2] = {a[0], b[0]}, ys[2] = {a[1], b[1]}, zs[2] = {a[2], b[2]};
            for (int k = 0; k < 2; ++k) {
                addPolyline(points, lines,
                            {{xs[0], ys[0], zs[k]},
                             {xs[1], ys[0], zs[k]},
                             {xs[1], ys[1], zs[k]},
                             {xs[0], ys[1], zs[k]}});
                colours->InsertNextTuple3(c.red(), c.green(), c.blue());
            }
            for (int i = 0; i < 2; ++i)
                for (int j = 0; j < 2; ++j) {
                    lines->InsertNextCell(2);
                    lines->InsertCellPoint(points->InsertNextPoint(xs[i], ys[j], zs[0]));
                    lines->InsertCellPoint(points->InsertNextPoint(xs[i], ys[j], zs[1]));
                    colours->InsertNextTuple3(c.red(), c.green(), c.blue());
                }
        };
        const auto& d = volume_->dims;
        cuboid(0, 0, 0, d[0], d[1], d[2], QColor(170, 170, 170));
        for (const Box& b : boxes_) {
            const bool isModel = b.source == "model";
            const double z0 = b.is3d ? b.z : 0, z1 = b.is3d ? b.z + b.d : d[2];
            cuboid(b.x, b.y, z0, b.x + b.w, b.y + b.h, z1, isModel ? model : reference);
            ++visibleBoxes_;
        }
        v.outline->SetPoints(points);
        v.outline->SetLines(lines);
        v.outline->GetCellData()->SetScalars(colours);
        v.outline->Modified();
        return;
    }

    // Slice views: a box shows on the slices it spans, as the rectangle it cuts there. The
    // outline sits half a slice towards the camera so it is never hidden by the image.
    const int axis = sliceAxis();
    const int k = slice_[axis];
    const double towardCamera =
        (axis == 2 && volume_->rowsDown) ? -0.5 : (axis == 2 ? 0.5 : (axis == 1 ? -0.5 : 0.5));
    const double depth =
        k + 0.5 +
        towardCamera; // index coordinate of the drawing plane (+0.5: world() subtracts it)
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        const Box& b = boxes_[i];
        double u0, u1, v0, v1; // in-plane extent (index units)
        if (axis == 2) {
            if (b.is3d && (k < b.z || k >= b.z + b.d))
                continue;
            u0 = b.x, u1 = b.x + b.w, v0 = b.y, v1 = b.y + b.h;
        } else {
            if (!b.is3d)
                continue; // a 2D box says nothing about the other planes
            const double lo = axis == 1 ? b.y : b.x, len = axis == 1 ? b.h : b.w;
            if (k < lo || k >= lo + len)
                continue;
            u0 = axis == 1 ? b.x : b.y, u1 = u0 + (axis == 1 ? b.w : b.h), v0 = b.z, v1 = b.z + b.d;
        }
        auto at = [&](double u, double w) {
            if (axis == 2)
                return world(u, w, depth);
            if (axis == 1)
                return world(u, depth, w);
            return world(depth, u, w);
        };
        const std::vector<std::array<double, 3>> corners = {at(u0, v0), at(u1, v0), at(u1, v1),
                                                            at(u0, v1)};
        const bool isModel = b.source == "model";
        const QColor& c = isModel ? model : reference;
        addPolyline(points, lines, corners);
        colours->InsertNextTuple3(c.red(), c.green(), c.blue());
        if (int(i) == highlighted_)
            addPolyline(hiPoints, hiLines, corners);
        // Label above the box's top-left corner as seen on screen.
        const int which = isModel ? 0 : 1;
        const double top = (axis == 2 && volume_->rowsDown) ? v0 : v1;
        labelPoints[which]->InsertNextPoint(at(u0, top).data());
        labelText[which]->InsertNextValue(b.label.empty() ? std::string("(no label)") : b.label);
        ++visibleBoxes_;
    }
    v.boxes->SetPoints(points);
    v.boxes->SetLines(lines);
    v.boxes->GetCellData()->SetScalars(colours);
    v.boxes->Modified();
    v.highlight->SetPoints(hiPoints);
    v.highlight->SetLines(hiLines);
    v.highlight->Modified();
    for (int w = 0; w < 2; ++w) {
        v.labels[w]->SetPoints(labelPoints[w]);
        v.labels[w]->GetPointData()->RemoveArray("label");
        v.labels[w]->GetPointData()->AddArray(labelText[w]);
        v.labels[w]->Modified();
    }
}

void ImageView::placeCamera() {
    Vtk& v = *vtk_;
    vtkCamera* cam = v.renderer->GetActiveCamera();
    if (!hasImage()) {
        v.renderer->ResetCamera();
        return;
    }
    const auto& d = volume_->dims;
    const auto& s = volume_->spacing;
    const double extent[3] = {d[0] * s[0], d[1] * s[1], d[2] * s[2]};
    const double centre[3] = {(d[0] - 1) * s[0] / 2, (d[1] - 1) * s[1] / 2, (d[2] - 1) * s[2] / 2};
    const double aspect = height() > 0 ? double(width()) / double(height()) : 1.0;
    const double far = 4 * std::max({extent[0], extent[1], extent[2], 1.0});
    if (orientation_ == Orientation::Outline3D) {
        cam->ParallelProjectionOff();
        cam->SetFocalPoint(centre);
        cam->SetPosition(centre[0] + far * 0.6, centre[1] - far * 0.9, centre[2] + far * 0.5);
        cam->SetViewUp(0, 0, 1);
        v.renderer->ResetCamera();
        v.renderer->ResetCameraClippingRange();
        return;
    }
    const int axis = sliceAxis();
    double focal[3] = {centre[0], centre[1], centre[2]};
    focal[axis] = slice_[axis] * s[std::size_t(axis)];
    double dir[3] = {0, 0, 0}, up[3] = {0, 0, 0};
    double width = 0, heightExtent = 0;
    if (axis == 2) {
        dir[2] = volume_->rowsDown ? 1 : -1;
        up[1] = volume_->rowsDown ? -1 : 1;
        width = extent[0], heightExtent = extent[1];
    } else if (axis == 1) {
        dir[1] = 1;
        up[2] = 1;
        width = extent[0], heightExtent = extent[2];
    } else {
        dir[0] = -1;
        up[2] = 1;
        width = extent[1], heightExtent = extent[2];
    }
    cam->ParallelProjectionOn();
    cam->SetFocalPoint(focal);
    cam->SetPosition(focal[0] - dir[0] * far, focal[1] - dir[1] * far, focal[2] - dir[2] * far);
    cam->SetViewUp(up);
    // Fit the whole slice with a small margin.
    cam->SetParallelScale(0.52 * std::max(heightExtent, width / aspect));
    v.renderer->ResetCameraClippingRange();
}

void ImageView::zoomBy(double factor) {
    vtkCamera* cam = vtk_->renderer->GetActiveCamera();
    if (cam->GetParallelProjection())
        cam->SetParallelScale(cam->GetParallelScale() / factor);
    else
        cam->Dolly(factor);
    vtk_->renderer->ResetCameraClippingRange();
    update();
}

QPointF ImageView::imageToWidget(double x, double y) const {
    if (!hasImage())
        return {};
    const auto& s = volume_->spacing;
    const int axis = sliceAxis();
    double p[3] = {0, 0, 0};
    if (axis == 2) {
        p[0] = (x - 0.5) * s[0], p[1] = (y - 0.5) * s[1], p[2] = slice_[2] * s[2];
    } else if (axis == 1) {
        p[0] = (x - 0.5) * s[0], p[1] = slice_[1] * s[1], p[2] = (y - 0.5) * s[2];
    } else {
        p[0] = slice_[0] * s[0], p[1] = (x - 0.5) * s[1], p[2] = (y - 0.5) * s[2];
    }
    vtkRenderer* r = vtk_->renderer;
    r->SetWorldPoint(p[0], p[1], p[2], 1.0);
    r->WorldToDisplay();
    double d[3];
    r->GetDisplayPoint(d);
    // Display coordinates are device pixels from the bottom left.
    const qreal dpr = devicePixelRatioF();
    return {d[0] / dpr, height() - d[1] / dpr};
}

void ImageView::mousePressEvent(QMouseEvent* e) {
    lastPos_ = e->position().toPoint();
    const bool pan = e->button() == Qt::MiddleButton ||
                     (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier));
    if (pan)
        drag_ = Drag::Pan;
    else if (e->button() == Qt::LeftButton)
        drag_ = orientation_ == Orientation::Outline3D ? Drag::Rotate : Drag::WindowLevel;
    setFocus();
}

void ImageView::mouseMoveEvent(QMouseEvent* e) {
    if (drag_ == Drag::None || !hasImage())
        return;
    const QPoint p = e->position().toPoint();
    const double dx = p.x() - lastPos_.x(), dy = p.y() - lastPos_.y();
    lastPos_ = p;
    vtkCamera* cam = vtk_->renderer->GetActiveCamera();
    switch (drag_) {
    case Drag::WindowLevel: {
        // The whole value range over about two widget widths.
        const double range = std::max(volume_->maxValue - volume_->minValue, 1e-6);
        const double perPixel = range / std::max(200, 2 * width());
        setWindowLevel(std::max(window_ + dx * perPixel * 2, range * 1e-4),
                       level_ - dy * perPixel * 2);
        return;
    }
    case Drag::Pan: {
        double focal[3], pos[3], up[3], dir[3];
        cam->GetFocalPoint(focal);
        cam->GetPosition(pos);
        cam->GetViewUp(up);
        cam->GetDirectionOfProjection(dir);
        const double right[3] = {dir[1] * up[2] - dir[2] * up[1], dir[2] * up[0] - dir[0] * up[2],
                                 dir[0] * up[1] - dir[1] * up[0]};
        const double scale = cam->GetParallelProjection()
                                 ? 2 * cam->GetParallelScale() / std::max(1, height())
                                 : cam->GetDistance() / std::max(1, height());
        for (int k = 0; k < 3; ++k) {
            const double shift = (-dx * right[k] + dy * up[k]) * scale;
            focal[k] += shift;
            pos[k] += shift;
        }
        cam->SetFocalPoint(focal);
        cam->SetPosition(pos);
        break;
    }
    case Drag::Rotate:
        cam->Azimuth(-dx * 0.5);
        cam->Elevation(dy * 0.5);
        cam->OrthogonalizeViewUp();
        vtk_->renderer->ResetCameraClippingRange();
        break;
    case Drag::None:
        break;
    }
    update();
}

void ImageView::mouseReleaseEvent(QMouseEvent*) {
    drag_ = Drag::None;
}

void ImageView::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.15, steps));
    e->accept();
}

void ImageView::keyPressEvent(QKeyEvent* e) {
    switch (e->key()) {
    case Qt::Key_Up:
        setSlice(slice() + 1);
        break;
    case Qt::Key_Down:
        setSlice(slice() - 1);
        break;
    case Qt::Key_PageUp:
        setSlice(slice() + 10);
        break;
    case Qt::Key_PageDown:
        setSlice(slice() - 10);
        break;
    case Qt::Key_Home:
        setSlice(0);
        break;
    case Qt::Key_End:
        setSlice(sliceCount() - 1);
        break;
    case Qt::Key_R:
        resetView();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    default:
        QOpenGLWidget::keyPressEvent(e);
        return;
    }
    e->accept();
}

} // namespace rs
