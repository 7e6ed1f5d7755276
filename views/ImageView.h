#pragma once
// One image with its grounding boxes, drawn by VTK inside a Qt 6 QOpenGLWidget (Debian's
// VTK Qt module is Qt 5 and cannot be used; docs/platform.md). 2D: wheel zooms, left drag sets
// window (horizontal) and level (vertical), middle or Shift+left drag pans, R resets.
// Volumes add axial, coronal and sagittal slices (Up/Down, Page Up/Down, Home/End) and a 3D
// outline view of the volume with its 3D boxes (left drag rotates).
// Box coordinates are pixels (voxel indexes) of the image: x, y from the top-left corner of
// the first stored row, z the first slice. All boxes of an image are one actor (one
// polydata with cell colours) plus one label actor, so hundreds of boxes stay smooth.
#include "Case.h"

#include <QOpenGLWidget>

#include <memory>
#include <vector>

namespace rs {

namespace imaging {
struct ImageVolume;
}

class ImageView : public QOpenGLWidget {
    Q_OBJECT
    Q_DISABLE_COPY(ImageView)
public:
    enum class Orientation { Axial, Coronal, Sagittal, Outline3D };

    explicit ImageView(QWidget* parent = nullptr);
    ~ImageView() override;

    // Shows a volume (nullptr: nothing) with the boxes of its image.
    void setImage(std::shared_ptr<const imaging::ImageVolume> volume, std::vector<Box> boxes);
    bool hasImage() const;

    void setOrientation(Orientation o);
    Orientation orientation() const { return orientation_; }
    // Slices along the current orientation (1 for a 2D image or the 3D view).
    int sliceCount() const;
    int slice() const { return slice_[sliceAxis()]; }
    void setSlice(int index);

    double window() const { return window_; }
    double level() const { return level_; }
    void setWindowLevel(double window, double level);

    void setHighlightedBox(int index); // -1: none
    int highlightedBox() const { return highlighted_; }

    // Back to the whole image, the default window and the middle slice.
    void resetView();
    void zoomBy(double factor);

    // Where an image point (pixel coordinates, current slice) lands in widget coordinates.
    QPointF imageToWidget(double x, double y) const;
    // How many box outlines the current picture draws (boxes on other slices are hidden).
    int visibleBoxCount() const { return visibleBoxes_; }
    double lastRenderMilliseconds() const { return lastRenderMs_; }

    // Whether this display can give the view an OpenGL context. Without one (the offscreen
    // platform, a remote X server without GLX) Qt crashes when it composes a window that
    // holds a QOpenGLWidget, so the window must not create the view at all.
    static bool isOpenGLAvailable();
    // VTK renders through an OpenGL 3.2 core context (docs/platform.md); Qt takes the format of
    // every context from the default, which must be set before the QApplication exists.
    static void setDefaultSurfaceFormat();

    static QColor modelBoxColor();
    static QColor referenceBoxColor();
    static QColor highlightColor();

signals:
    void sliceChanged(int index);
    void windowLevelChanged(double window, double level);
    void orientationChanged(Orientation o);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;

private:
    struct Vtk;
    int sliceAxis() const; // 2 axial, 1 coronal, 0 sagittal
    void rebuildScene();
    void rebuildBoxes();
    void placeCamera();
    void applyWindowLevel();

    std::unique_ptr<Vtk> vtk_;
    std::shared_ptr<const imaging::ImageVolume> volume_;
    std::vector<Box> boxes_;
    Orientation orientation_ = Orientation::Axial;
    int slice_[3] = {0, 0, 0};
    double window_ = 1, level_ = 0.5;
    int highlighted_ = -1;
    int visibleBoxes_ = 0;
    double lastRenderMs_ = 0;
    bool initialized_ = false;
    // Mouse drag state.
    enum class Drag { None, WindowLevel, Pan, Rotate } drag_ = Drag::None;
    QPoint lastPos_;
};

} // namespace rs
