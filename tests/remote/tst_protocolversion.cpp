// Protocol version negotiation: the hello picks the highest revision both sides speak.
#include "protocol/protocolversion.h"

#include <QTest>

using namespace QwenSwarm::Remote;

class TestProtocolVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subprotocolNameIsVersionOne();
    void supportedVersionsAreValid();
    void negotiate_data();
    void negotiate();
    void isValid_data();
    void isValid();
};

void TestProtocolVersion::subprotocolNameIsVersionOne()
{
    QCOMPARE(subprotocolName(), QStringLiteral("qwen-swarm.v1"));
}

void TestProtocolVersion::supportedVersionsAreValid()
{
    const VersionRange supported = supportedVersions();
    QVERIFY(supported.isValid());
    QVERIFY(supported.min >= 1);
    // The subprotocol is named after revision 1, so this build must speak it.
    QCOMPARE(supported.min, 1);
    // Two peers of this build agree on the newest revision they both speak.
    const std::optional<int> agreed = negotiateVersion(supported, supported);
    QVERIFY(agreed.has_value());
    QCOMPARE(*agreed, supported.max);
}

void TestProtocolVersion::negotiate_data()
{
    QTest::addColumn<int>("clientMin");
    QTest::addColumn<int>("clientMax");
    QTest::addColumn<int>("serverMin");
    QTest::addColumn<int>("serverMax");
    QTest::addColumn<int>("expected"); // 0 = no common revision

    QTest::newRow("same single revision") << 1 << 1 << 1 << 1 << 1;
    QTest::newRow("partial overlap picks highest common") << 1 << 3 << 2 << 5 << 3;
    QTest::newRow("server contained in client") << 1 << 10 << 4 << 6 << 6;
    QTest::newRow("client contained in server") << 2 << 2 << 1 << 3 << 2;
    QTest::newRow("ranges touch at one revision") << 1 << 2 << 2 << 4 << 2;
    QTest::newRow("disjoint, client older") << 1 << 2 << 3 << 4 << 0;
    QTest::newRow("disjoint, client newer") << 5 << 7 << 1 << 4 << 0;
    QTest::newRow("client range inverted") << 3 << 1 << 1 << 3 << 0;
    QTest::newRow("server range inverted") << 1 << 3 << 3 << 2 << 0;
    QTest::newRow("client min zero") << 0 << 2 << 1 << 2 << 0;
    QTest::newRow("server min negative") << 1 << 2 << -1 << 2 << 0;
    QTest::newRow("both ranges invalid") << 0 << 0 << 0 << 0 << 0;
}

void TestProtocolVersion::negotiate()
{
    QFETCH(int, clientMin);
    QFETCH(int, clientMax);
    QFETCH(int, serverMin);
    QFETCH(int, serverMax);
    QFETCH(int, expected);

    const VersionRange client {clientMin, clientMax};
    const VersionRange server {serverMin, serverMax};

    const std::optional<int> agreed = negotiateVersion(client, server);
    QCOMPARE(agreed.has_value(), expected != 0);
    QCOMPARE(agreed.value_or(0), expected);
    // Negotiation does not depend on who is the client.
    const std::optional<int> swapped = negotiateVersion(server, client);
    QCOMPARE(swapped.has_value(), expected != 0);
    QCOMPARE(swapped.value_or(0), expected);
}

void TestProtocolVersion::isValid_data()
{
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");
    QTest::addColumn<bool>("valid");

    QTest::newRow("default") << VersionRange {}.min << VersionRange {}.max << true;
    QTest::newRow("1..4") << 1 << 4 << true;
    QTest::newRow("3..3") << 3 << 3 << true;
    QTest::newRow("0..1") << 0 << 1 << false;
    QTest::newRow("-2..1") << -2 << 1 << false;
    QTest::newRow("4..3") << 4 << 3 << false;
}

void TestProtocolVersion::isValid()
{
    QFETCH(int, min);
    QFETCH(int, max);
    QFETCH(bool, valid);

    QCOMPARE((VersionRange {min, max}.isValid()), valid);
}

QTEST_GUILESS_MAIN(TestProtocolVersion)
#include "tst_protocolversion.moc"
