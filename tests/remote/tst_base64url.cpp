// Strict base64url: what JWT segments and API key secrets are read with. One accepted spelling per byte
// string, nothing else.
#include <auth/base64url.h>

#include <QTest>

using namespace QwenSwarm::Remote;

class TestBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void decodesKnownText_data();
    void decodesKnownText();
    void refuses_data();
    void refuses();
};

void TestBase64Url::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (int length = 0; length <= 9; ++length) {
        QByteArray bytes;
        for (int i = 0; i < length; ++i)
            bytes.append(static_cast<char>(0xFB - 37 * i)); // values that use '-' and '_'
        QTest::addRow("%d bytes", length) << bytes;
    }
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(static_cast<char>(i));
    QTest::newRow("every byte value") << all;
}

void TestBase64Url::roundTrip()
{
    QFETCH(QByteArray, bytes);
    const QByteArray text = encodeBase64Url(bytes);
    QVERIFY(!text.contains('=') && !text.contains('+') && !text.contains('/'));
    const std::optional<QByteArray> decoded = decodeBase64Url(text);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, bytes);
}

void TestBase64Url::decodesKnownText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("bytes");
    // RFC 4648 section 10 vectors, without padding.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("Zg") << QByteArray("f");
    QTest::newRow("fo") << QByteArray("Zm8") << QByteArray("fo");
    QTest::newRow("foo") << QByteArray("Zm9v") << QByteArray("foo");
    QTest::newRow("foob") << QByteArray("Zm9vYg") << QByteArray("foob");
    QTest::newRow("fooba") << QByteArray("Zm9vYmE") << QByteArray("fooba");
    QTest::newRow("foobar") << QByteArray("Zm9vYmFy") << QByteArray("foobar");
    QTest::newRow("url alphabet") << QByteArray("-_8") << QByteArray("\xfb\xff");
}

void TestBase64Url::decodesKnownText()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, bytes);
    const std::optional<QByteArray> decoded = decodeBase64Url(text);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, bytes);
}

void TestBase64Url::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding") << QByteArray("Zg==");
    QTest::newRow("one padding character") << QByteArray("Zm8=");
    QTest::newRow("plus (base64, not base64url)") << QByteArray("+_8");
    QTest::newRow("slash (base64, not base64url)") << QByteArray("-/8");
    QTest::newRow("space") << QByteArray("Zm9v Yg");
    QTest::newRow("newline") << QByteArray("Zm9v\nYg");
    QTest::newRow("NUL") << QByteArray("Zm9\0v", 5);
    QTest::newRow("non-ASCII") << QByteArray("Zm9v\xc3\xa9");
    QTest::newRow("one character") << QByteArray("Z");
    QTest::newRow("4n+1 characters") << QByteArray("Zm9vY");
    QTest::newRow("non-zero trailing bits, 2 characters") << QByteArray("Zh");
    QTest::newRow("non-zero trailing bits, 3 characters") << QByteArray("Zm9");
    QTest::newRow("a dot") << QByteArray("Zm9v.Yg");
}

void TestBase64Url::refuses()
{
    QFETCH(QByteArray, text);
    QVERIFY(!decodeBase64Url(text).has_value());
}

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
