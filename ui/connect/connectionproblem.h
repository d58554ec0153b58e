#pragma once

#include <api/error.h>

#include <QCoreApplication>
#include <QString>

namespace QwenSwarm::Ui {

/// Why the console is not (or no longer) connected, classified from the backend's typed error, with
/// the words an operator reads in the window: what happened and what to do next.
struct ConnectionProblem
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProblem)

public:
    enum class Kind
    {
        Unreachable, ///< Nothing answers at the address (or the connection was lost); retried with backoff.
        Tls, ///< The TLS handshake failed: an unknown CA, a wrong name, or a pinned certificate that differs.
        Unauthenticated, ///< 401: the token is missing, wrong, expired or revoked.
        PermissionDenied, ///< 403: the token is valid but may not connect (origin or role).
        VersionMismatch, ///< Client and daemon share no protocol version.
        Other,
    };

    Kind kind = Kind::Other;
    QString detail; ///< The backend's own message.

    static ConnectionProblem fromError(const Api::Error &error);
    /// Whether the backend keeps trying by itself (a daemon that is down, or a TLS handshake that failed).
    bool retrying() const { return kind == Kind::Unreachable || kind == Kind::Tls; }
    QString title() const;
    QString advice() const;
    /// Title, detail and advice, as one message.
    QString text() const;
};

} // namespace QwenSwarm::Ui
