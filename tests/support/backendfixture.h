#pragma once

// A Backend to test, of any kind: in-process, or remote (a RemoteServer over an in-process backend
// on loopback, plain or TLS, with a RemoteBackend client authenticated by an admin API key).
#include "testsupport.h"

#include <auth/apikeystore.h>
#include <backend/inprocessbackend.h>
#include <client/remotebackend.h>
#include <server/authenticator.h>
#include <server/remoteserver.h>
#include <store/memorystore.h>

#include <QProcess>
#include <QSslKey>
#include <QTemporaryDir>

namespace QwenSwarm::Testing {

enum class BackendKind
{
    InProcess,
    Remote,
    RemoteTls,
};

class BackendFixture
{
public:
    explicit BackendFixture(BackendKind kind, Engine::EngineConfig config = {})
        : m_kind(kind)
        , m_server(std::move(config), std::make_unique<Engine::MemoryStore>())
        , m_keys(m_dir.path())
        , m_authenticator(nullptr, &m_keys)
    { }

    /// Starts what the kind needs; false (with a QWARN) if something could not start.
    bool start(Remote::Role role = Remote::Role::Admin, Remote::ServerOptions options = {})
    {
        if (m_kind == BackendKind::InProcess)
            return true;
        if (!m_keys.load())
            return false;
        const auto created = m_keys.create(role, QStringLiteral("test"));
        if (!created)
            return false;
        if (m_kind == BackendKind::RemoteTls) {
            if (!makeCertificate())
                return false;
            options.tls = m_serverTls;
        }
        m_remoteServer = std::make_unique<Remote::RemoteServer>(m_server, m_authenticator, &m_keys, options);
        // As qwen-swarmd does: what the server audits goes to the engine's audit log.
        QObject::connect(m_remoteServer.get(), &Remote::RemoteServer::audited, m_remoteServer.get(),
                         [this](const Api::AuditEvent &e) { m_server.recordAudit(e); });
        if (!m_remoteServer->listen())
            return false;
        Remote::RemoteOptions client;
        client.url = m_remoteServer->url();
        if (m_kind == BackendKind::RemoteTls)
            client.url.setHost(QStringLiteral("localhost")); // the certificate's name
        client.token = created->key.toUtf8();
        client.caCertificates = m_serverTls.localCertificateChain();
        m_client = std::make_unique<Remote::RemoteBackend>(client);
        m_client->connectToServer();
        return spinUntil([this] { return m_client->state() == Remote::RemoteBackend::State::Connected; });
    }

    /// The backend under test.
    Api::Backend &backend()
    {
        if (m_client)
            return *m_client;
        return m_server;
    }
    /// The engine's own backend (the server side of a remote kind).
    Engine::InProcessBackend &engineBackend() { return m_server; }
    Remote::RemoteServer *server() { return m_remoteServer.get(); }
    Remote::ApiKeyStore &keys() { return m_keys; }
    Remote::RemoteBackend *client() { return m_client.get(); }
    BackendKind kind() const { return m_kind; }

    /// A self-signed certificate for localhost made with the openssl command.
    bool makeCertificate()
    {
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const int code = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
             QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        QFile k(key);
        QFile c(cert);
        if (code != 0 || !k.open(QIODevice::ReadOnly) || !c.open(QIODevice::ReadOnly))
            return false;
        m_serverTls = QSslConfiguration::defaultConfiguration();
        m_serverTls.setLocalCertificateChain(QSslCertificate::fromData(c.readAll(), QSsl::Pem));
        m_serverTls.setPrivateKey(QSslKey(k.readAll(), QSsl::Rsa, QSsl::Pem));
        m_serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);
        return true;
    }

private:
    BackendKind m_kind;
    QTemporaryDir m_dir;
    Engine::InProcessBackend m_server;
    Remote::ApiKeyStore m_keys;
    Remote::Authenticator m_authenticator;
    QSslConfiguration m_serverTls;
    std::unique_ptr<Remote::RemoteServer> m_remoteServer;
    std::unique_ptr<Remote::RemoteBackend> m_client;
};

} // namespace QwenSwarm::Testing

Q_DECLARE_METATYPE(QwenSwarm::Testing::BackendKind)
