#pragma once

#include <api/backend.h>

#include <QTimer>
#include <QWidget>

class QLabel;

namespace QwenSwarm::Ui {

/// The status bar's account of the connection: where the core runs (embedded, or the remote URL),
/// its store and version, and the round trip of a cheap call measured every few seconds. TLS and
/// the operator's role are shown when a remote backend's connection reports them (setTls, setRole).
class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionStatusWidget(Api::Backend &backend, QWidget *parent = nullptr, int probeIntervalMs = 10000);

    void start();
    /// Everything shown, as one line.
    QString text() const;
    bool isConnected() const { return m_connected; }
    const Api::BackendInfo &info() const { return m_info; }

    /// Hooks for a remote connection: "TLS 1.3 · pinned" or empty (plain / not applicable).
    void setTls(const QString &description);
    void setRole(const QString &role);
    void setLatencyMs(std::optional<qint64> ms);

Q_SIGNALS:
    void connected(const QwenSwarm::Api::BackendInfo &info);
    void connectionFailed(const QString &message);

private:
    void probe();
    void showInfo();
    void showFailure(const QString &message);
    void render();

    Api::Backend &m_backend;
    QLabel *m_dot;
    QLabel *m_label;
    QString m_where;
    QString m_details;
    QString m_tls;
    QString m_role;
    QString m_latency;
    QTimer m_timer;
    Api::BackendInfo m_info;
    bool m_connected = false;
    bool m_probing = false;
};

} // namespace QwenSwarm::Ui
