#pragma once

#include "auth/identity.h"

#include <api/error.h>

#include <QByteArrayView>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace QwenSwarm::Remote {

/// The signature algorithms a JWT key can be pinned to.
enum class JwtAlgorithm
{
    HS256, ///< HMAC-SHA-256 with a shared secret of at least 32 bytes.
    RS256, ///< RSASSA-PKCS1-v1_5 with SHA-256 and an RSA public key of at least 2048 bits.
};

} // namespace QwenSwarm::Remote

/// The JOSE names of the algorithms, as a token's `alg` header spells them.
template<>
struct QwenSwarm::Api::EnumNames<QwenSwarm::Remote::JwtAlgorithm>
{
    static constexpr std::array<QStringView, 2> names {u"HS256", u"RS256"};
};

namespace QwenSwarm::Remote {

/// What a JwtVerifier checks besides the signature.
struct JwtVerifierOptions
{
    /// Milliseconds since the epoch, UTC. Tests inject a fixed clock; empty means the system clock.
    using Clock = std::function<qint64()>;

    QString issuer; ///< Every token's `iss` must equal it. Empty fails every token (fail closed).
    QString audience; ///< Every token's `aud` (a string or an array) must name it. Empty fails every token.
    std::chrono::seconds leeway {30}; ///< Clock skew allowed on `exp` and `nbf`; clamped to 0..300 s.
    qsizetype maxTokenBytes = 8 * 1024; ///< Longer tokens are refused unread (TooLarge).
    Clock clock;
};

/// Verifies bearer JWTs (compact JWS, RFC 7515/7519) against keys whose algorithm is pinned per key
/// id. Only HS256 and RS256 exist; the header's `alg` must equal the pinned algorithm of the key its
/// `kid` selects (or of the only key, when the token names none), so `none` and HS/RS key confusion
/// fail before any signature check. The signature is verified before the payload is decoded. Claims
/// `exp`, `nbf`, `aud`, `iss` are required and checked with the leeway; `sub` is the actor and a `role`
/// claim ("viewer" | "operator" | "admin") the role; `crit` headers are refused. HS256 signatures are
/// compared in constant time (CRYPTO_memcmp).
///
/// Threading: add keys first, from one thread; afterwards verify() is const and may be called from any
/// number of threads at once. Errors and messages never contain keys, tokens, or text taken from them.
class JwtVerifier
{
public:
    /// A verifier with no keys (every token fails with UnknownKey until a key is added).
    explicit JwtVerifier(JwtVerifierOptions options = {});
    ~JwtVerifier();
    JwtVerifier(JwtVerifier &&) noexcept;
    JwtVerifier &operator=(JwtVerifier &&) noexcept;
    JwtVerifier(const JwtVerifier &) = delete;
    JwtVerifier &operator=(const JwtVerifier &) = delete;

    /// InvalidArgument naming the problem if the options cannot accept any token (no issuer, no
    /// audience, a limit too small); for validating a configuration before starting.
    static Api::Result<void> checkOptions(const JwtVerifierOptions &options);

    /// Adds an HS256 key. InvalidArgument if the secret is shorter than 32 bytes or the key id is
    /// taken (the empty key id is a valid id for a single key). The secret is copied and wiped on
    /// destruction.
    Api::Result<void> addHs256Key(const QString &keyId, QByteArrayView secret);

    /// Adds an RS256 key from a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block. InvalidArgument if it is
    /// not an RSA public key of at least 2048 bits or the key id is taken.
    Api::Result<void> addRs256Key(const QString &keyId, QByteArrayView publicKeyPem);

    /// How many keys are configured.
    qsizetype keyCount() const;

    /// Verifies a compact JWT (the text after "Bearer "). Answers the identity it proves, or why not.
    AuthResult verify(QByteArrayView token) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace QwenSwarm::Remote
