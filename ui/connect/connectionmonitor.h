#pragma once

#include "connect/connectionproblem.h"

#include <QObject>

#include <optional>

namespace QwenSwarm::Ui {

/// What the console knows about its connection besides the Backend itself: embedded or remote, the
/// address, TLS, the granted role, and the current problem. The composition root (app/console) owns
/// the connection and keeps this up to date; the window only reads it and asks for a retry.
class ConnectionMonitor : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Connecting,
        Connected,
        Reconnecting, ///< Lost or unreachable; trying again with backoff.
        Failed, ///< Given up until the operator changes something.
    };
    Q_ENUM(State)

    using QObject::QObject;

    State state() const { return m_state; }
    bool isRemote() const { return m_remote; }
    /// "Embedded core" or the daemon's URL.
    QString endpoint() const { return m_endpoint; }
    /// How the connection is secured ("TLS", "TLS, pinned certificate"), empty when plain or embedded.
    QString tls() const { return m_tls; }
    QString role() const { return m_role; }
    std::optional<ConnectionProblem> problem() const { return m_problem; }
    /// The profile the connection was made from (empty for command-line connections).
    QString profileName() const { return m_profile; }

    void setEndpoint(bool remote, const QString &endpoint, const QString &tls, const QString &profile = {});
    void setRole(const QString &role);
    void setConnected();
    void setConnecting();
    /// Records a problem: Reconnecting if the connection retries by itself, Failed otherwise.
    void reportProblem(const ConnectionProblem &problem);

Q_SIGNALS:
    void changed();
    void problemOccurred(const QwenSwarm::Ui::ConnectionProblem &problem);
    /// The operator asked to try again now.
    void retryRequested();
    /// The operator asked to choose another connection.
    void settingsRequested();

private:
    void setState(State state);

    State m_state = State::Connecting;
    bool m_remote = false;
    QString m_endpoint;
    QString m_tls;
    QString m_role;
    QString m_profile;
    std::optional<ConnectionProblem> m_problem;
};

} // namespace QwenSwarm::Ui
