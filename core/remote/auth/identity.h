#pragma once

#include "auth/role.h"

#include <api/error.h>

#include <QString>

#include <variant>

namespace QwenSwarm::Remote {

/// Why a credential was refused. Machine-readable: the wire names go into audit lines and into the
/// `reason` detail of an Unauthenticated error.
enum class AuthFailure
{
    Malformed, ///< Not a well-formed token or key (segments, base64url, JSON, claim types).
    TooLarge, ///< Longer than the configured limit; nothing else was looked at.
    WrongAlgorithm, ///< `alg` is none, unsupported, or not the algorithm the selected key is pinned to.
    UnknownKey, ///< No configured key matches the token's `kid` (or the API key's id).
    BadSignature, ///< The signature does not verify with the selected key.
    Expired, ///< `exp` is in the past by more than the leeway.
    NotYetValid, ///< `nbf` is in the future by more than the leeway.
    WrongAudience, ///< `aud` does not name this server.
    WrongIssuer, ///< `iss` is not the configured issuer.
    MissingClaim, ///< A required claim (exp, nbf, aud, iss, sub, role) is absent.
    BadSecret, ///< The API key's id is known but its secret is wrong.
};

} // namespace QwenSwarm::Remote

/// Wire names of the failure reasons.
template<>
struct QwenSwarm::Api::EnumNames<QwenSwarm::Remote::AuthFailure>
{
    static constexpr std::array<QStringView, 11> names {
        u"malformed",     u"too_large",      u"wrong_algorithm", u"unknown_key",   u"bad_signature", u"expired",
        u"not_yet_valid", u"wrong_audience", u"wrong_issuer",    u"missing_claim", u"bad_secret"};
};

namespace QwenSwarm::Remote {

/// How a client proved who it is.
enum class CredentialKind
{
    Jwt, ///< A bearer JWT verified by JwtVerifier.
    ApiKey, ///< A "qs_..." key verified by ApiKeyStore.
};

/// Who a verified credential speaks for. A plain value, safe to copy across threads.
struct Identity
{
    QString subject; ///< The actor: the JWT `sub`, or "api-key:<key id>".
    Role role = Role::Viewer;
    qint64 expiresAtMs = 0; ///< When the credential stops working (ms since the epoch, UTC); 0 = never.
    CredentialKind kind = CredentialKind::Jwt;
    QString keyId; ///< The JWT key id that verified it, or the API key's id.

    bool operator==(const Identity &) const = default;
};

/// The outcome of verifying a credential: an Identity, or a reason with a message for people. The
/// message never contains the credential or any secret, nor text taken from the credential, so it may
/// be logged and sent to the client as is.
class AuthResult
{
public:
    /// A successful verification.
    AuthResult(Identity identity)
        : m_value(std::move(identity))
    { }

    /// A refusal.
    static AuthResult fail(AuthFailure reason, QString message)
    {
        return AuthResult(Failure {reason, std::move(message)});
    }

    /// Whether the credential was accepted.
    bool ok() const { return std::holds_alternative<Identity>(m_value); }
    /// The verified identity; only valid when ok().
    const Identity &identity() const { return std::get<Identity>(m_value); }
    /// Why it was refused; only valid when !ok().
    AuthFailure reason() const { return std::get<Failure>(m_value).reason; }
    /// What was wrong, for people; only valid when !ok().
    const QString &message() const { return std::get<Failure>(m_value).message; }
    /// The refusal as an Unauthenticated api::Error with {"reason": "<wire name>"} in its details;
    /// only valid when !ok().
    Api::Error toError() const;

private:
    struct Failure
    {
        AuthFailure reason;
        QString message;
    };

    explicit AuthResult(Failure failure)
        : m_value(std::move(failure))
    { }

    std::variant<Identity, Failure> m_value;
};

} // namespace QwenSwarm::Remote
