#include "screenshottour.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTextStream>
#include <QTimer>

namespace QwenSwarm::Console {

namespace {
constexpr int settleMs = 800; // a page's first layout and data after it is raised
}

ScreenshotTour::ScreenshotTour(QMainWindow &window, const QString &dir, int warmUpMs, QObject *parent)
    : QObject(parent)
    , m_window(&window)
    , m_dir(dir)
    , m_warmUpMs(warmUpMs)
{ }

void ScreenshotTour::start()
{
    if (!m_dir.mkpath(QStringLiteral("."))) {
        QTextStream(stderr) << "qwen-swarm: cannot create " << m_dir.path() << '\n';
        return Q_EMIT finished(false);
    }
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        m_docks.append(dock);
    QTimer::singleShot(m_warmUpMs, this, &ScreenshotTour::shootNext);
}

void ScreenshotTour::shootNext()
{
    if (!m_window)
        return Q_EMIT finished(false);
    if (m_next > 0) { // the page raised last time has settled: take it
        const QString name = m_docks.at(m_next - 1)->objectName().remove(QStringLiteral("dock_"));
        const QString file = m_dir.filePath(QStringLiteral("%1-%2.png").arg(m_next, 2, 10, QLatin1Char('0')).arg(name));
        const bool saved = m_window->grab().save(file);
        m_ok = m_ok && saved;
        QTextStream(stdout) << (saved ? "wrote " : "FAILED ") << file << '\n';
    }
    if (m_next >= m_docks.size())
        return Q_EMIT finished(m_ok);
    QDockWidget *dock = m_docks.at(m_next++);
    if (dock) {
        dock->show();
        dock->raise();
    }
    QTimer::singleShot(settleMs, this, &ScreenshotTour::shootNext);
}

} // namespace QwenSwarm::Console
