#include "mainwindow/connectionstatuswidget.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>

namespace QwenSwarm::Ui {

using namespace Api;

ConnectionStatusWidget::ConnectionStatusWidget(Backend &backend, QWidget *parent, int probeIntervalMs)
    : QWidget(parent)
    , m_backend(backend)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
    , m_where(tr("Connecting…"))
{
    setObjectName(QStringLiteral("connection_status"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(8);
    m_dot->setFixedWidth(12);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    m_dot->setText(QStringLiteral("●"));
    m_dot->setStyleSheet(QStringLiteral("color: #d08c1a"));
    render();
    m_timer.setInterval(probeIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionStatusWidget::probe);
}

void ConnectionStatusWidget::start()
{
    probe();
    m_timer.start();
}

QString ConnectionStatusWidget::text() const
{
    QStringList parts;
    for (const QString *part : {&m_where, &m_details, &m_tls, &m_role, &m_latency}) {
        if (!part->isEmpty())
            parts.append(*part);
    }
    return parts.join(QStringLiteral(" · "));
}

void ConnectionStatusWidget::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_backend.info(this, [this, clock](Result<BackendInfo> info) {
        m_probing = false;
        if (!info)
            return showFailure(info.error().message);
        const bool first = !m_connected || info.value() != m_info;
        m_info = info.value();
        m_connected = true;
        setLatencyMs(clock->elapsed());
        if (first) {
            showInfo();
            Q_EMIT connected(m_info);
        }
    });
}

void ConnectionStatusWidget::showInfo()
{
    const bool embedded = m_info.kind == QLatin1StringView("in_process");
    m_where = embedded ? tr("Embedded core") : m_info.endpoint;
    m_details = tr("%1 store · v%2").arg(m_info.store, m_info.version);
    m_label->setToolTip(tr("%1\nProviders: %2\nStrategies: %3")
                            .arg(embedded ? tr("The orchestration core runs inside this console.")
                                          : tr("Attached to the daemon at %1").arg(m_info.endpoint),
                                 m_info.providers.join(QStringLiteral(", ")),
                                 m_info.strategies.join(QStringLiteral(", "))));
    m_dot->setStyleSheet(QStringLiteral("color: #2e9d5b"));
    m_dot->setToolTip(tr("Connected"));
    render();
}

void ConnectionStatusWidget::showFailure(const QString &message)
{
    const bool wasConnected = std::exchange(m_connected, false);
    m_dot->setStyleSheet(QStringLiteral("color: #d93f36"));
    m_dot->setToolTip(tr("Not connected"));
    m_where = tr("Not connected: %1").arg(message);
    m_details.clear();
    setLatencyMs(std::nullopt);
    if (wasConnected || m_info.version.isEmpty())
        Q_EMIT connectionFailed(message);
}

void ConnectionStatusWidget::setTls(const QString &description)
{
    m_tls = description;
    render();
}

void ConnectionStatusWidget::setRole(const QString &role)
{
    m_role = role.isEmpty() ? QString() : tr("role: %1").arg(role);
    render();
}

void ConnectionStatusWidget::setLatencyMs(std::optional<qint64> ms)
{
    m_latency = ms ? tr("%1 ms round trip").arg(*ms) : QString();
    render();
}

void ConnectionStatusWidget::render()
{
    m_label->setText(text());
}

} // namespace QwenSwarm::Ui
