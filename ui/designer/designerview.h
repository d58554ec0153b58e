#pragma once

#include <api/workflow.h>

#include <QGraphicsView>

namespace QwenSwarm::Ui {

/// The designer's viewport: the wheel zooms around the cursor, the middle button (or Space with the
/// left button) pans, the left button on the background selects with a rubber band. Takes step kinds
/// dropped from the palette.
class DesignerView : public QGraphicsView
{
    Q_OBJECT

public:
    /// The MIME type the palette drags: "task", "map" or "approval".
    static const QString stepKindMimeType;

    explicit DesignerView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    void zoomBy(double factor);
    void resetZoom();
    /// Shows every item (never enlarged past 100%).
    void fit();
    QPointF visibleCentre() const;

Q_SIGNALS:
    /// A palette entry was dropped: `kind` is "task", "map" or "approval".
    void stepKindDropped(const QString &kind, QPointF scenePos);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool m_panning = false;
    bool m_space = false;
    QPoint m_panFrom;
};

} // namespace QwenSwarm::Ui
