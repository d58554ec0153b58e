#include "server/authenticator.h"

#include "auth/apikeystore.h"
#include "auth/jwtverifier.h"

namespace QwenSwarm::Remote {

Authenticator::Authenticator(const JwtVerifier *jwt, ApiKeyStore *keys)
    : m_jwt(jwt)
    , m_keys(keys)
{ }

AuthResult Authenticator::authenticate(QByteArrayView bearer) const
{
    if (ApiKeyStore::looksLikeApiKey(bearer)) {
        if (!m_keys)
            return AuthResult::fail(AuthFailure::UnknownKey, QStringLiteral("this server accepts no API keys"));
        m_keys->reloadIfChanged(); // keys made by --create-api-key while the server runs
        return m_keys->verify(bearer);
    }
    if (!m_jwt)
        return AuthResult::fail(AuthFailure::UnknownKey, QStringLiteral("this server accepts no tokens"));
    return m_jwt->verify(bearer);
}

AuthResult Authenticator::missing()
{
    return AuthResult::fail(AuthFailure::Malformed, QStringLiteral("an Authorization: Bearer credential is required"));
}

} // namespace QwenSwarm::Remote
