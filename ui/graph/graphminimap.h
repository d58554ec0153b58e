#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace QwenSwarm::Ui {

class GraphView;

/// An overview of the whole graph with the main view's visible area framed; clicking or dragging
/// in it moves the main view there. It renders the scene into an image at most a few times a second
/// (the scene changes far more often than an overview needs to), so it costs the main view nothing;
/// while nothing of it is on screen (its page is behind another tab) it only remembers that it is out
/// of date, and renders when it is painted again.
class GraphMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit GraphMinimap(GraphView &view, QWidget *parent = nullptr);

    QSize sizeHint() const override { return {220, 150}; }
    /// Re-renders the overview soon.
    void invalidate();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QTransform sceneToMap() const;
    void centreAt(QPointF widgetPos);

    GraphView &m_view;
    QImage m_image;
    QRectF m_sceneRect;
    QTimer m_refresh;
    bool m_stale = true;
};

} // namespace QwenSwarm::Ui
