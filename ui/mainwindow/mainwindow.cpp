#include "mainwindow/mainwindow.h"

#include "dashboard/livesummary.h"
#include "dashboard/summarypage.h"

#include <api/backend.h>

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace QwenSwarm::Ui {

MainWindow::MainWindow(Api::Backend &backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_summary(new LiveSummary(backend, this))
    , m_summaryPage(new SummaryPage(*m_summary, this))
    , m_connection(new QLabel(tr("Connecting…"), this))
{
    setWindowTitle(tr("Qwen Swarm"));
    setCentralWidget(m_summaryPage);
    resize(960, 600);
    m_connection->setObjectName(QStringLiteral("connection_status"));
    statusBar()->addPermanentWidget(m_connection);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("action_quit"));

    m_backend.info(this, [this](Api::Result<Api::BackendInfo> info) {
        if (!info) {
            m_connection->setText(tr("Not connected: %1").arg(info.error().message));
            return;
        }
        const QString where = info->kind == QLatin1StringView("in_process") ? tr("Embedded core") : info->endpoint;
        m_connection->setText(tr("%1 · %2 store · v%3").arg(where, info->store, info->version));
    });
    m_summary->start();
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

} // namespace QwenSwarm::Ui
