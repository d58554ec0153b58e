// Fuzz target: JwtVerifier and the strict base64url decoder. The first byte picks what the rest is:
//   0: a token as a client sends it;
//   1: "<header JSON>\n<payload JSON>", encoded and HS256-signed here, so that fuzzed claims get past
//      the signature check (which random bytes never do);
//   2: a payload JSON under a correct HS256 header, signed here;
//   3: text for decodeBase64Url, whose answers must be canonical.
#include "fuzzcheck.h"

#include <auth/base64url.h>
#include <auth/jwtverifier.h>

#include <QByteArray>
#include <QMessageAuthenticationCode>

#include <cstdint>

using namespace QwenSwarm::Remote;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray secret = QByteArrayLiteral("fuzz-secret-fuzz-secret-fuzz-secret!");

const char rsaPublicKey[] = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkYOp47A4iZakyYGWOiQw
x25p5evlKNnCwa1VV7W1G7RF6YEQ8S5w5gM9XmS8IKRoOY9jov5FamMg9cJgwqGE
fBns5B9+9Ldn6iTl3VnQn9SYfnrAaqBULsqpGfxZtWZ4lRMCxWak3wDw71l+6muS
0XzbpBMJl/I1ZpllQjM9wJOGw3WpBehlyyfXHQOJ2LDuv+GJsqZsTK1liaoBZDSj
0SIYRB4EviCpXJbKKaOy3J05jVTbXlbkvraHmWsGw1tzBhmwTph2M2NRes+h7vBl
RM/5mINccTLEbj/gA5PFum6mnOwOaoJEMlALUcmgw94YiYHKB/TVsRoEd5LBP6uR
nwIDAQAB
-----END PUBLIC KEY-----
)";

const JwtVerifier &verifier()
{
    static const JwtVerifier instance = [] {
        JwtVerifierOptions options;
        options.issuer = u"https://id.example.com"_s;
        options.audience = u"qwen-swarm"_s;
        options.clock = [] { return qint64(1800000000000); };
        JwtVerifier v(options);
        FUZZ_CHECK(v.addHs256Key(u"hs"_s, secret).ok());
        FUZZ_CHECK(v.addRs256Key(u"rs"_s, QByteArrayView(rsaPublicKey)).ok());
        return v;
    }();
    return instance;
}

QByteArray signedToken(QByteArrayView header, QByteArrayView payload)
{
    const QByteArray input = encodeBase64Url(header) + '.' + encodeBase64Url(payload);
    const QByteArray mac = QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    return input + '.' + encodeBase64Url(mac);
}

void checkResult(const AuthResult &result)
{
    if (result.ok()) {
        FUZZ_CHECK(!result.identity().subject.isEmpty());
        FUZZ_CHECK(result.identity().keyId == u"hs"_s || result.identity().keyId == u"rs"_s);
    } else {
        FUZZ_CHECK(!result.message().isEmpty());
        FUZZ_CHECK(result.toError().code == QwenSwarm::Api::ErrorCode::Unauthenticated);
    }
}

void checkBase64Url(QByteArrayView text)
{
    if (const std::optional<QByteArray> decoded = decodeBase64Url(text))
        FUZZ_CHECK(encodeBase64Url(*decoded) == text); // one accepted spelling per byte string
    const std::optional<QByteArray> back = decodeBase64Url(encodeBase64Url(text));
    FUZZ_CHECK(back && *back == text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % 4) {
    case 0:
        checkResult(verifier().verify(rest));
        break;
    case 1: {
        const qsizetype newline = rest.indexOf('\n');
        const QByteArrayView header = newline < 0 ? rest : rest.first(newline);
        const QByteArrayView payload = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
        checkResult(verifier().verify(signedToken(header, payload)));
        break;
    }
    case 2: {
        const AuthResult result = verifier().verify(signedToken(R"({"alg":"HS256","kid":"hs"})", rest));
        checkResult(result);
        // The header and signature are right: only the claims (or the size) can be wrong.
        FUZZ_CHECK(result.ok()
                   || (result.reason() != AuthFailure::BadSignature && result.reason() != AuthFailure::WrongAlgorithm
                       && result.reason() != AuthFailure::UnknownKey));
        break;
    }
    default:
        checkBase64Url(rest);
        break;
    }
    return 0;
}
