#include "auth/jwtverifier.h"

#include "auth/base64url.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype minimumSecretBytes = 32;
constexpr qsizetype maximumKeyBytes = 64 * 1024;
constexpr int minimumRsaBits = 2048;
constexpr std::chrono::seconds maximumLeeway {300};
// NumericDate values past 9999-12-31 are not dates anyone issues.
constexpr double maximumNumericDate = 253402300799.0;

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using PkeyPointer = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct Key
{
    QString id;
    JwtAlgorithm algorithm = JwtAlgorithm::HS256;
    QByteArray secret;
    PkeyPointer publicKey;

    Key() = default;
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;
    ~Key()
    {
        if (!secret.isEmpty())
            OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    }
};

struct Segments
{
    QByteArrayView header;
    QByteArrayView payload;
    QByteArrayView signature;
    QByteArrayView signingInput; ///< header '.' payload: what the signature covers.
};

std::optional<Segments> splitToken(QByteArrayView token)
{
    const qsizetype first = token.indexOf('.');
    if (first < 0)
        return std::nullopt;
    const qsizetype second = token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0)
        return std::nullopt;
    Segments segments {token.first(first), token.sliced(first + 1, second - first - 1), token.sliced(second + 1),
                       token.first(second)};
    if (segments.header.isEmpty() || segments.payload.isEmpty())
        return std::nullopt;
    return segments;
}

std::optional<QJsonObject> decodeJsonObject(QByteArrayView segment)
{
    const std::optional<QByteArray> bytes = decodeBase64Url(segment);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool verifyHmac(const Key &key, QByteArrayView input, QByteArrayView signature)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const unsigned char *result
        = HMAC(EVP_sha256(), key.secret.constData(), static_cast<int>(key.secret.size()),
               reinterpret_cast<const unsigned char *>(input.data()), static_cast<size_t>(input.size()), mac, &length);
    const bool ok = result != nullptr && static_cast<qsizetype>(length) == signature.size()
        && CRYPTO_memcmp(mac, signature.data(), length) == 0;
    OPENSSL_cleanse(mac, sizeof mac);
    return ok;
}

bool verifyRsa(const Key &key, QByteArrayView input, QByteArrayView signature)
{
    if (signature.size() != EVP_PKEY_get_size(key.publicKey.get()))
        return false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok = context != nullptr
        && EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key.publicKey.get()) == 1
        && EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(signature.data()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(input.data()), static_cast<size_t>(input.size()))
            == 1;
    EVP_MD_CTX_free(context);
    return ok;
}

bool verifySignature(const Key &key, QByteArrayView input, QByteArrayView signature)
{
    const bool ok
        = key.algorithm == JwtAlgorithm::HS256 ? verifyHmac(key, input, signature) : verifyRsa(key, input, signature);
    // Leave nothing in this thread's OpenSSL error queue for Qt's TLS backend to trip over.
    ERR_clear_error();
    return ok;
}

// Reads the claims in a fixed order and keeps the first problem.
class ClaimReader
{
public:
    explicit ClaimReader(const QJsonObject &claims)
        : m_claims(claims)
    { }

    bool failed() const { return m_failure.has_value(); }
    AuthResult failure() const { return *m_failure; }

    qint64 numericDate(QLatin1StringView name, bool required)
    {
        const QJsonValue value = m_claims.value(name);
        if (value.isUndefined()) {
            if (required)
                fail(AuthFailure::MissingClaim, u"the token has no '%1' claim"_s.arg(name));
            return 0;
        }
        const double seconds = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > maximumNumericDate) {
            fail(AuthFailure::Malformed, u"the '%1' claim is not a NumericDate (seconds since the epoch)"_s.arg(name));
            return 0;
        }
        return static_cast<qint64>(std::floor(seconds * 1000));
    }

    QString string(QLatin1StringView name)
    {
        const QJsonValue value = m_claims.value(name);
        if (value.isUndefined())
            fail(AuthFailure::MissingClaim, u"the token has no '%1' claim"_s.arg(name));
        else if (!value.isString() || value.toString().isEmpty())
            fail(AuthFailure::Malformed, u"the '%1' claim is not a non-empty string"_s.arg(name));
        return value.toString();
    }

    QStringList audiences()
    {
        const QJsonValue value = m_claims.value("aud"_L1);
        if (value.isUndefined()) {
            fail(AuthFailure::MissingClaim, u"the token has no 'aud' claim"_s);
            return {};
        }
        if (value.isString())
            return {value.toString()};
        const QJsonArray array = value.toArray();
        QStringList list;
        for (const QJsonValue &item : array)
            list.append(item.toString());
        const bool allStrings
            = std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return v.isString(); });
        if (!value.isArray() || array.isEmpty() || !allStrings)
            fail(AuthFailure::Malformed, u"the 'aud' claim is not a string or a non-empty array of strings"_s);
        return list;
    }

private:
    void fail(AuthFailure reason, QString message)
    {
        if (!m_failure)
            m_failure = AuthResult::fail(reason, std::move(message));
    }

    const QJsonObject &m_claims;
    std::optional<AuthResult> m_failure;
};

} // namespace

struct JwtVerifier::Private
{
    JwtVerifierOptions options;
    std::vector<std::unique_ptr<Key>> keys;

    qint64 now() const { return options.clock ? options.clock() : QDateTime::currentMSecsSinceEpoch(); }
    Api::Result<void> addKey(std::unique_ptr<Key> key);
    const Key *selectKey(const QJsonObject &header, std::optional<AuthResult> &failure) const;
    AuthResult checkClaims(const QJsonObject &claims, const Key &key) const;
    std::optional<AuthResult> checkTimes(qint64 expMs, qint64 nbfMs) const;
};

namespace {

Api::Error invalidKey(const QString &problem)
{
    return Api::makeError(Api::ErrorCode::InvalidArgument, problem);
}

// The algorithm the header names, or why the token is refused.
std::optional<JwtAlgorithm> readAlgorithm(const QJsonObject &header, std::optional<AuthResult> &failure)
{
    const QJsonValue alg = header.value("alg"_L1);
    if (!alg.isString()) {
        failure = AuthResult::fail(AuthFailure::Malformed, u"the header has no 'alg' string"_s);
        return std::nullopt;
    }
    const std::optional<JwtAlgorithm> algorithm = Api::enumFromName<JwtAlgorithm>(alg.toString());
    if (!algorithm) {
        failure = AuthResult::fail(AuthFailure::WrongAlgorithm,
                                   u"the token's algorithm is not accepted (only HS256 and RS256 are)"_s);
        return std::nullopt;
    }
    if (header.contains("crit"_L1)) {
        failure = AuthResult::fail(AuthFailure::Malformed, u"critical header extensions are not supported"_s);
        return std::nullopt;
    }
    return algorithm;
}

} // namespace

Api::Result<void> JwtVerifier::Private::addKey(std::unique_ptr<Key> key)
{
    const bool taken = std::any_of(keys.cbegin(), keys.cend(), [&](const auto &k) { return k->id == key->id; });
    if (taken)
        return invalidKey(u"a JWT key with id '%1' is already configured"_s.arg(key->id));
    keys.push_back(std::move(key));
    return {};
}

const Key *JwtVerifier::Private::selectKey(const QJsonObject &header, std::optional<AuthResult> &failure) const
{
    const QJsonValue kid = header.value("kid"_L1);
    if (kid.isUndefined()) {
        if (keys.size() == 1)
            return keys.front().get();
        failure = AuthResult::fail(AuthFailure::UnknownKey,
                                   keys.empty() ? u"no JWT keys are configured"_s
                                                : u"the token names no key id and several keys are configured"_s);
        return nullptr;
    }
    if (!kid.isString()) {
        failure = AuthResult::fail(AuthFailure::Malformed, u"the header's 'kid' is not a string"_s);
        return nullptr;
    }
    const QString id = kid.toString();
    const auto found = std::find_if(keys.cbegin(), keys.cend(), [&](const auto &k) { return k->id == id; });
    if (found == keys.cend()) {
        failure = AuthResult::fail(AuthFailure::UnknownKey, u"no configured key has the token's key id"_s);
        return nullptr;
    }
    return found->get();
}

std::optional<AuthResult> JwtVerifier::Private::checkTimes(qint64 expMs, qint64 nbfMs) const
{
    const qint64 nowMs = now();
    const qint64 leewayMs = std::chrono::milliseconds(options.leeway).count();
    if (nowMs >= expMs + leewayMs)
        return AuthResult::fail(AuthFailure::Expired,
                                u"the token expired %1 s ago (leeway %2 s)"_s.arg(
                                    QString::number((nowMs - expMs) / 1000), QString::number(options.leeway.count())));
    if (nowMs + leewayMs < nbfMs)
        return AuthResult::fail(AuthFailure::NotYetValid,
                                u"the token is not valid for another %1 s (leeway %2 s)"_s.arg(
                                    QString::number((nbfMs - nowMs) / 1000), QString::number(options.leeway.count())));
    return std::nullopt;
}

AuthResult JwtVerifier::Private::checkClaims(const QJsonObject &claims, const Key &key) const
{
    ClaimReader read(claims);
    const qint64 expMs = read.numericDate("exp"_L1, true);
    const qint64 nbfMs = read.numericDate("nbf"_L1, true);
    read.numericDate("iat"_L1, false);
    const QString issuer = read.string("iss"_L1);
    const QStringList audiences = read.audiences();
    const QString subject = read.string("sub"_L1);
    const QString roleText = read.string("role"_L1);
    if (read.failed())
        return read.failure();
    if (options.issuer.isEmpty() || issuer != options.issuer)
        return AuthResult::fail(AuthFailure::WrongIssuer, u"the token's issuer is not the configured one"_s);
    if (options.audience.isEmpty() || !audiences.contains(options.audience))
        return AuthResult::fail(AuthFailure::WrongAudience, u"the token's audience does not name this server"_s);
    if (std::optional<AuthResult> failure = checkTimes(expMs, nbfMs))
        return *failure;
    const std::optional<Role> role = roleFromName(roleText);
    if (!role)
        return AuthResult::fail(AuthFailure::Malformed, u"the 'role' claim is not viewer, operator or admin"_s);
    return Identity {subject, *role, expMs, CredentialKind::Jwt, key.id};
}

JwtVerifier::JwtVerifier(JwtVerifierOptions options)
    : d(std::make_unique<Private>())
{
    options.leeway = std::clamp(options.leeway, std::chrono::seconds(0), maximumLeeway);
    d->options = std::move(options);
}

JwtVerifier::~JwtVerifier() = default;
JwtVerifier::JwtVerifier(JwtVerifier &&) noexcept = default;
JwtVerifier &JwtVerifier::operator=(JwtVerifier &&) noexcept = default;

Api::Result<void> JwtVerifier::checkOptions(const JwtVerifierOptions &options)
{
    if (options.issuer.isEmpty())
        return invalidKey(u"jwt.issuer: required"_s);
    if (options.audience.isEmpty())
        return invalidKey(u"jwt.audience: required"_s);
    if (options.leeway < std::chrono::seconds(0) || options.leeway > maximumLeeway)
        return invalidKey(u"jwt.leeway: must be between 0 and %1 s"_s.arg(maximumLeeway.count()));
    if (options.maxTokenBytes < 256)
        return invalidKey(u"jwt.max_token_bytes: must be at least 256"_s);
    return {};
}

Api::Result<void> JwtVerifier::addHs256Key(const QString &keyId, QByteArrayView secret)
{
    if (secret.size() < minimumSecretBytes || secret.size() > maximumKeyBytes)
        return invalidKey(u"the HS256 secret of key '%1' must be %2 to %3 bytes long"_s.arg(
            keyId, QString::number(minimumSecretBytes), QString::number(maximumKeyBytes)));
    auto key = std::make_unique<Key>();
    key->id = keyId;
    key->algorithm = JwtAlgorithm::HS256;
    key->secret = QByteArray(secret.data(), secret.size());
    return d->addKey(std::move(key));
}

Api::Result<void> JwtVerifier::addRs256Key(const QString &keyId, QByteArrayView publicKeyPem)
{
    if (publicKeyPem.isEmpty() || publicKeyPem.size() > maximumKeyBytes)
        return invalidKey(u"the RS256 key '%1' is not a PEM public key"_s.arg(keyId));
    BIO *bio = BIO_new_mem_buf(publicKeyPem.data(), static_cast<int>(publicKeyPem.size()));
    PkeyPointer publicKey(bio ? PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr) : nullptr);
    BIO_free(bio);
    ERR_clear_error();
    if (!publicKey || EVP_PKEY_get_base_id(publicKey.get()) != EVP_PKEY_RSA)
        return invalidKey(u"the RS256 key '%1' is not a PEM RSA public key (\"BEGIN PUBLIC KEY\")"_s.arg(keyId));
    if (EVP_PKEY_get_bits(publicKey.get()) < minimumRsaBits)
        return invalidKey(u"the RS256 key '%1' has fewer than %2 bits"_s.arg(keyId, QString::number(minimumRsaBits)));
    auto key = std::make_unique<Key>();
    key->id = keyId;
    key->algorithm = JwtAlgorithm::RS256;
    key->publicKey = std::move(publicKey);
    return d->addKey(std::move(key));
}

qsizetype JwtVerifier::keyCount() const
{
    return static_cast<qsizetype>(d->keys.size());
}

AuthResult JwtVerifier::verify(QByteArrayView token) const
{
    if (token.size() > d->options.maxTokenBytes)
        return AuthResult::fail(AuthFailure::TooLarge,
                                u"the token is longer than %1 bytes"_s.arg(QString::number(d->options.maxTokenBytes)));
    const std::optional<Segments> segments = splitToken(token);
    if (!segments)
        return AuthResult::fail(AuthFailure::Malformed, u"a JWT is three base64url segments joined by dots"_s);
    const std::optional<QJsonObject> header = decodeJsonObject(segments->header);
    if (!header)
        return AuthResult::fail(AuthFailure::Malformed, u"the JWT header is not a base64url-encoded JSON object"_s);
    std::optional<AuthResult> failure;
    const std::optional<JwtAlgorithm> algorithm = readAlgorithm(*header, failure);
    if (!algorithm)
        return *failure;
    const Key *key = d->selectKey(*header, failure);
    if (!key)
        return *failure;
    if (key->algorithm != *algorithm)
        return AuthResult::fail(AuthFailure::WrongAlgorithm,
                                u"the token's algorithm is not the one its key is pinned to"_s);
    const std::optional<QByteArray> signature = decodeBase64Url(segments->signature);
    if (!signature)
        return AuthResult::fail(AuthFailure::Malformed, u"the JWT signature is not base64url"_s);
    if (!verifySignature(*key, segments->signingInput, *signature))
        return AuthResult::fail(AuthFailure::BadSignature, u"the token's signature does not verify"_s);
    const std::optional<QJsonObject> claims = decodeJsonObject(segments->payload);
    if (!claims)
        return AuthResult::fail(AuthFailure::Malformed, u"the JWT payload is not a base64url-encoded JSON object"_s);
    return d->checkClaims(*claims, *key);
}

} // namespace QwenSwarm::Remote
