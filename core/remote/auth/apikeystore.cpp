#include "auth/apikeystore.h"

#include "auth/base64url.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int keyIdBytes = 8;
constexpr int secretBytes = 32;
constexpr int fileVersion = 1;
constexpr qint64 maximumFileBytes = 4 * 1024 * 1024;
constexpr qsizetype maximumKeyTextBytes = 128;
constexpr qsizetype maximumNameLength = 64;
constexpr QFileDevice::Permissions unsafePermissions
    = QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther | QFileDevice::WriteGroup;

// One key as the file stores it.
struct FileRecord
{
    ApiKeyInfo info;
    QString secretSha256; ///< 64 lowercase hex digits.
};

void readJson(Api::JsonReader &reader, const QJsonValue &json, FileRecord &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("key_id"_L1, out.info.keyId);
    object.required("role"_L1, out.info.role);
    object.optional("name"_L1, out.info.name);
    object.optionalTime("created_at"_L1, out.info.createdMs);
    object.required("secret_sha256"_L1, out.secretSha256);
    object.finish();
}

struct FileContent
{
    int version = 0;
    QList<FileRecord> keys;
};

void readJson(Api::JsonReader &reader, const QJsonValue &json, FileContent &out)
{
    Api::JsonObjectReader object(reader, json);
    object.required("version"_L1, out.version);
    object.required("keys"_L1, out.keys);
    object.finish();
}

bool isLowerHex(QStringView text, qsizetype length)
{
    return text.size() == length && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

bool isLowerHex(QByteArrayView text, qsizetype length)
{
    return isLowerHex(QString::fromLatin1(text), length);
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char *>(digest.data()),
                   &length, EVP_sha256(), nullptr)
        != 1) {
        ERR_clear_error();
        return {};
    }
    digest.truncate(static_cast<qsizetype>(length));
    return digest;
}

std::optional<QByteArray> randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    return bytes;
}

QString octalMode(QFileDevice::Permissions permissions)
{
    const auto bits = static_cast<uint>(permissions.toInt());
    return QString::number(((bits >> 12) & 7) * 64 + ((bits >> 4) & 7) * 8 + (bits & 7), 8).rightJustified(4, u'0');
}

Api::Error unavailable(const QString &message)
{
    return Api::makeError(Api::ErrorCode::Unavailable, message);
}

} // namespace

ApiKeyStore::ApiKeyStore(QString dataDir, Clock clock)
    : m_dataDir(std::move(dataDir))
    , m_clock(std::move(clock))
{ }

QString ApiKeyStore::filePath() const
{
    return QDir(m_dataDir).filePath(u"api-keys.json"_s);
}

bool ApiKeyStore::looksLikeApiKey(QByteArrayView text)
{
    return text.startsWith("qs_");
}

void ApiKeyStore::rememberFileState()
{
    const QFileInfo info(filePath());
    m_fileModified = info.exists() ? info.lastModified() : QDateTime();
    m_fileSize = info.exists() ? info.size() : -1;
}

Api::Result<void> ApiKeyStore::reloadIfChanged()
{
    const QFileInfo info(filePath());
    const qint64 size = info.exists() ? info.size() : -1;
    if (size == m_fileSize && (!info.exists() || info.lastModified() == m_fileModified))
        return {};
    return load();
}

namespace {

// The records of a parsed file, checked; or an error naming the path.
Api::Result<QList<FileRecord>> parseFile(const QString &path, const QByteArray &bytes)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Api::makeError(
            Api::ErrorCode::InvalidArgument,
            u"%1: not JSON: %2 at offset %3"_s.arg(path, parseError.errorString(), QString::number(parseError.offset)));
    Api::JsonReader reader;
    FileContent content;
    readJson(reader, document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), content);
    for (qsizetype i = 0; reader.ok() && i < content.keys.size(); ++i) {
        const FileRecord &record = content.keys.at(i);
        Api::JsonReader::Scope keys(reader, u"keys[%1]"_s.arg(i));
        if (!isLowerHex(record.info.keyId, 2 * keyIdBytes))
            reader.fail(u"key_id: expected %1 lowercase hex digits"_s.arg(2 * keyIdBytes));
        else if (!isLowerHex(record.secretSha256, 64))
            reader.fail(u"secret_sha256: expected 64 lowercase hex digits"_s);
        else if (std::any_of(content.keys.cbegin(), content.keys.cbegin() + i,
                             [&](const FileRecord &r) { return r.info.keyId == record.info.keyId; }))
            reader.fail(u"key_id: appears twice"_s);
    }
    if (reader.ok() && content.version != fileVersion) {
        Api::JsonReader::Scope scope(reader, u"version"_s);
        reader.fail(u"%1 is not supported (expected %2)"_s.arg(content.version).arg(fileVersion));
    }
    if (!reader.ok())
        return Api::makeError(Api::ErrorCode::InvalidArgument, path + u": "_s + reader.error().message,
                              reader.error().details);
    return content.keys;
}

} // namespace

Api::Result<void> ApiKeyStore::load()
{
    const QString path = filePath();
    QFile file(path);
    if (!file.exists()) {
        m_entries.clear();
        rememberFileState();
        return {};
    }
    if (file.permissions() & unsafePermissions)
        return Api::makeError(Api::ErrorCode::PermissionDenied,
                              u"%1 has mode %2: other users can read or change the API keys; run chmod 600 %1"_s.arg(
                                  path, octalMode(file.permissions())));
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > maximumFileBytes)
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              u"%1 is larger than %2 bytes"_s.arg(path).arg(maximumFileBytes));
    const Api::Result<QList<FileRecord>> records = parseFile(path, file.readAll());
    if (!records.ok())
        return records.error();
    QList<Entry> entries;
    for (const FileRecord &record : records.value())
        entries.append(Entry {record.info, QByteArray::fromHex(record.secretSha256.toLatin1())});
    m_entries = std::move(entries);
    rememberFileState();
    return {};
}

Api::Result<void> ApiKeyStore::save(const QList<Entry> &entries)
{
    if (!QDir().mkpath(m_dataDir))
        return unavailable(u"cannot create the data directory %1"_s.arg(m_dataDir));
    QJsonArray keys;
    for (const Entry &entry : entries) {
        QJsonObject record = toJson(entry.info).toObject();
        record.insert(u"secret_sha256"_s, QString::fromLatin1(entry.secretSha256.toHex()));
        keys.append(record);
    }
    const QJsonObject content {{u"version"_s, fileVersion}, {u"keys"_s, keys}};
    QSaveFile file(filePath());
    // The temporary file gets 0600 before anything is written, and the rename keeps it.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return unavailable(u"cannot write %1: %2"_s.arg(filePath(), file.errorString()));
    file.write(QJsonDocument(content).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return unavailable(u"cannot write %1: %2"_s.arg(filePath(), file.errorString()));
    rememberFileState();
    return {};
}

Api::Result<CreatedApiKey> ApiKeyStore::create(Role role, const QString &name)
{
    if (name.size() > maximumNameLength)
        return Api::makeError(Api::ErrorCode::InvalidArgument, u"name: at most %1 characters"_s.arg(maximumNameLength),
                              {{u"path"_s, u"name"_s}});
    if (Api::Result<void> reloaded = reloadIfChanged(); !reloaded.ok())
        return reloaded.error();
    std::optional<QByteArray> id;
    do {
        id = randomBytes(keyIdBytes);
    } while (id && contains(QString::fromLatin1(id->toHex())));
    std::optional<QByteArray> secret = randomBytes(secretBytes);
    if (!id || !secret)
        return Api::makeError(Api::ErrorCode::Internal, u"the random number generator failed"_s);
    const QByteArray digest = sha256(*secret);
    const QString keyText
        = u"qs_"_s + QString::fromLatin1(id->toHex()) + u'_' + QString::fromLatin1(encodeBase64Url(*secret));
    OPENSSL_cleanse(secret->data(), static_cast<size_t>(secret->size()));
    if (digest.size() != 32)
        return Api::makeError(Api::ErrorCode::Internal, u"SHA-256 failed"_s);

    const ApiKeyInfo info {QString::fromLatin1(id->toHex()), role, name,
                           m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch()};
    QList<Entry> entries = m_entries;
    entries.append(Entry {info, digest});
    if (Api::Result<void> saved = save(entries); !saved.ok())
        return saved.error();
    m_entries = std::move(entries);
    return CreatedApiKey {info, keyText};
}

Api::Result<void> ApiKeyStore::revoke(const QString &keyId)
{
    if (Api::Result<void> reloaded = reloadIfChanged(); !reloaded.ok())
        return reloaded;
    QList<Entry> entries = m_entries;
    const qsizetype removed = entries.removeIf([&](const Entry &e) { return e.info.keyId == keyId; });
    if (removed == 0)
        // The id is not echoed: a caller who pasted the whole key text would see part of its secret.
        return Api::makeError(Api::ErrorCode::NotFound, u"no API key has this id"_s);
    if (Api::Result<void> saved = save(entries); !saved.ok())
        return saved;
    m_entries = std::move(entries);
    return {};
}

QList<ApiKeyInfo> ApiKeyStore::list() const
{
    QList<ApiKeyInfo> infos;
    for (const Entry &entry : m_entries)
        infos.append(entry.info);
    std::stable_sort(infos.begin(), infos.end(),
                     [](const ApiKeyInfo &a, const ApiKeyInfo &b) { return a.createdMs < b.createdMs; });
    return infos;
}

bool ApiKeyStore::contains(const QString &keyId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) { return e.info.keyId == keyId; });
}

AuthResult ApiKeyStore::verify(QByteArrayView keyText) const
{
    if (keyText.size() > maximumKeyTextBytes)
        return AuthResult::fail(AuthFailure::TooLarge,
                                u"the API key is longer than %1 bytes"_s.arg(maximumKeyTextBytes));
    const qsizetype idLength = 2 * keyIdBytes;
    const qsizetype secretAt = 3 + idLength + 1;
    if (!looksLikeApiKey(keyText) || keyText.size() <= secretAt || keyText.at(secretAt - 1) != '_'
        || !isLowerHex(keyText.sliced(3, idLength), idLength))
        return AuthResult::fail(AuthFailure::Malformed, u"an API key reads qs_<16 hex digits>_<secret>"_s);
    std::optional<QByteArray> secret = decodeBase64Url(keyText.sliced(secretAt));
    if (!secret || secret->size() != secretBytes)
        return AuthResult::fail(AuthFailure::Malformed, u"the API key's secret is not 32 bytes of base64url"_s);
    const QString keyId = QString::fromLatin1(keyText.sliced(3, idLength));
    const auto entry
        = std::find_if(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) { return e.info.keyId == keyId; });
    const QByteArray digest = sha256(*secret);
    OPENSSL_cleanse(secret->data(), static_cast<size_t>(secret->size()));
    if (entry == m_entries.cend())
        return AuthResult::fail(AuthFailure::UnknownKey, u"no API key has this key's id (revoked or never created)"_s);
    if (digest.size() != entry->secretSha256.size()
        || CRYPTO_memcmp(digest.constData(), entry->secretSha256.constData(), static_cast<size_t>(digest.size())) != 0)
        return AuthResult::fail(AuthFailure::BadSecret, u"the API key's secret is wrong"_s);
    return Identity {u"api-key:"_s + keyId, entry->info.role, 0, CredentialKind::ApiKey, keyId};
}

} // namespace QwenSwarm::Remote
