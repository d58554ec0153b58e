#pragma once

#include <api/backend.h>
#include <connect/connectionmonitor.h>
#include <connect/connectionprofile.h>

#include <QObject>

#include <functional>
#include <memory>

namespace QwenSwarm::Engine {
class InProcessBackend;
}
namespace QwenSwarm::Remote {
class RemoteBackend;
struct RemoteOptions;
} // namespace QwenSwarm::Remote

namespace QwenSwarm::Console {

class DemoFeeder;

/// What one connection needs to be made.
struct SessionOptions
{
    Ui::ConnectionProfile profile;
    QByteArray token; ///< Remote: the JWT or API key; never logged.
    quint64 seed = 1; ///< Embedded: the core's seed.
    int demoRate = 4; ///< Embedded with demo: tasks per second.
    int demoAgents = 0; ///< Embedded with demo: agents of the demo swarm; 0 = the six of resources/demo.
    /// Remote: adjusts the client's options before it connects (tests shorten the backoff with it).
    std::function<void(Remote::RemoteOptions &)> tuneRemote;
};

/// One connection of the console: the Backend (an embedded core with its store and demo, or a
/// RemoteBackend attached to a daemon) and the ConnectionMonitor that tells the window about it.
/// The remote backend reconnects with backoff by itself and resumes its subscriptions; failures
/// become ConnectionProblems that the window shows with what to do next.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    ~ConsoleSession() override;

    /// Builds the backend. Errors: Unavailable when the database cannot be opened, InvalidArgument
    /// for a bad profile (address, unreadable CA file).
    static Api::Result<std::unique_ptr<ConsoleSession>> open(const SessionOptions &options);

    Api::Backend &backend();
    Ui::ConnectionMonitor &monitor() { return m_monitor; }
    const Ui::ConnectionProfile &profile() const { return m_options.profile; }
    /// The demo feeding an embedded core, or null.
    DemoFeeder *demo() const { return m_demo.get(); }
    /// The remote client, or null for an embedded core.
    Remote::RemoteBackend *remote() const { return m_remote.get(); }

    /// Connects (remote) or starts the demo (embedded, when the profile asks for it).
    void start();

Q_SIGNALS:
    /// The demo stopped; the message says why.
    void demoFailed(const QString &message);

private:
    explicit ConsoleSession(SessionOptions options);
    Api::Result<void> openEmbedded();
    Api::Result<void> openRemote();
    void retry();

    SessionOptions m_options;
    Ui::ConnectionMonitor m_monitor;
    std::unique_ptr<Engine::InProcessBackend> m_embedded;
    std::unique_ptr<Remote::RemoteBackend> m_remote;
    std::unique_ptr<DemoFeeder> m_demo;
};

} // namespace QwenSwarm::Console
