// Connecting, as the operator meets it: problems classified from the backend's typed errors with what
// to do next; saved profiles; the token in the keychain (or, without one, in memory only) and never in
// the settings file; the dialog's validation.
#include "connect/connectiondialog.h"
#include "connect/connectionmonitor.h"
#include "connect/connectionproblem.h"
#include "connect/connectionprofile.h"
#include "connect/secretstore.h"

#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(QwenSwarm::Api::Error)

using namespace Qt::Literals::StringLiterals;

namespace {

namespace Api = QwenSwarm::Api;
namespace Testing = QwenSwarm::Testing;
namespace Ui = QwenSwarm::Ui;
using Kind = Ui::ConnectionProblem::Kind;

/// Every byte QSettings wrote under `dir`.
QByteArray settingsBytes(const QString &dir)
{
    QSettings().sync();
    QByteArray all;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

Ui::ConnectionProfile remote(const QString &name, const QString &url)
{
    Ui::ConnectionProfile profile;
    profile.name = name;
    profile.remote = true;
    profile.url = url;
    return profile;
}

} // namespace

class TstConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void problemsAreClassified_data();
    void problemsAreClassified();
    void monitorFollowsProblems();
    void profileValidation_data();
    void profileValidation();
    void profilesRoundTripWithoutSecrets();
    void memorySecretsStayOffDisk();
    void keychainOrAClearFallback();
    void dialogRefusesABadAddress();
    void dialogSavesAndConnects();

private:
    QTemporaryDir m_settings;
};

void TstConnectionDialog::initTestCase()
{
    QwenSwarm::UiTesting::isolateSettings(m_settings);
}

void TstConnectionDialog::init()
{
    QSettings().clear();
}

void TstConnectionDialog::problemsAreClassified_data()
{
    QTest::addColumn<Api::Error>("error");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("retrying");
    QTest::addColumn<QString>("advice");
    using Api::ErrorCode;
    QTest::newRow("unreachable") << Api::makeError(ErrorCode::Unavailable, u"cannot reach"_s) << int(Kind::Unreachable)
                                 << true << u"qwen-swarmd runs"_s;
    QTest::newRow("tls") << Api::makeError(ErrorCode::Unavailable, u"handshake"_s, {{u"tls"_s, true}}) << int(Kind::Tls)
                         << true << u"CA file"_s;
    QTest::newRow("401") << Api::makeError(ErrorCode::Unauthenticated, u"refused (401)"_s) << int(Kind::Unauthenticated)
                         << false << u"QWEN_SWARM_TOKEN"_s;
    QTest::newRow("403") << Api::makeError(ErrorCode::PermissionDenied, u"refused (403)"_s)
                         << int(Kind::PermissionDenied) << false << u"administrator"_s;
    QTest::newRow("version") << Api::makeError(ErrorCode::InvalidArgument, u"no common protocol version"_s,
                                               {{u"server_min"_s, 1}, {u"server_max"_s, 1}})
                             << int(Kind::VersionMismatch) << false << u"matching releases"_s;
    QTest::newRow("other") << Api::makeError(ErrorCode::Internal, u"boom"_s) << int(Kind::Other) << false
                           << u"daemon's log"_s;
}

void TstConnectionDialog::problemsAreClassified()
{
    QFETCH(Api::Error, error);
    QFETCH(int, kind);
    QFETCH(bool, retrying);
    QFETCH(QString, advice);
    const Ui::ConnectionProblem problem = Ui::ConnectionProblem::fromError(error);
    QCOMPARE(int(problem.kind), kind);
    QCOMPARE(problem.retrying(), retrying);
    QVERIFY2(problem.text().contains(advice), qPrintable(problem.text()));
    QVERIFY(problem.text().contains(error.message));
}

void TstConnectionDialog::monitorFollowsProblems()
{
    Ui::ConnectionMonitor monitor;
    QSignalSpy problems(&monitor, &Ui::ConnectionMonitor::problemOccurred);
    monitor.setEndpoint(true, u"ws://127.0.0.1:1"_s, QString());
    QCOMPARE(monitor.state(), Ui::ConnectionMonitor::State::Connecting);
    monitor.reportProblem({Kind::Unreachable, u"x"_s});
    QCOMPARE(monitor.state(), Ui::ConnectionMonitor::State::Reconnecting);
    monitor.setConnecting();
    QCOMPARE(monitor.state(), Ui::ConnectionMonitor::State::Reconnecting);
    monitor.setConnected();
    QVERIFY(!monitor.problem());
    monitor.reportProblem({Kind::Unauthenticated, u"401"_s});
    QCOMPARE(monitor.state(), Ui::ConnectionMonitor::State::Failed);
    QCOMPARE(problems.size(), 2);
}

void TstConnectionDialog::profileValidation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem");
    QTest::newRow("plain") << u"ws://127.0.0.1:8765"_s << QString();
    QTest::newRow("tls") << u"wss://swarm.example.org:443"_s << QString();
    QTest::newRow("http") << u"http://127.0.0.1:8765"_s << u"ws:// or wss://"_s;
    QTest::newRow("no port") << u"wss://swarm.example.org"_s << u"port"_s;
    QTest::newRow("empty") << QString() << u"ws://host:port"_s;
    QTest::newRow("garbage") << u"::::"_s << u"ws://host:port"_s;
}

void TstConnectionDialog::profileValidation()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    const QString found = remote(u"p"_s, url).validate();
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TstConnectionDialog::profilesRoundTripWithoutSecrets()
{
    Ui::ProfileStore store;
    Ui::ConnectionProfile production = remote(u"prod / eu"_s, u"wss://swarm.example.org:8765"_s);
    production.caFile = u"/etc/ssl/private-ca.pem"_s;
    Ui::ConnectionProfile local;
    local.name = u"Local"_s;
    local.dataDir = u"/tmp/swarm"_s;
    local.demo = false;
    store.save(production);
    store.save(local);
    store.setLastUsed(production.name);
    QCOMPARE(store.names(), (QStringList {u"Local"_s, u"prod / eu"_s}));
    QCOMPARE(store.load(production.name), production);
    QCOMPARE(store.load(local.name), local);
    QCOMPARE(store.lastUsed(), production.name);
    QVERIFY(!store.load(u"missing"_s));
    store.remove(local.name);
    QCOMPARE(store.names(), QStringList {production.name});
}

void TstConnectionDialog::memorySecretsStayOffDisk()
{
    Ui::SecretStore secrets(nullptr, false);
    const QByteArray token = "qsk_0123456789abcdef0123456789abcdef";
    bool written = false;
    secrets.write(u"profile:prod"_s, token, this, [&](Ui::SecretStore::Where where, const QString &) {
        QCOMPARE(where, Ui::SecretStore::Where::Memory);
        written = true;
    });
    QVERIFY(Testing::spinUntil([&] { return written; }));
    std::optional<QByteArray> read;
    secrets.read(u"profile:prod"_s, this, [&](std::optional<QByteArray> secret, const QString &) { read = secret; });
    QVERIFY(Testing::spinUntil([&] { return read.has_value(); }));
    QCOMPARE(*read, token);
    QVERIFY(!settingsBytes(m_settings.path()).contains(token));
}

void TstConnectionDialog::keychainOrAClearFallback()
{
    // With a keychain service the token goes there; without one (a test machine, a server) the store
    // says so and keeps the token in memory. Either way it is never in the settings file.
    Ui::SecretStore secrets;
    const QByteArray token = "qsk_fedcba9876543210fedcba9876543210";
    std::optional<Ui::SecretStore::Where> where;
    QString note;
    secrets.write(u"profile:keychain-test"_s, token, this, [&](Ui::SecretStore::Where w, const QString &n) {
        where = w;
        note = n;
    });
    QVERIFY(Testing::spinUntil([&] { return where.has_value(); }, 30000));
    if (*where == Ui::SecretStore::Where::Memory) {
        QVERIFY(!secrets.keychainAvailable());
        QVERIFY2(note.contains(u"No system keychain"_s) && note.contains(u"never on disk"_s), qPrintable(note));
    }
    std::optional<QByteArray> read;
    secrets.read(u"profile:keychain-test"_s, this,
                 [&](std::optional<QByteArray> s, const QString &) { read = s.value_or(QByteArray("(none)")); });
    QVERIFY(Testing::spinUntil([&] { return read.has_value(); }, 30000));
    QCOMPARE(*read, token);
    secrets.remove(u"profile:keychain-test"_s);
    QVERIFY(!settingsBytes(m_settings.path()).contains(token));
}

void TstConnectionDialog::dialogRefusesABadAddress()
{
    Ui::ProfileStore profiles;
    Ui::SecretStore secrets(nullptr, false);
    Ui::ConnectionDialog dialog(profiles, secrets);
    QSignalSpy requested(&dialog, &Ui::ConnectionDialog::connectRequested);
    dialog.showProfile(remote(u"bad"_s, u"http://example.org"_s));
    dialog.connectNow();
    QVERIFY(dialog.errorText().contains(u"ws:// or wss://"_s));
    Ui::ConnectionProfile withCa = remote(u"ca"_s, u"wss://example.org:8765"_s);
    withCa.caFile = m_settings.filePath(u"missing.pem"_s);
    dialog.showProfile(withCa);
    dialog.connectNow();
    QVERIFY2(dialog.errorText().contains(u"does not exist"_s), qPrintable(dialog.errorText()));
    QCOMPARE(requested.size(), 0);
    QVERIFY(profiles.names().isEmpty()); // nothing invalid is saved
}

void TstConnectionDialog::dialogSavesAndConnects()
{
    Ui::ProfileStore profiles;
    Ui::SecretStore secrets(nullptr, false);
    const QByteArray token = "qsk_aaaabbbbccccddddeeeeffff00001111";
    {
        Ui::ConnectionDialog dialog(profiles, secrets);
        QSignalSpy requested(&dialog, &Ui::ConnectionDialog::connectRequested);
        dialog.showProfile(remote(u"staging"_s, u"ws://127.0.0.1:9000"_s));
        dialog.findChild<QLineEdit *>(u"remote_token"_s)->setText(QString::fromUtf8(token));
        dialog.connectNow();
        QVERIFY(Testing::spinUntil([&] { return requested.size() == 1; }));
        QCOMPARE(requested.at(0).at(0).value<Ui::ConnectionProfile>().url, u"ws://127.0.0.1:9000"_s);
        QCOMPARE(requested.at(0).at(1).toByteArray(), token);
        QVERIFY(dialog.noteText().contains(u"memory"_s)); // the operator is told where the token went
    }
    QCOMPARE(profiles.load(u"staging"_s)->url, u"ws://127.0.0.1:9000"_s);
    QCOMPARE(profiles.lastUsed(), u"staging"_s);
    QVERIFY(!settingsBytes(m_settings.path()).contains(token));

    // Reopened, the dialog offers the last profile; connecting without typing uses the saved token.
    Ui::ConnectionDialog again(profiles, secrets);
    QCOMPARE(again.profile().name, u"staging"_s);
    QVERIFY(again.findChild<QLineEdit *>(u"remote_token"_s)->text().isEmpty());
    QSignalSpy requested(&again, &Ui::ConnectionDialog::connectRequested);
    again.connectNow();
    QVERIFY(Testing::spinUntil([&] { return requested.size() == 1; }));
    QCOMPARE(requested.at(0).at(1).toByteArray(), token);
}

QTEST_MAIN(TstConnectionDialog)
#include "tst_connectiondialog.moc"
