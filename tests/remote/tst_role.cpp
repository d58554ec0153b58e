// Roles and the table of what each method needs: every method has a deliberate entry, reads are open to
// viewers, changes need an operator, key management and learning import need an admin.
#include <auth/role.h>

#include <QSet>
#include <QTest>

using namespace QwenSwarm::Remote;
using namespace Qt::Literals::StringLiterals;
namespace Api = QwenSwarm::Api;

class TestRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void methodTable_data();
    void methodTable();
    void tableCoversEveryMethod();
    void unknownMethodsAreDenied_data();
    void unknownMethodsAreDenied();
    void ordering_data();
    void ordering();
    void roleNames();
    void topics();
    void subscriptions_data();
    void subscriptions();

private:
    // The table as the design states it; a new method fails tableCoversEveryMethod until it is added here.
    static QList<std::pair<QString, Role>> expectedTable();
};

QList<std::pair<QString, Role>> TestRole::expectedTable()
{
    return {
        {u"info"_s, Role::Viewer},
        {u"swarms.create"_s, Role::Operator},
        {u"swarms.list"_s, Role::Viewer},
        {u"swarms.get"_s, Role::Viewer},
        {u"swarms.update"_s, Role::Operator},
        {u"swarms.remove"_s, Role::Operator},
        {u"agents.spawn"_s, Role::Operator},
        {u"agents.list"_s, Role::Viewer},
        {u"agents.get"_s, Role::Viewer},
        {u"agents.command"_s, Role::Operator},
        {u"agents.remove"_s, Role::Operator},
        {u"tasks.submit"_s, Role::Operator},
        {u"tasks.submit_batch"_s, Role::Operator},
        {u"tasks.cancel"_s, Role::Operator},
        {u"tasks.retry"_s, Role::Operator},
        {u"tasks.get"_s, Role::Viewer},
        {u"tasks.query"_s, Role::Viewer},
        {u"decisions.get"_s, Role::Viewer},
        {u"decisions.query"_s, Role::Viewer},
        {u"learning.feedback"_s, Role::Operator},
        {u"learning.reputations"_s, Role::Viewer},
        {u"learning.history"_s, Role::Viewer},
        {u"learning.export"_s, Role::Viewer},
        {u"learning.import"_s, Role::Admin},
        {u"events.subscribe"_s, Role::Viewer},
        {u"events.unsubscribe"_s, Role::Viewer},
        {u"metrics.get"_s, Role::Viewer},
        {u"keys.create"_s, Role::Admin},
        {u"keys.list"_s, Role::Admin},
        {u"keys.revoke"_s, Role::Admin},
        {u"audit.query"_s, Role::Admin},
        {u"memory.query"_s, Role::Viewer},
        {u"memory.put"_s, Role::Operator},
        {u"memory.update"_s, Role::Operator},
        {u"memory.remove"_s, Role::Operator},
        {u"providers.list"_s, Role::Viewer},
        {u"providers.test"_s, Role::Operator},
        {u"providers.put"_s, Role::Admin},
        {u"providers.remove"_s, Role::Admin},
        {u"runs.start"_s, Role::Operator},
        {u"runs.get"_s, Role::Viewer},
        {u"runs.query"_s, Role::Viewer},
        {u"runs.command"_s, Role::Operator},
        {u"runs.retry"_s, Role::Operator},
        {u"runs.approve"_s, Role::Operator},
        {u"metrics.history"_s, Role::Viewer},
    };
}

void TestRole::methodTable_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<Role>("role");
    for (const auto &[method, role] : expectedTable())
        QTest::newRow(qPrintable(method)) << method << role;
}

void TestRole::methodTable()
{
    QFETCH(QString, method);
    QFETCH(Role, role);

    const std::optional<Method> known = methodFromName(method);
    QVERIFY2(known.has_value(), "the protocol has no such method");
    QCOMPARE(methodName(*known).toString(), method);
    QCOMPARE(requiredRole(*known), role);
    QCOMPARE(requiredRole(QStringView(method)), std::optional<Role>(role));
    // Only the key calls are the server's own; everything else is an api::Backend call.
    QCOMPARE(isBackendMethod(*known), !method.startsWith(u"keys."_s));
}

void TestRole::tableCoversEveryMethod()
{
    QSet<QString> expected;
    for (const auto &entry : expectedTable())
        expected.insert(entry.first);
    QSet<QString> actual;
    for (std::size_t i = 0; i < methodCount; ++i)
        actual.insert(methodName(static_cast<Method>(i)).toString());
    QCOMPARE(actual.size(), static_cast<qsizetype>(methodCount)); // names are unique
    QCOMPARE(actual, expected);
}

void TestRole::unknownMethodsAreDenied_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("empty") << QString();
    QTest::newRow("case differs") << u"Tasks.Submit"_s;
    QTest::newRow("trailing space") << u"tasks.submit "_s;
    QTest::newRow("made up") << u"admin.shutdown"_s;
    QTest::newRow("area only") << u"tasks"_s;
}

void TestRole::unknownMethodsAreDenied()
{
    QFETCH(QString, method);
    QVERIFY(!methodFromName(method).has_value());
    QVERIFY(!requiredRole(QStringView(method)).has_value());
}

void TestRole::ordering_data()
{
    QTest::addColumn<Role>("granted");
    QTest::addColumn<Role>("required");
    QTest::addColumn<bool>("allowed");
    const Role roles[] = {Role::Viewer, Role::Operator, Role::Admin};
    for (int g = 0; g < 3; ++g) {
        for (int r = 0; r < 3; ++r) {
            QTest::addRow("%s needs %s", qPrintable(roleName(roles[r]).toString()),
                          qPrintable(roleName(roles[g]).toString()))
                << roles[g] << roles[r] << (g >= r);
        }
    }
}

void TestRole::ordering()
{
    QFETCH(Role, granted);
    QFETCH(Role, required);
    QFETCH(bool, allowed);
    QCOMPARE(roleAllows(granted, required), allowed);
}

void TestRole::roleNames()
{
    QCOMPARE(roleName(Role::Viewer), u"viewer");
    QCOMPARE(roleName(Role::Operator), u"operator");
    QCOMPARE(roleName(Role::Admin), u"admin");
    QCOMPARE(roleFromName(u"operator"), std::optional<Role>(Role::Operator));
    QVERIFY(!roleFromName(u"Admin").has_value());
    QVERIFY(!roleFromName(u"root").has_value());
    QVERIFY(Role::Viewer < Role::Operator && Role::Operator < Role::Admin);
}

void TestRole::topics()
{
    for (std::size_t i = 0; i < Api::EnumNames<Api::Topic>::names.size(); ++i) {
        const auto topic = static_cast<Api::Topic>(i);
        QCOMPARE(requiredRole(topic), topic == Api::Topic::Audit ? Role::Admin : Role::Viewer);
    }
}

void TestRole::subscriptions_data()
{
    QTest::addColumn<QList<Api::Topic>>("topics");
    QTest::addColumn<Role>("role");
    QTest::newRow("every topic (empty list) includes audit") << QList<Api::Topic> {} << Role::Admin;
    QTest::newRow("tasks") << QList<Api::Topic> {Api::Topic::Tasks} << Role::Viewer;
    QTest::newRow("tasks, decisions, logs")
        << QList<Api::Topic> {Api::Topic::Tasks, Api::Topic::Decisions, Api::Topic::Logs} << Role::Viewer;
    QTest::newRow("agents and audit") << QList<Api::Topic> {Api::Topic::Agents, Api::Topic::Audit} << Role::Admin;
}

void TestRole::subscriptions()
{
    QFETCH(QList<Api::Topic>, topics);
    QFETCH(Role, role);
    Api::SubscriptionSpec spec;
    spec.topics = topics;
    QCOMPARE(requiredRole(spec), role);
}

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"
