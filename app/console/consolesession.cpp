#include "consolesession.h"

#include "demofeeder.h"

#include <auth/role.h>
#include <backend/inprocessbackend.h>
#include <client/remotebackend.h>
#include <store/groupcommitstore.h>
#include <store/memorystore.h>
#include <store/sqlitestore.h>
#include <store/threadedstore.h>

#include <QDir>
#include <QStandardPaths>

namespace QwenSwarm::Console {

using Api::ErrorCode;

namespace {

// The embedded core's store: the database in `dataDir` (default: the platform's data folder for this
// program), on a thread of its own; or, with `inMemory`, nothing that outlives the process.
Api::Result<std::unique_ptr<Engine::Store>> openStore(bool inMemory, QString dataDir)
{
    if (inMemory)
        return std::unique_ptr<Engine::Store>(std::make_unique<Engine::MemoryStore>());
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        return Api::makeError(ErrorCode::Unavailable,
                              QObject::tr("cannot create the data folder %1").arg(QDir::toNativeSeparators(dataDir)));
    }
    auto opened = Engine::SqliteStore::open(QDir(dataDir).filePath(Engine::SqliteStore::defaultFileName()));
    if (!opened)
        return opened.error();
    return std::unique_ptr<Engine::Store>(
        std::make_unique<Engine::ThreadedStore>(std::make_unique<Engine::GroupCommitStore>(std::move(opened).value())));
}

} // namespace

ConsoleSession::ConsoleSession(SessionOptions options)
    : m_options(std::move(options))
{ }

ConsoleSession::~ConsoleSession()
{
    m_demo.reset(); // it talks to the backend
    if (m_remote) {
        m_remote->disconnect(this); // leaving is not a problem to report
        m_remote->disconnectFromServer();
    }
}

Api::Result<std::unique_ptr<ConsoleSession>> ConsoleSession::open(const SessionOptions &options)
{
    if (const QString problem = options.profile.validate(); !problem.isEmpty())
        return Api::makeError(ErrorCode::InvalidArgument, problem);
    std::unique_ptr<ConsoleSession> session(new ConsoleSession(options));
    const Api::Result<void> opened = options.profile.remote ? session->openRemote() : session->openEmbedded();
    if (!opened)
        return opened.error();
    Api::Result<std::unique_ptr<ConsoleSession>> result(std::move(session));
    return result;
}

Api::Backend &ConsoleSession::backend()
{
    if (m_remote)
        return *m_remote;
    return *m_embedded;
}

Api::Result<void> ConsoleSession::openEmbedded()
{
    auto store = openStore(m_options.profile.inMemory, m_options.profile.dataDir);
    if (!store)
        return store.error();
    Engine::EngineConfig config;
    config.seed = m_options.seed;
    m_embedded = std::make_unique<Engine::InProcessBackend>(config, std::move(store).value());
    m_monitor.setEndpoint(false, tr("Embedded core"), QString(), m_options.profile.name);
    m_monitor.setRole(QStringLiteral("admin")); // the operator owns an embedded core
    m_monitor.setConnected();
    if (m_options.profile.demo) {
        m_demo = std::make_unique<DemoFeeder>(*m_embedded, std::clamp(m_options.demoRate, 1, 20000),
                                              std::clamp(m_options.demoAgents, 0, 10000));
        connect(m_demo.get(), &DemoFeeder::failed, this, &ConsoleSession::demoFailed);
    }
    return {};
}

Api::Result<void> ConsoleSession::openRemote()
{
    Remote::RemoteOptions options;
    options.url = QUrl(m_options.profile.url);
    options.token = m_options.token;
    if (!m_options.profile.caFile.isEmpty()) {
        options.caCertificates = QSslCertificate::fromPath(m_options.profile.caFile, QSsl::Pem);
        if (options.caCertificates.isEmpty())
            return Api::makeError(ErrorCode::InvalidArgument,
                                  tr("The CA file %1 holds no readable PEM certificate: give the certificate of the "
                                     "CA that signed the daemon's certificate.")
                                      .arg(m_options.profile.caFile));
    }
    if (m_options.tuneRemote)
        m_options.tuneRemote(options);
    const bool tls = options.url.scheme() == QLatin1StringView("wss");
    const QString tlsText = !tls ? QString() : options.caCertificates.isEmpty() ? tr("TLS") : tr("TLS, private CA");
    m_remote = std::make_unique<Remote::RemoteBackend>(options);
    m_monitor.setEndpoint(true, options.url.toString(), tlsText, m_options.profile.name);
    connect(m_remote.get(), &Remote::RemoteBackend::stateChanged, this, [this](Remote::RemoteBackend::State state) {
        if (state == Remote::RemoteBackend::State::Connecting)
            return m_monitor.setConnecting();
        if (state == Remote::RemoteBackend::State::Disconnected) {
            // A refusal arrives as connectionError first; a plain loss says nothing: tell the operator.
            if (m_monitor.state() == Ui::ConnectionMonitor::State::Connected)
                m_monitor.reportProblem({Ui::ConnectionProblem::Kind::Unreachable, tr("the connection was lost")});
            return;
        }
        if (state == Remote::RemoteBackend::State::Connected) {
            m_monitor.setRole(Remote::roleName(m_remote->role()).toString());
            m_monitor.setConnected();
        }
    });
    connect(m_remote.get(), &Remote::RemoteBackend::connectionError, this,
            [this](const Api::Error &error) { m_monitor.reportProblem(Ui::ConnectionProblem::fromError(error)); });
    connect(&m_monitor, &Ui::ConnectionMonitor::retryRequested, this, &ConsoleSession::retry);
    return {};
}

void ConsoleSession::start()
{
    if (m_remote)
        m_remote->connectToServer();
    else if (m_demo)
        m_demo->start();
}

void ConsoleSession::retry()
{
    // Starts over at once, without waiting out the backoff.
    m_remote->disconnectFromServer();
    m_remote->connectToServer();
}

} // namespace QwenSwarm::Console
