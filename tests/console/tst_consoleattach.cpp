// The console attached to a real daemon (RemoteServer over an in-process core, on loopback): the
// window shows where it is attached, how, and as whom; it reconnects with backoff and resumes its
// streams; and every failure (unreachable, TLS, 401, version mismatch) is a message in the window
// that says what to do, not a log line.
#include "consoleshell.h"

#include <backendfixture.h>
#include <common/bannerwidget.h>
#include <connect/connectionbar.h>
#include <logs/auditmodel.h>
#include <logs/logmodel.h>
#include <logs/logspage.h>
#include <mainwindow/connectionstatuswidget.h>
#include <mainwindow/mainwindow.h>

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

namespace Api = QwenSwarm::Api;
namespace Remote = QwenSwarm::Remote;
namespace Testing = QwenSwarm::Testing;
namespace Ui = QwenSwarm::Ui;
using QwenSwarm::Console::ConsoleShell;
using QwenSwarm::Console::SessionOptions;
using State = Ui::ConnectionMonitor::State;

SessionOptions quickReconnect()
{
    SessionOptions options;
    options.tuneRemote = [](Remote::RemoteOptions &remote) {
        remote.reconnectInitialMs = 50;
        remote.reconnectMaxMs = 400;
        remote.connectTimeoutMs = 3000;
    };
    return options;
}

Ui::ConnectionProfile remoteProfile(const QUrl &url, const QString &caFile = {})
{
    Ui::ConnectionProfile profile;
    profile.remote = true;
    profile.url = url.toString();
    profile.caFile = caFile;
    return profile;
}

State stateOf(const ConsoleShell &shell)
{
    return shell.session()->monitor().state();
}

bool logShows(const ConsoleShell &shell, const QString &text)
{
    const Ui::LogModel *model = shell.window()->logsPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->entry(row).message.contains(text))
            return true;
    }
    return false;
}

Api::Swarm makeSwarm(Api::Backend &backend, const QString &name)
{
    Api::SwarmSpec spec;
    spec.name = name;
    Api::AgentSpec agent;
    agent.name = name + u"-a"_s;
    agent.model = u"sim-medium"_s;
    agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, 1}};
    spec.agents = {agent};
    const auto created = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(spec, c, done); });
    return created ? created.value() : Api::Swarm {};
}

} // namespace

class TstConsoleAttach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void attachesAndShowsWhereHowAndAsWhom();
    void reconnectsWithBackoffAndResumesStreams();
    void unreachableDaemonIsAMessageAndConnectsWhenItStarts();
    void refusedTokenIs401InTheWindow();
    void tlsFailureNamesTheCertificate();
    void tlsWithTheCaFileConnects();
    void versionMismatchIsFinalAndSaysSo();
    void switchingConnectionRebuildsThePages();

private:
    QTemporaryDir m_settings;
};

void TstConsoleAttach::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TstConsoleAttach::attachesAndShowsWhereHowAndAsWhom()
{
    Testing::BackendFixture daemon(Testing::BackendKind::Remote);
    QVERIFY(daemon.start(Remote::Role::Operator));
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(daemon.server()->url()), daemon.client()->options().token));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Connected; }));
    QCOMPARE(shell.session()->monitor().role(), u"operator"_s);
    Ui::ConnectionStatusWidget *status = shell.window()->connectionStatus();
    QVERIFY(Testing::spinUntil([&] { return status->isConnected(); }));
    const QString text = status->text();
    QVERIFY2(text.contains(daemon.server()->url().toString()), qPrintable(text));
    QVERIFY2(text.contains(u"role: operator"_s), qPrintable(text));
    QVERIFY2(text.contains(u"ms round trip"_s), qPrintable(text));
    QVERIFY(!shell.window()->connectionBar()->isActive());
    // An operator is not an administrator: the audit trail says why it is empty.
    const QLabel *note = shell.window()->logsPage()->findChild<QLabel *>(u"audit_note"_s);
    QVERIFY2(note->text().contains(u"administrators"_s), qPrintable(note->text()));
    QCOMPARE(shell.window()->logsPage()->auditModel()->rowCount(), 0);

    // Work done in the daemon streams into the console's pages.
    const Api::Swarm swarm = makeSwarm(daemon.engineBackend(), u"remote-demo"_s);
    QVERIFY(swarm.id.isValid());
    QVERIFY2(Testing::spinUntil([&] { return logShows(shell, u"agent #"_s); }),
             qPrintable(shell.window()->logsPage()->banner()->text()
                        + QString::number(shell.window()->logsPage()->model()->rowCount())));
}

void TstConsoleAttach::reconnectsWithBackoffAndResumesStreams()
{
    Testing::BackendFixture daemon(Testing::BackendKind::Remote);
    QVERIFY(daemon.start(Remote::Role::Admin));
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(daemon.server()->url()), daemon.client()->options().token));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Connected; }));
    Ui::LogsPage *logs = shell.window()->logsPage();
    logs->tabs()->setCurrentIndex(1); // admins read the trail, in pages, from the daemon
    const QLabel *note = logs->findChild<QLabel *>(u"audit_note"_s);
    QVERIFY(Testing::spinUntil([&] { return note->text().contains(u"loaded"_s); }));

    QList<State> seen;
    const QMetaObject::Connection watching = connect(&shell.session()->monitor(), &Ui::ConnectionMonitor::changed, this,
                                                     [&] { seen.append(stateOf(shell)); });
    daemon.server()->closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"restarting"_s);
    QVERIFY(Testing::spinUntil([&] { return seen.contains(State::Reconnecting); }));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Connected; }));

    // The subscriptions came back with the connection: new work shows up in the live log.
    makeSwarm(daemon.engineBackend(), u"after-reconnect"_s);
    QVERIFY(Testing::spinUntil([&] { return logShows(shell, u"agent #"_s); }));
    QVERIFY(!shell.window()->connectionBar()->isActive());
    disconnect(watching);
}

void TstConsoleAttach::unreachableDaemonIsAMessageAndConnectsWhenItStarts()
{
    QTcpServer probe; // a port nobody listens on, until the daemon below takes it
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    Testing::BackendFixture keys(Testing::BackendKind::Remote); // for its key store
    QVERIFY(keys.start(Remote::Role::Viewer));
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(QUrl(u"ws://127.0.0.1:%1"_s.arg(port))), keys.client()->options().token));
    QVERIFY(Testing::spinUntil([&] { return shell.window()->connectionBar()->isActive(); }));
    QCOMPARE(stateOf(shell), State::Reconnecting);
    QCOMPARE(shell.session()->monitor().problem()->kind, Ui::ConnectionProblem::Kind::Unreachable);
    const QString message = shell.window()->connectionBar()->text();
    QVERIFY2(message.contains(u"cannot be reached"_s) && message.contains(u"qwen-swarmd"_s), qPrintable(message));

    Remote::Authenticator authenticator(nullptr, &keys.keys());
    Remote::ServerOptions options;
    options.port = port;
    Remote::RemoteServer server(keys.engineBackend(), authenticator, &keys.keys(), options);
    QVERIFY(server.listen());
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Connected; }));
    QVERIFY(!shell.window()->connectionBar()->isActive());
    QCOMPARE(shell.session()->monitor().role(), u"viewer"_s);
}

void TstConsoleAttach::refusedTokenIs401InTheWindow()
{
    Testing::BackendFixture daemon(Testing::BackendKind::Remote);
    QVERIFY(daemon.start());
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(daemon.server()->url()), "qsk_not-a-real-key"));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Failed; }));
    QCOMPARE(shell.session()->monitor().problem()->kind, Ui::ConnectionProblem::Kind::Unauthenticated);
    const QString message = shell.window()->connectionBar()->text();
    QVERIFY2(message.contains(u"401"_s) && message.contains(u"QWEN_SWARM_TOKEN"_s), qPrintable(message));
    QVERIFY(!message.contains(u"qsk_not-a-real-key"_s)); // the secret is never shown
}

void TstConsoleAttach::tlsFailureNamesTheCertificate()
{
    Testing::BackendFixture daemon(Testing::BackendKind::RemoteTls);
    QVERIFY(daemon.start());
    QUrl url = daemon.server()->url();
    url.setHost(u"localhost"_s);
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(url), daemon.client()->options().token)); // no CA file: self-signed is unknown
    QVERIFY(Testing::spinUntil([&] { return shell.window()->connectionBar()->isActive(); }));
    QCOMPARE(shell.session()->monitor().problem()->kind, Ui::ConnectionProblem::Kind::Tls);
    const QString message = shell.window()->connectionBar()->text();
    QVERIFY2(message.contains(u"TLS"_s) && message.contains(u"CA file"_s), qPrintable(message));
}

void TstConsoleAttach::tlsWithTheCaFileConnects()
{
    Testing::BackendFixture daemon(Testing::BackendKind::RemoteTls);
    QVERIFY(daemon.start());
    QTemporaryDir dir;
    QFile ca(dir.filePath(u"ca.pem"_s));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    for (const QSslCertificate &certificate : daemon.client()->options().caCertificates)
        ca.write(certificate.toPem());
    ca.close();
    QUrl url = daemon.server()->url();
    url.setHost(u"localhost"_s);
    ConsoleShell shell(quickReconnect(), false);
    QVERIFY(shell.open(remoteProfile(url, ca.fileName()), daemon.client()->options().token));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Connected; }));
    QCOMPARE(shell.session()->monitor().tls(), u"TLS, private CA"_s);
    QVERIFY(Testing::spinUntil([&] { return shell.window()->connectionStatus()->isConnected(); }));
    QVERIFY(shell.window()->connectionText().contains(u"TLS"_s));

    // A CA file that holds no certificate is refused before connecting, with the fix.
    QFile junk(dir.filePath(u"junk.pem"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate");
    junk.close();
    const auto refused = shell.open(remoteProfile(url, junk.fileName()), "x");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Api::ErrorCode::InvalidArgument);
    QVERIFY(refused.error().message.contains(u"PEM"_s));
    QCOMPARE(stateOf(shell), State::Connected); // the working connection stays
}

void TstConsoleAttach::versionMismatchIsFinalAndSaysSo()
{
    Testing::BackendFixture daemon(Testing::BackendKind::Remote);
    QVERIFY(daemon.start());
    SessionOptions options = quickReconnect();
    options.tuneRemote = [](Remote::RemoteOptions &remote) { remote.versions = {90, 99}; };
    ConsoleShell shell(options, false);
    QVERIFY(shell.open(remoteProfile(daemon.server()->url()), daemon.client()->options().token));
    QVERIFY(Testing::spinUntil([&] { return stateOf(shell) == State::Failed; }));
    QCOMPARE(shell.session()->monitor().problem()->kind, Ui::ConnectionProblem::Kind::VersionMismatch);
    QVERIFY(shell.window()->connectionBar()->text().contains(u"protocol versions"_s));
}

void TstConsoleAttach::switchingConnectionRebuildsThePages()
{
    Testing::BackendFixture daemon(Testing::BackendKind::Remote);
    QVERIFY(daemon.start());
    makeSwarm(daemon.engineBackend(), u"on-the-daemon"_s);
    ConsoleShell shell(quickReconnect(), false);
    Ui::ConnectionProfile embedded;
    embedded.inMemory = true;
    embedded.demo = false;
    QVERIFY(shell.open(embedded, {}));
    QPointer<Ui::MainWindow> first = shell.window();
    QCOMPARE(shell.session()->monitor().role(), u"admin"_s);
    QVERIFY(shell.window()->connectionText().contains(u"Embedded"_s)
            || !shell.window()->connectionStatus()->isConnected());

    QSignalSpy switched(&shell, &ConsoleShell::switched);
    QVERIFY(shell.open(remoteProfile(daemon.server()->url()), daemon.client()->options().token));
    QCOMPARE(switched.size(), 1);
    QVERIFY(shell.window() != first.data());
    QVERIFY(Testing::spinUntil([&] { return first.isNull(); })); // the old window is retired
    QVERIFY(Testing::spinUntil([&] { return shell.window()->connectionStatus()->isConnected(); }));
    QVERIFY(shell.window()->connectionText().contains(daemon.server()->url().toString()));
}

QTEST_MAIN(TstConsoleAttach)
#include "tst_consoleattach.moc"
