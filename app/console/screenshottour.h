#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

namespace QwenSwarm::Console {

/// `qwen-swarm --screenshot-tour DIR`: lets the demo run for a while, then raises each page of the
/// window in turn and saves it as DIR/NN-page.png (the README's pictures), then quits. Works offscreen.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(QMainWindow &window, const QString &dir, int warmUpMs, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void shootNext();

    QPointer<QMainWindow> m_window;
    QDir m_dir;
    QList<QPointer<QDockWidget>> m_docks; // in the window's order, taken once: raising reorders children
    int m_warmUpMs;
    int m_next = 0;
    bool m_ok = true;
};

} // namespace QwenSwarm::Console
