#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace QwenSwarm::Ui {

class ConnectionMonitor;

/// A strip across the top of the window while the connection has a problem: what happened, what to
/// do next, and buttons to retry now or choose another connection. Hidden while connected.
class ConnectionBar : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBar(ConnectionMonitor &monitor, QWidget *parent = nullptr);

    /// The message shown, empty while hidden.
    QString text() const;
    bool isActive() const { return m_active; }

Q_SIGNALS:
    /// Shown (a problem) or hidden (connected): the window shows or hides the bar's container.
    void activeChanged(bool active);

private:
    void update();

    ConnectionMonitor &m_monitor;
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_settings;
    bool m_active = false;
};

} // namespace QwenSwarm::Ui
