// JwtVerifier: every way a bearer token can be wrong is refused with the right reason, and tokens an
// identity provider would issue (HS256 and RS256, made here with OpenSSL) are accepted.
#include "jwttestsupport.h"

#include <auth/jwtverifier.h>

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace QwenSwarm::Remote;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 nowMs = 1800000000000; // 2027-01-15T08:00:00Z
constexpr qint64 now = nowMs / 1000;
const QByteArray hsSecret = QByteArrayLiteral("an HS256 secret of 32+ bytes ...");
const QByteArray otherSecret = QByteArrayLiteral("another HS256 secret, also long.");

QJsonObject header(const QString &alg, const QString &kid)
{
    return {{u"alg"_s, alg}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, kid}};
}

QJsonObject claims()
{
    return {{u"iss"_s, u"https://id.example.com"_s},
            {u"aud"_s, u"qwen-swarm"_s},
            {u"sub"_s, u"alice@example.com"_s},
            {u"role"_s, u"operator"_s},
            {u"iat"_s, now - 60},
            {u"nbf"_s, now - 60},
            {u"exp"_s, now + 3600}};
}

QJsonObject claimsWith(const QString &name, const QJsonValue &value)
{
    QJsonObject c = claims();
    if (value.isUndefined())
        c.remove(name);
    else
        c.insert(name, value);
    return c;
}

JwtVerifierOptions options()
{
    JwtVerifierOptions o;
    o.issuer = u"https://id.example.com"_s;
    o.audience = u"qwen-swarm"_s;
    o.clock = [] { return nowMs; };
    return o;
}

QByteArray segment(const QByteArray &json)
{
    return base64Url(json);
}

} // namespace

class TestJwtVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refuses_data();
    void refuses();
    void accepts_data();
    void accepts();
    void singleKeyNeedsNoKid();
    void failsClosedWithoutIssuerOrAudience();
    void leewayIsClamped();
    void keyConfiguration();
    void checkOptions();
    void refusalIsAnUnauthenticatedError();
    void verifiesFromManyThreads();

private:
    // Parts of valid tokens that the rows recombine.
    struct Pieces
    {
        QByteArray validHs;
        QByteArray validRs;
        QByteArray payload;
        QByteArray hsHeader;
        QByteArray hsSignature;
    };
    Pieces pieces() const;
    void addAlgorithmRows() const;
    void addSignatureRows() const;
    void addClaimRows() const;
    void addStructureRows() const;
    QByteArray hs(const QJsonObject &payload) const
    {
        return hs256Token(header(u"HS256"_s, u"hs"_s), payload, hsSecret);
    }
    QByteArray rs(const QJsonObject &payload) const
    {
        return rs256Token(header(u"RS256"_s, u"rs"_s), payload, m_rsa.get());
    }
    JwtVerifier makeVerifier(JwtVerifierOptions o = options()) const;

    Pkey m_rsa;
    Pkey m_otherRsa;
    QByteArray m_rsaPem;
};

void TestJwtVerifier::initTestCase()
{
    m_rsa = generateRsaKey(2048);
    m_otherRsa = generateRsaKey(2048);
    QVERIFY(m_rsa && m_otherRsa);
    m_rsaPem = publicKeyPem(m_rsa.get());
    QVERIFY(m_rsaPem.startsWith("-----BEGIN PUBLIC KEY-----"));
}

JwtVerifier TestJwtVerifier::makeVerifier(JwtVerifierOptions o) const
{
    JwtVerifier verifier(std::move(o));
    if (!verifier.addHs256Key(u"hs"_s, hsSecret).ok() || !verifier.addRs256Key(u"rs"_s, m_rsaPem).ok())
        qFatal("test keys refused");
    return verifier;
}

TestJwtVerifier::Pieces TestJwtVerifier::pieces() const
{
    Pieces p;
    p.validHs = hs(claims());
    p.validRs = rs(claims());
    p.payload = segment(compactJson(claims()));
    p.hsHeader = segment(compactJson(header(u"HS256"_s, u"hs"_s)));
    p.hsSignature = p.validHs.sliced(p.validHs.lastIndexOf('.') + 1);
    return p;
}

void TestJwtVerifier::refuses_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("reason");
    addAlgorithmRows();
    addSignatureRows();
    addClaimRows();
    addStructureRows();
}

void TestJwtVerifier::addAlgorithmRows() const
{
    const Pieces p = pieces();
    // The algorithm, and which key it may be used with.
    const QByteArray noneHeader = segment(R"({"alg":"none","kid":"hs"})");
    QTest::newRow("alg none, no signature") << noneHeader + '.' + p.payload + '.' << u"wrong_algorithm"_s;
    QTest::newRow("alg none, HS signature")
        << noneHeader + '.' + p.payload + '.' + p.hsSignature << u"wrong_algorithm"_s;
    QTest::newRow("alg None") << hs256Token(header(u"None"_s, u"hs"_s), claims(), hsSecret) << u"wrong_algorithm"_s;
    QTest::newRow("alg hs256 (case)") << hs256Token(header(u"hs256"_s, u"hs"_s), claims(), hsSecret)
                                      << u"wrong_algorithm"_s;
    QTest::newRow("alg HS512") << hs256Token(header(u"HS512"_s, u"hs"_s), claims(), hsSecret) << u"wrong_algorithm"_s;
    QTest::newRow("alg PS256") << rs256Token(header(u"PS256"_s, u"rs"_s), claims(), m_rsa.get())
                               << u"wrong_algorithm"_s;
    // The classic confusion: the RS key's public PEM used as an HMAC secret.
    QTest::newRow("HS256 token for the RS key (public key as HMAC secret)")
        << hs256Token(header(u"HS256"_s, u"rs"_s), claims(), m_rsaPem) << u"wrong_algorithm"_s;
    QTest::newRow("RS256 token for the HS key")
        << rs256Token(header(u"RS256"_s, u"hs"_s), claims(), m_rsa.get()) << u"wrong_algorithm"_s;
    QTest::newRow("alg missing") << hs256Token({{u"kid"_s, u"hs"_s}}, claims(), hsSecret) << u"malformed"_s;
    QTest::newRow("alg a number") << hs256Token({{u"alg"_s, 256}, {u"kid"_s, u"hs"_s}}, claims(), hsSecret)
                                  << u"malformed"_s;
    QJsonObject critical = header(u"HS256"_s, u"hs"_s);
    critical.insert(u"crit"_s, QJsonArray {u"exp"_s});
    QTest::newRow("crit header") << hs256Token(critical, claims(), hsSecret) << u"malformed"_s;

    // Key selection.
    QTest::newRow("unknown kid") << hs256Token(header(u"HS256"_s, u"other"_s), claims(), hsSecret) << u"unknown_key"_s;
    QTest::newRow("kid a number") << hs256Token({{u"alg"_s, u"HS256"_s}, {u"kid"_s, 1}}, claims(), hsSecret)
                                  << u"malformed"_s;
    QTest::newRow("no kid, two keys") << hs256Token({{u"alg"_s, u"HS256"_s}}, claims(), hsSecret) << u"unknown_key"_s;
}

void TestJwtVerifier::addSignatureRows() const
{
    const Pieces p = pieces();
    // Signatures.
    QTest::newRow("HS signed with another secret")
        << hs256Token(header(u"HS256"_s, u"hs"_s), claims(), otherSecret) << u"bad_signature"_s;
    QTest::newRow("RS signed with another key")
        << rs256Token(header(u"RS256"_s, u"rs"_s), claims(), m_otherRsa.get()) << u"bad_signature"_s;
    const QByteArray adminPayload = segment(compactJson(claimsWith(u"role"_s, u"admin"_s)));
    QTest::newRow("HS tampered p.payload")
        << p.hsHeader + '.' + adminPayload + p.validHs.sliced(p.validHs.lastIndexOf('.')) << u"bad_signature"_s;
    QTest::newRow("RS tampered p.payload") << segment(compactJson(header(u"RS256"_s, u"rs"_s))) + '.' + adminPayload
            + p.validRs.sliced(p.validRs.lastIndexOf('.'))
                                           << u"bad_signature"_s;
    QTest::newRow("HS empty signature") << p.hsHeader + '.' + p.payload + '.' << u"bad_signature"_s;
    // Re-signs nothing: changes the length of the decoded signature and encodes it again.
    const auto resized = [](const QByteArray &token, qsizetype delta) -> QByteArray {
        const qsizetype dot = token.lastIndexOf('.');
        QByteArray signature = QByteArray::fromBase64(token.sliced(dot + 1), QByteArray::Base64UrlEncoding);
        signature.resize(signature.size() + delta, '\0');
        return token.first(dot + 1) + base64Url(signature);
    };
    QTest::newRow("HS truncated signature") << resized(p.validHs, -1) << u"bad_signature"_s;
    QTest::newRow("RS truncated signature") << resized(p.validRs, -1) << u"bad_signature"_s;
    QTest::newRow("HS signature with a byte more") << resized(p.validHs, 1) << u"bad_signature"_s;
    QTest::newRow("RS signature with a byte more") << resized(p.validRs, 1) << u"bad_signature"_s;
    QByteArray flipped = p.validRs;
    flipped[flipped.size() - 10] = flipped.at(flipped.size() - 10) == 'A' ? 'B' : 'A';
    QTest::newRow("RS signature with one character changed") << flipped << u"bad_signature"_s;
    QTest::newRow("signature not base64url") << p.hsHeader + '.' + p.payload + ".abc+def/" << u"malformed"_s;
}

void TestJwtVerifier::addClaimRows() const
{
    // Time.
    QTest::newRow("expired beyond leeway") << hs(claimsWith(u"exp"_s, now - 31)) << u"expired"_s;
    QTest::newRow("expired exactly leeway ago") << hs(claimsWith(u"exp"_s, now - 30)) << u"expired"_s;
    QTest::newRow("expired long ago") << rs(claimsWith(u"exp"_s, now - 86400)) << u"expired"_s;
    QTest::newRow("nbf beyond leeway") << hs(claimsWith(u"nbf"_s, now + 31)) << u"not_yet_valid"_s;
    QTest::newRow("exp a string") << hs(claimsWith(u"exp"_s, QString::number(now + 60))) << u"malformed"_s;
    QTest::newRow("exp negative") << hs(claimsWith(u"exp"_s, -1)) << u"malformed"_s;
    QTest::newRow("exp past year 9999") << hs(claimsWith(u"exp"_s, 1e20)) << u"malformed"_s;
    QTest::newRow("nbf null") << hs(claimsWith(u"nbf"_s, QJsonValue::Null)) << u"malformed"_s;
    QTest::newRow("iat a string") << hs(claimsWith(u"iat"_s, u"yesterday"_s)) << u"malformed"_s;

    // Required claims.
    for (const QString &name : {u"exp"_s, u"nbf"_s, u"aud"_s, u"iss"_s, u"sub"_s, u"role"_s})
        QTest::addRow("missing %s", qPrintable(name))
            << hs(claimsWith(name, QJsonValue::Undefined)) << u"missing_claim"_s;

    // Audience and issuer.
    QTest::newRow("wrong aud") << hs(claimsWith(u"aud"_s, u"another-service"_s)) << u"wrong_audience"_s;
    QTest::newRow("wrong aud in array") << hs(claimsWith(u"aud"_s, QJsonArray {u"a"_s, u"b"_s})) << u"wrong_audience"_s;
    QTest::newRow("aud prefix") << hs(claimsWith(u"aud"_s, u"qwen-swarm-2"_s)) << u"wrong_audience"_s;
    QTest::newRow("aud empty array") << hs(claimsWith(u"aud"_s, QJsonArray {})) << u"malformed"_s;
    QTest::newRow("aud array with a number")
        << hs(claimsWith(u"aud"_s, QJsonArray {u"qwen-swarm"_s, 7})) << u"malformed"_s;
    QTest::newRow("aud an object") << hs(claimsWith(u"aud"_s, QJsonObject {})) << u"malformed"_s;
    QTest::newRow("wrong iss") << hs(claimsWith(u"iss"_s, u"https://evil.example.com"_s)) << u"wrong_issuer"_s;
    QTest::newRow("iss differs in case") << hs(claimsWith(u"iss"_s, u"https://ID.example.com"_s)) << u"wrong_issuer"_s;
    QTest::newRow("iss a number") << hs(claimsWith(u"iss"_s, 1)) << u"malformed"_s;

    // Subject and role.
    QTest::newRow("role unknown") << hs(claimsWith(u"role"_s, u"root"_s)) << u"malformed"_s;
    QTest::newRow("role an array") << hs(claimsWith(u"role"_s, QJsonArray {u"admin"_s})) << u"malformed"_s;
    QTest::newRow("sub empty") << hs(claimsWith(u"sub"_s, QString())) << u"malformed"_s;
}

void TestJwtVerifier::addStructureRows() const
{
    const Pieces p = pieces();
    // Malformed structure.
    QTest::newRow("empty") << QByteArray() << u"malformed"_s;
    QTest::newRow("one segment") << p.hsHeader << u"malformed"_s;
    QTest::newRow("two segments") << p.hsHeader + '.' + p.payload << u"malformed"_s;
    QTest::newRow("four segments") << p.validHs + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("empty header segment") << '.' + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("empty p.payload segment") << p.hsHeader + ".." + p.hsSignature << u"malformed"_s;
    QTest::newRow("header with padding") << p.hsHeader + "==." + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header with a space") << ' ' + p.validHs << u"malformed"_s;
    // Standard base64 of this header has a '+', which base64url spells '-'.
    const QByteArray standardHeader
        = QByteArray(R"({"alg":"HS256","kid":"~~~"})").toBase64(QByteArray::OmitTrailingEquals);
    QVERIFY(standardHeader.contains('+'));
    QTest::newRow("header in base64, not base64url")
        << standardHeader + '.' + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header of 4n+1 characters") << "eyJhb." + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header with non-zero trailing bits") << "e3J." + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header not JSON") << segment("alg=HS256") + '.' + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header a JSON array") << segment(R"(["HS256"])") + '.' + p.payload + '.' + p.hsSignature
                                         << u"malformed"_s;
    QTest::newRow("header a JSON string")
        << segment(R"("HS256")") + '.' + p.payload + '.' + p.hsSignature << u"malformed"_s;
    QTest::newRow("header JSON with trailing garbage")
        << segment(R"({"alg":"HS256","kid":"hs"} x)") + '.' + p.payload + '.' + p.hsSignature << u"malformed"_s;
    const auto signedRaw = [](const QByteArray &rawPayload) -> QByteArray {
        const QByteArray input = segment(compactJson(header(u"HS256"_s, u"hs"_s))) + '.' + segment(rawPayload);
        return input + '.' + base64Url(hmacSha256(hsSecret, input));
    };
    QTest::newRow("p.payload not JSON, validly signed") << signedRaw("exp=1") << u"malformed"_s;
    QTest::newRow("p.payload a JSON array, validly signed") << signedRaw("[1,2]") << u"malformed"_s;
    QTest::newRow("p.payload invalid UTF-8, validly signed") << signedRaw("{\"sub\":\"\xff\"}") << u"malformed"_s;

    // Size.
    QJsonObject huge = header(u"HS256"_s, u"hs"_s);
    huge.insert(u"x5c"_s, QString(9000, u'A'));
    QTest::newRow("huge header") << hs256Token(huge, claims(), hsSecret) << u"too_large"_s;
    QTest::newRow("8 KiB + 1 of junk") << QByteArray(8 * 1024 + 1, 'a') << u"too_large"_s;
    QTest::newRow("huge claim") << hs(claimsWith(u"sub"_s, QString(7000, u'x'))) << u"too_large"_s;
}

void TestJwtVerifier::refuses()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, reason);

    const JwtVerifier verifier = makeVerifier();
    const AuthResult result = verifier.verify(token);
    QVERIFY2(!result.ok(), "a bad token was accepted");
    QCOMPARE(QwenSwarm::Api::enumName(result.reason()).toString(), reason);
    QVERIFY(!result.message().isEmpty());
    // The message may be logged and sent to the client: it carries nothing of the token or the keys.
    QVERIFY(!result.message().contains(QString::fromLatin1(hsSecret)));
    for (const QByteArray &part : token.split('.')) {
        if (part.size() >= 8)
            QVERIFY2(!result.message().contains(QString::fromLatin1(part.first(8))), qPrintable(result.message()));
    }
}

void TestJwtVerifier::accepts_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<Role>("role");
    QTest::addColumn<qint64>("expiresAtMs");
    QTest::addColumn<QString>("keyId");

    const qint64 exp = (now + 3600) * 1000;
    QTest::newRow("HS256") << hs(claims()) << u"alice@example.com"_s << Role::Operator << exp << u"hs"_s;
    QTest::newRow("RS256") << rs(claims()) << u"alice@example.com"_s << Role::Operator << exp << u"rs"_s;
    QTest::newRow("viewer") << hs(claimsWith(u"role"_s, u"viewer"_s)) << u"alice@example.com"_s << Role::Viewer << exp
                            << u"hs"_s;
    QTest::newRow("admin, RS256") << rs(claimsWith(u"role"_s, u"admin"_s)) << u"alice@example.com"_s << Role::Admin
                                  << exp << u"rs"_s;
    QTest::newRow("aud array naming us") << hs(claimsWith(u"aud"_s, QJsonArray {u"grafana"_s, u"qwen-swarm"_s}))
                                         << u"alice@example.com"_s << Role::Operator << exp << u"hs"_s;
    QTest::newRow("expired within leeway") << hs(claimsWith(u"exp"_s, now - 29)) << u"alice@example.com"_s
                                           << Role::Operator << (now - 29) * 1000 << u"hs"_s;
    QTest::newRow("nbf in the future within leeway")
        << rs(claimsWith(u"nbf"_s, now + 30)) << u"alice@example.com"_s << Role::Operator << exp << u"rs"_s;
    QTest::newRow("fractional exp") << hs(claimsWith(u"exp"_s, now + 10.5)) << u"alice@example.com"_s << Role::Operator
                                    << (now + 10) * 1000 + 500 << u"hs"_s;
    QTest::newRow("without iat") << hs(claimsWith(u"iat"_s, QJsonValue::Undefined)) << u"alice@example.com"_s
                                 << Role::Operator << exp << u"hs"_s;
    QJsonObject extra = claims();
    extra.insert(u"scope"_s, u"read write"_s);
    extra.insert(u"sub"_s, u"svc:ci-runner ✓"_s);
    QTest::newRow("unknown claims ignored, unicode subject")
        << rs(extra) << u"svc:ci-runner ✓"_s << Role::Operator << exp << u"rs"_s;
}

void TestJwtVerifier::accepts()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, subject);
    QFETCH(Role, role);
    QFETCH(qint64, expiresAtMs);
    QFETCH(QString, keyId);

    const JwtVerifier verifier = makeVerifier();
    const AuthResult result = verifier.verify(token);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.message()));
    QCOMPARE(result.identity().subject, subject);
    QCOMPARE(result.identity().role, role);
    QCOMPARE(result.identity().expiresAtMs, expiresAtMs);
    QCOMPARE(result.identity().keyId, keyId);
    QCOMPARE(result.identity().kind, CredentialKind::Jwt);
}

void TestJwtVerifier::singleKeyNeedsNoKid()
{
    JwtVerifier verifier(options());
    QVERIFY(verifier.addRs256Key(u"only"_s, m_rsaPem).ok());
    const QByteArray token = rs256Token({{u"alg"_s, u"RS256"_s}}, claims(), m_rsa.get());
    const AuthResult result = verifier.verify(token);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.message()));
    QCOMPARE(result.identity().keyId, u"only"_s);
    // The only key is still pinned: an HS256 token signed with its PEM is confusion, not a match.
    QCOMPARE(verifier.verify(hs256Token({{u"alg"_s, u"HS256"_s}}, claims(), m_rsaPem)).reason(),
             AuthFailure::WrongAlgorithm);

    const JwtVerifier empty(options());
    QCOMPARE(empty.verify(token).reason(), AuthFailure::UnknownKey);
}

void TestJwtVerifier::failsClosedWithoutIssuerOrAudience()
{
    JwtVerifierOptions noIssuer = options();
    noIssuer.issuer.clear();
    QCOMPARE(makeVerifier(noIssuer).verify(hs(claimsWith(u"iss"_s, QString()))).reason(), AuthFailure::Malformed);
    QCOMPARE(makeVerifier(noIssuer).verify(hs(claims())).reason(), AuthFailure::WrongIssuer);

    JwtVerifierOptions noAudience = options();
    noAudience.audience.clear();
    QCOMPARE(makeVerifier(noAudience).verify(hs(claims())).reason(), AuthFailure::WrongAudience);
}

void TestJwtVerifier::leewayIsClamped()
{
    JwtVerifierOptions generous = options();
    generous.leeway = std::chrono::hours(1);
    const JwtVerifier verifier = makeVerifier(generous);
    QVERIFY(verifier.verify(hs(claimsWith(u"exp"_s, now - 299))).ok());
    QCOMPARE(verifier.verify(hs(claimsWith(u"exp"_s, now - 301))).reason(), AuthFailure::Expired);

    JwtVerifierOptions strict = options();
    strict.leeway = std::chrono::seconds(0);
    const JwtVerifier exact = makeVerifier(strict);
    QCOMPARE(exact.verify(hs(claimsWith(u"exp"_s, now))).reason(), AuthFailure::Expired);
    QVERIFY(exact.verify(hs(claimsWith(u"exp"_s, now + 1))).ok());
    QVERIFY(exact.verify(hs(claimsWith(u"nbf"_s, now))).ok());
    QCOMPARE(exact.verify(hs(claimsWith(u"nbf"_s, now + 1))).reason(), AuthFailure::NotYetValid);
}

void TestJwtVerifier::keyConfiguration()
{
    JwtVerifier verifier(options());
    QVERIFY(!verifier.addHs256Key(u"short"_s, QByteArray(31, 'k')).ok());
    QVERIFY(verifier.addHs256Key(u"ok"_s, QByteArray(32, 'k')).ok());
    QVERIFY2(!verifier.addHs256Key(u"ok"_s, QByteArray(40, 'k')).ok(), "a key id may be configured once");
    QVERIFY(!verifier.addRs256Key(u"ok"_s, m_rsaPem).ok());

    const auto refused = [&](const QByteArray &pem) {
        const QwenSwarm::Api::Result<void> added = verifier.addRs256Key(u"rs"_s, pem);
        return !added.ok() && added.error().code == QwenSwarm::Api::ErrorCode::InvalidArgument
            && !added.error().message.contains(u"PRIVATE"_s);
    };
    QVERIFY(refused(QByteArray()));
    QVERIFY(refused("not a key"));
    QVERIFY(refused(privateKeyPem(m_rsa.get())));
    const Pkey small = generateRsaKey(1024);
    QVERIFY(refused(publicKeyPem(small.get())));
    char curve[] = "P-256"; // EVP_PKEY_Q_keygen reads a char * from its variable arguments
    const Pkey ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve));
    QVERIFY(refused(publicKeyPem(ec.get())));
    QVERIFY(refused(m_rsaPem.left(m_rsaPem.size() / 2)));
    QCOMPARE(verifier.keyCount(), 1);
    QVERIFY(verifier.addRs256Key(u"rs"_s, m_rsaPem).ok());
    QCOMPARE(verifier.keyCount(), 2);
}

void TestJwtVerifier::checkOptions()
{
    QVERIFY(JwtVerifier::checkOptions(options()).ok());
    JwtVerifierOptions o = options();
    o.issuer.clear();
    QVERIFY(!JwtVerifier::checkOptions(o).ok());
    o = options();
    o.audience.clear();
    QVERIFY(!JwtVerifier::checkOptions(o).ok());
    o = options();
    o.leeway = std::chrono::seconds(301);
    QVERIFY(!JwtVerifier::checkOptions(o).ok());
    o = options();
    o.maxTokenBytes = 100;
    QVERIFY(!JwtVerifier::checkOptions(o).ok());
}

void TestJwtVerifier::refusalIsAnUnauthenticatedError()
{
    const AuthResult result = makeVerifier().verify(hs(claimsWith(u"exp"_s, now - 3600)));
    const QwenSwarm::Api::Error error = result.toError();
    QCOMPARE(error.code, QwenSwarm::Api::ErrorCode::Unauthenticated);
    QCOMPARE(error.details.value(u"reason"_s).toString(), u"expired"_s);
    QVERIFY(error.message.contains(u"expired"_s));
}

void TestJwtVerifier::verifiesFromManyThreads()
{
    const JwtVerifier verifier = makeVerifier();
    const QByteArray hsToken = hs(claims());
    const QByteArray rsToken = rs(claims());
    const QByteArray forged = hs256Token(header(u"HS256"_s, u"hs"_s), claims(), otherSecret);
    std::atomic<int> wrong {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                if (!verifier.verify(hsToken).ok() || !verifier.verify(rsToken).ok() || verifier.verify(forged).ok())
                    ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "tst_jwtverifier.moc"
