#pragma once

#include "auth/identity.h"

#include <QByteArrayView>

namespace QwenSwarm::Remote {

class ApiKeyStore;
class JwtVerifier;

/// Turns the bearer credential of a request into an Identity: "qs_..." API keys are checked against
/// the key store, anything else as a JWT. Either may be absent (then its credentials are refused).
class Authenticator
{
public:
    Authenticator(const JwtVerifier *jwt, ApiKeyStore *keys);

    AuthResult authenticate(QByteArrayView bearer) const;
    /// For a missing Authorization header.
    static AuthResult missing();

private:
    const JwtVerifier *m_jwt;
    ApiKeyStore *m_keys;
};

} // namespace QwenSwarm::Remote
