#pragma once

#include <QGraphicsView>

namespace QwenSwarm::Ui {

/// The graph's viewport: the wheel zooms around the cursor, dragging the background pans, and
/// zoomBy()/fit() do the same from code. Emits viewChanged() whenever what it shows moves.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    void zoomBy(double factor);
    /// Shows everything, or `rect` when given.
    void fit(const QRectF &rect = {});
    /// The scene rectangle currently visible.
    QRectF visibleSceneRect() const;
    /// Whether the view keeps everything in sight (after fit(), until the operator zooms or pans).
    bool followsFit() const { return m_followFit; }

Q_SIGNALS:
    void viewChanged();
    /// A node was double-clicked (or Enter pressed on it).
    void nodeActivated(QGraphicsItem *node);
    void contextMenuRequested(QGraphicsItem *item, const QPoint &globalPos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    bool m_followFit = true;
};

} // namespace QwenSwarm::Ui
