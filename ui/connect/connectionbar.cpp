#include "connect/connectionbar.h"

#include "connect/connectionmonitor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace QwenSwarm::Ui {

ConnectionBar::ConnectionBar(ConnectionMonitor &monitor, QWidget *parent)
    : QFrame(parent)
    , m_monitor(monitor)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry now"), this))
    , m_settings(new QPushButton(tr("Connection &settings…"), this))
{
    setObjectName(QStringLiteral("connection_bar"));
    setAutoFillBackground(true);
    QPalette p = palette(); // fixed hues that read on light and dark palettes alike
    p.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e));
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_text->setObjectName(QStringLiteral("connection_bar_text"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_retry->setObjectName(QStringLiteral("connection_retry"));
    m_settings->setObjectName(QStringLiteral("connection_settings"));
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    layout->addWidget(m_settings, 0, Qt::AlignTop);
    connect(m_retry, &QPushButton::clicked, &m_monitor, &ConnectionMonitor::retryRequested);
    connect(m_settings, &QPushButton::clicked, &m_monitor, &ConnectionMonitor::settingsRequested);
    connect(&m_monitor, &ConnectionMonitor::changed, this, &ConnectionBar::update);
    update();
}

QString ConnectionBar::text() const
{
    return m_active ? m_text->text() : QString();
}

void ConnectionBar::update()
{
    const std::optional<ConnectionProblem> problem = m_monitor.problem();
    const bool active = problem.has_value() && m_monitor.state() != ConnectionMonitor::State::Connected;
    if (active)
        m_text->setText(problem->text());
    if (std::exchange(m_active, active) != active)
        Q_EMIT activeChanged(active);
}

} // namespace QwenSwarm::Ui
