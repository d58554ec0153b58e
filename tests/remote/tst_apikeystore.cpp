// ApiKeyStore: keys are shown once, stored only as hashes in a 0600 file, verified, revoked, kept
// across restarts, and a file that others could read or change is refused.
#include "testsupport.h"

#include <auth/apikeystore.h>

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace QwenSwarm::Remote;
using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;

namespace {

constexpr qint64 T0 = 1800000000000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write test file");
    file.close();
    file.setPermissions(permissions);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The mode bits of a file, without Qt's "what the current user may do" flags.
QFileDevice::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

} // namespace

class TestApiKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createShowsTheKeyOnceAndVerifies();
    void keysAreRandomAndDistinct();
    void fileHoldsOnlyHashesWithMode0600();
    void survivesARestart();
    void revoke();
    void refusesBadKeyText_data();
    void refusesBadKeyText();
    void filePermissions_data();
    void filePermissions();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void failedLoadKeepsKeys();
    void seesKeysAnotherProcessCreated();
    void writeFailureChangesNothing();
    void nameIsLimited();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dataDir() const { return m_dir->filePath(u"data"_s); }
    ApiKeyStore makeStore() const
    {
        return ApiKeyStore(dataDir(), [] { return T0; });
    }
};

void TestApiKeyStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestApiKeyStore::createShowsTheKeyOnceAndVerifies()
{
    ApiKeyStore store = makeStore();
    QS_VERIFY_OK(store.load());
    const Api::Result<CreatedApiKey> created = store.create(Role::Operator, u"ci runner"_s);
    QS_VERIFY_OK(created);
    static const QRegularExpression shape(u"^qs_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$"_s);
    QVERIFY2(shape.match(created->key).hasMatch(), qPrintable(created->key));
    QCOMPARE(created->key.mid(3, 16), created->info.keyId);
    QCOMPARE(created->info.role, Role::Operator);
    QCOMPARE(created->info.name, u"ci runner"_s);
    QCOMPARE(created->info.createdMs, T0);

    const AuthResult verified = store.verify(created->key.toLatin1());
    QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.message()));
    QCOMPARE(verified.identity().subject, u"api-key:"_s + created->info.keyId);
    QCOMPARE(verified.identity().role, Role::Operator);
    QCOMPARE(verified.identity().kind, CredentialKind::ApiKey);
    QCOMPARE(verified.identity().keyId, created->info.keyId);
    QCOMPARE(verified.identity().expiresAtMs, 0);
    QVERIFY(ApiKeyStore::looksLikeApiKey(created->key.toLatin1()));

    // list() describes the key without its secret.
    const QList<ApiKeyInfo> keys = store.list();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first(), created->info);
    QVERIFY(store.contains(created->info.keyId));
}

void TestApiKeyStore::keysAreRandomAndDistinct()
{
    ApiKeyStore store = makeStore();
    QSet<QString> ids;
    QSet<QString> secrets;
    for (int i = 0; i < 20; ++i) {
        const Api::Result<CreatedApiKey> created = store.create(Role::Viewer);
        QS_VERIFY_OK(created);
        ids.insert(created->info.keyId);
        secrets.insert(created->key.mid(20));
        // 43 base64url characters carry the 256-bit secret (at least the 128 bits asked for).
        QCOMPARE(QByteArray::fromBase64(created->key.mid(20).toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    }
    QCOMPARE(ids.size(), 20);
    QCOMPARE(secrets.size(), 20);
    QCOMPARE(store.list().size(), 20);
}

void TestApiKeyStore::fileHoldsOnlyHashesWithMode0600()
{
    ApiKeyStore store = makeStore();
    const Api::Result<CreatedApiKey> created = store.create(Role::Admin, u"root"_s);
    QS_VERIFY_OK(created);
    QCOMPARE(store.filePath(), dataDir() + u"/api-keys.json"_s);
    QCOMPARE(modeOf(store.filePath()), ownerOnly);

    const QByteArray content = readAll(store.filePath());
    const QByteArray secretText = created->key.mid(20).toLatin1();
    const QByteArray secret = QByteArray::fromBase64(secretText, QByteArray::Base64UrlEncoding);
    QVERIFY(!content.contains(secretText));
    QVERIFY(!content.contains(created->key.toLatin1()));
    QVERIFY(!content.contains(secret.toHex()));
    QVERIFY(content.contains(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex()));
    QVERIFY(content.contains(created->info.keyId.toLatin1()));

    // Every change writes the file 0600 again, whatever mode it had.
    QVERIFY(QFile::setPermissions(store.filePath(), ownerOnly | QFileDevice::ReadGroup));
    QS_VERIFY_OK(store.create(Role::Viewer));
    QCOMPARE(modeOf(store.filePath()), ownerOnly);
}

void TestApiKeyStore::survivesARestart()
{
    QString key;
    QList<ApiKeyInfo> before;
    {
        ApiKeyStore store = makeStore();
        key = store.create(Role::Operator, u"a"_s)->key;
        QS_VERIFY_OK(store.create(Role::Viewer, u"b"_s));
        before = store.list();
    }
    ApiKeyStore restarted = makeStore();
    QCOMPARE(restarted.list().size(), 0); // nothing is read before load()
    QS_VERIFY_OK(restarted.load());
    QCOMPARE(restarted.list(), before);
    QVERIFY(restarted.verify(key.toLatin1()).ok());
    QCOMPARE(restarted.verify(key.toLatin1()).identity().role, Role::Operator);
}

void TestApiKeyStore::revoke()
{
    ApiKeyStore store = makeStore();
    const CreatedApiKey kept = store.create(Role::Viewer).value();
    const CreatedApiKey revoked = store.create(Role::Admin).value();
    QS_VERIFY_OK(store.revoke(revoked.info.keyId));
    QCOMPARE(store.verify(revoked.key.toLatin1()).reason(), AuthFailure::UnknownKey);
    QVERIFY(!store.contains(revoked.info.keyId));
    QVERIFY(store.verify(kept.key.toLatin1()).ok());
    QS_VERIFY_ERROR(store.revoke(revoked.info.keyId), Api::ErrorCode::NotFound);
    // A caller who passes the whole key text by mistake does not see its secret echoed.
    const Api::Result<void> pasted = store.revoke(kept.key);
    QS_VERIFY_ERROR(pasted, Api::ErrorCode::NotFound);
    QVERIFY(!pasted.error().message.contains(kept.key.mid(20, 8)));

    ApiKeyStore restarted = makeStore();
    QS_VERIFY_OK(restarted.load());
    QCOMPARE(restarted.verify(revoked.key.toLatin1()).reason(), AuthFailure::UnknownKey);
    QVERIFY(restarted.verify(kept.key.toLatin1()).ok());
}

void TestApiKeyStore::refusesBadKeyText_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wrong secret") << u"wrong secret"_s << u"bad_secret"_s;
    QTest::newRow("unknown id") << u"unknown id"_s << u"unknown_key"_s;
    QTest::newRow("empty") << u"empty"_s << u"malformed"_s;
    QTest::newRow("prefix only") << u"prefix only"_s << u"malformed"_s;
    QTest::newRow("upper-case id") << u"upper-case id"_s << u"malformed"_s;
    QTest::newRow("short secret") << u"short secret"_s << u"malformed"_s;
    QTest::newRow("secret with padding") << u"secret with padding"_s << u"malformed"_s;
    QTest::newRow("missing separator") << u"missing separator"_s << u"malformed"_s;
    QTest::newRow("Bearer prefix left on") << u"Bearer prefix left on"_s << u"malformed"_s;
    QTest::newRow("trailing newline") << u"trailing newline"_s << u"malformed"_s;
    QTest::newRow("a JWT") << u"a JWT"_s << u"malformed"_s;
    QTest::newRow("too long") << u"too long"_s << u"too_large"_s;
}

void TestApiKeyStore::refusesBadKeyText()
{
    QFETCH(QString, variant);
    QFETCH(QString, reason);

    ApiKeyStore store = makeStore();
    const QByteArray key = store.create(Role::Admin).value().key.toLatin1();
    const QByteArray id = key.mid(3, 16);
    const QByteArray secret = key.mid(20);
    QByteArray text;
    if (variant == u"wrong secret"_s) // a different, well-formed secret
        text = "qs_" + id + '_' + (secret.at(0) == 'A' ? 'B' : 'A') + secret.mid(1);
    else if (variant == u"unknown id"_s)
        text = "qs_" + QByteArray(16, id.at(0) == '0' ? '1' : '0') + '_' + secret;
    else if (variant == u"prefix only"_s)
        text = "qs_";
    else if (variant == u"upper-case id"_s)
        text = "qs_" + id.toUpper() + '_' + secret;
    else if (variant == u"short secret"_s)
        text = key.chopped(3);
    else if (variant == u"secret with padding"_s)
        text = key + '=';
    else if (variant == u"missing separator"_s)
        text = "qs_" + id + secret;
    else if (variant == u"Bearer prefix left on"_s)
        text = "Bearer " + key;
    else if (variant == u"trailing newline"_s)
        text = key + '\n';
    else if (variant == u"a JWT"_s)
        text = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    else if (variant == u"too long"_s)
        text = key + QByteArray(100, 'A');

    const AuthResult result = store.verify(text);
    QVERIFY(!result.ok());
    QCOMPARE(Api::enumName(result.reason()).toString(), reason);
    QVERIFY(!result.message().contains(QString::fromLatin1(secret.left(8))));
}

void TestApiKeyStore::filePermissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0600") << 0600 << true;
    QTest::newRow("0400") << 0400 << true;
    QTest::newRow("0640 (group may read)") << 0640 << true;
    QTest::newRow("0644 (world-readable)") << 0644 << false;
    QTest::newRow("0604 (world-readable)") << 0604 << false;
    QTest::newRow("0602 (world-writable)") << 0602 << false;
    QTest::newRow("0620 (group-writable)") << 0620 << false;
    QTest::newRow("0666") << 0666 << false;
}

void TestApiKeyStore::filePermissions()
{
    QFETCH(int, mode);
    QFETCH(bool, accepted);

    QString key;
    {
        ApiKeyStore store = makeStore();
        key = store.create(Role::Admin).value().key;
    }
    const auto bits = static_cast<uint>(mode);
    const QFileDevice::Permissions permissions = QFileDevice::Permissions::fromInt(
        static_cast<int>(((bits >> 6) & 7) << 12 | ((bits >> 6) & 7) << 8 | ((bits >> 3) & 7) << 4 | (bits & 7)));
    ApiKeyStore store = makeStore();
    QVERIFY(QFile::setPermissions(store.filePath(), permissions));
    const Api::Result<void> loaded = store.load();
    QCOMPARE(loaded.ok(), accepted);
    if (accepted) {
        QVERIFY(store.verify(key.toLatin1()).ok());
        return;
    }
    QCOMPARE(loaded.error().code, Api::ErrorCode::PermissionDenied);
    QVERIFY2(loaded.error().message.contains(u"chmod 600"_s), qPrintable(loaded.error().message));
    QVERIFY(loaded.error().message.contains(store.filePath()));
    QVERIFY(!store.verify(key.toLatin1()).ok());
}

void TestApiKeyStore::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("path");

    const QByteArray record = R"({"key_id":"0123456789abcdef","role":"admin","name":"x","created_at":null,)"
                              R"("secret_sha256":"0000000000000000000000000000000000000000000000000000000000000000"})";
    QTest::newRow("not JSON") << QByteArray("{") << QString();
    QTest::newRow("an array") << QByteArray("[]") << QString();
    QTest::newRow("no keys") << QByteArray(R"({"version":1})") << u"keys"_s;
    QTest::newRow("future version") << QByteArray(R"({"version":2,"keys":[]})") << u"version"_s;
    QTest::newRow("unknown member") << QByteArray(R"({"version":1,"keys":[],"extra":1})") << u"extra"_s;
    QTest::newRow("unknown role") << QByteArray(R"({"version":1,"keys":[)" + QByteArray(record).replace("admin", "god")
                                                + "]}")
                                  << u"keys[0].role"_s;
    QTest::newRow("bad key id") << QByteArray(R"({"version":1,"keys":[)" + QByteArray(record).replace("0123", "XYZW")
                                              + "]}")
                                << u"keys[0]"_s;
    QTest::newRow("short hash") << QByteArray(R"({"version":1,"keys":[)"
                                              + QByteArray(record).replace("00000000\"", "\"") + "]}")
                                << u"keys[0]"_s;
    QTest::newRow("duplicate id") << QByteArray(R"({"version":1,"keys":[)" + record + ',' + record + "]}")
                                  << u"keys[1]"_s;
    QTest::newRow("hash member missing") << QByteArray(
        R"({"version":1,"keys":[{"key_id":"0123456789abcdef","role":"admin"}]})")
                                         << u"keys[0].secret_sha256"_s;
}

void TestApiKeyStore::refusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, path);

    QVERIFY(QDir().mkpath(dataDir()));
    ApiKeyStore store = makeStore();
    writeFile(store.filePath(), content, ownerOnly);
    const Api::Result<void> loaded = store.load();
    QS_VERIFY_ERROR(loaded, Api::ErrorCode::InvalidArgument);
    QVERIFY(loaded.error().message.startsWith(store.filePath()));
    if (!path.isEmpty())
        QCOMPARE(loaded.error().details.value(u"path"_s).toString(), path);
}

void TestApiKeyStore::failedLoadKeepsKeys()
{
    ApiKeyStore store = makeStore();
    const QString key = store.create(Role::Viewer).value().key;
    writeFile(store.filePath(), "garbage", ownerOnly);
    QS_VERIFY_ERROR(store.load(), Api::ErrorCode::InvalidArgument);
    QVERIFY(store.verify(key.toLatin1()).ok());
    // Nor is a damaged file overwritten by the next change.
    QS_VERIFY_ERROR(store.create(Role::Viewer), Api::ErrorCode::InvalidArgument);
    QCOMPARE(readAll(store.filePath()), QByteArray("garbage"));
}

void TestApiKeyStore::seesKeysAnotherProcessCreated()
{
    ApiKeyStore daemon = makeStore();
    QS_VERIFY_OK(daemon.load());
    const QString first = daemon.create(Role::Admin).value().key;

    ApiKeyStore cli = makeStore(); // `qwen-swarmd --create-api-key` while the daemon runs
    QS_VERIFY_OK(cli.load());
    const QString second = cli.create(Role::Operator).value().key;

    QCOMPARE(daemon.verify(second.toLatin1()).reason(), AuthFailure::UnknownKey);
    QS_VERIFY_OK(daemon.reloadIfChanged());
    QVERIFY(daemon.verify(second.toLatin1()).ok());

    // A change made by one store never drops the other's keys.
    const QString third = cli.create(Role::Viewer).value().key;
    QS_VERIFY_OK(daemon.revoke(daemon.verify(first.toLatin1()).identity().keyId));
    ApiKeyStore reader = makeStore();
    QS_VERIFY_OK(reader.load());
    QCOMPARE(reader.list().size(), 2);
    QVERIFY(reader.verify(second.toLatin1()).ok());
    QVERIFY(reader.verify(third.toLatin1()).ok());
    QVERIFY(!reader.verify(first.toLatin1()).ok());
}

void TestApiKeyStore::writeFailureChangesNothing()
{
    // The data directory cannot be created: a file is in its way.
    writeFile(dataDir(), "in the way", ownerOnly);
    ApiKeyStore store = makeStore();
    QS_VERIFY_OK(store.load());
    QS_VERIFY_ERROR(store.create(Role::Admin), Api::ErrorCode::Unavailable);
    QVERIFY(store.list().isEmpty());
}

void TestApiKeyStore::nameIsLimited()
{
    ApiKeyStore store = makeStore();
    QS_VERIFY_OK(store.create(Role::Viewer, QString(64, u'n')));
    QS_VERIFY_ERROR(store.create(Role::Viewer, QString(65, u'n')), Api::ErrorCode::InvalidArgument);
    QCOMPARE(store.list().size(), 1);
}

QTEST_GUILESS_MAIN(TestApiKeyStore)
#include "tst_apikeystore.moc"
