#pragma once

#include "protocol/protocolversion.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace QwenSwarm::Remote {

/// Where and how a RemoteBackend connects.
struct RemoteOptions
{
    QUrl url; ///< ws://host:port or wss://host:port.
    QByteArray token; ///< A JWT or an API key, sent as "Authorization: Bearer ..."; never logged.
    QList<QSslCertificate> caCertificates; ///< Trusted for wss:// besides the system's (e.g. a private CA).
    /// When not empty, the server's certificate must be one of these (pinning); the CA check is skipped.
    QList<QSslCertificate> pinnedCertificates;
    QString clientName = QStringLiteral("qwen-swarm");
    /// Protocol revisions offered in the hello (default: all this build speaks).
    VersionRange versions = supportedVersions();
    int requestTimeoutMs = 30000; ///< A call not answered by then fails with DeadlineExceeded.
    int connectTimeoutMs = 10000;
    int reconnectInitialMs = 500; ///< Backoff after a lost connection, doubling up to reconnectMaxMs.
    int reconnectMaxMs = 15000;
    int maxQueuedCalls = 10000; ///< Calls made while (re)connecting; beyond, Unavailable.
    qsizetype maxMessageBytes = 64 * 1024 * 1024; ///< Of an answer (pages of decisions can be large).
};

} // namespace QwenSwarm::Remote
