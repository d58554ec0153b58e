// The logs and audit page over a real in-process core: the swarm's work shows up as log lines that
// filter by level, source and text; pause holds the view still and resume catches up; copy puts the
// lines shown on the clipboard; the audit trail reads the persisted log in pages, plus live events,
// and is closed to non-administrators.
#include "logs/auditmodel.h"
#include "logs/logfilterproxymodel.h"
#include "logs/logmodel.h"
#include "logs/logspage.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

namespace Api = QwenSwarm::Api;
namespace Testing = QwenSwarm::Testing;
namespace Ui = QwenSwarm::Ui;
using QwenSwarm::UiTesting::createSwarm;
using QwenSwarm::UiTesting::quickSwarm;
using QwenSwarm::UiTesting::submit;
using QwenSwarm::UiTesting::sumTask;

int linesFrom(const Ui::LogModel &model, const QString &source)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.entry(row).source == source;
    return count;
}

Ui::LogEntry entry(Api::LogLevel level, const QString &source, const QString &message, quint64 seq = 1)
{
    return {seq, 1'700'000'000'000 + qint64(seq), level, source, message};
}

} // namespace

class TstLogsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsPassTheModelTester();
    void logModelIsBounded();
    void filtersByLevelSourceAndText_data();
    void filtersByLevelSourceAndText();
    void theSwarmsWorkIsTailed();
    void pauseHoldsAndResumeCatchesUp();
    void copyTakesTheLinesShown();
    void auditTrailPagesAndFollowsLiveEvents();
    void auditTrailIsForAdministrators();
};

void TstLogsPage::modelsPassTheModelTester()
{
    Ui::LogModel logs(5);
    Ui::LogFilterProxyModel proxy;
    proxy.setSourceModel(&logs);
    Ui::AuditModel audit(4);
    QAbstractItemModelTester t1(&logs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (quint64 i = 1; i <= 8; ++i)
        logs.append({entry(Api::LogLevel(i % 4), u"s%1"_s.arg(i % 3), u"line %1"_s.arg(i), i)});
    proxy.setMinimumLevel(Api::LogLevel::Warning);
    proxy.setSearchText(u"line"_s);
    audit.appendOlder({{1, u"a"_s, u"connect"_s, {}, true, {}}, {0, u"b"_s, u"connect"_s, {}, false, {}}});
    audit.prepend({{3, u"c"_s, u"tasks.submit"_s, {}, true, {}}, {2, u"d"_s, u"tasks.cancel"_s, {}, true, {}}});
    audit.prepend({{4, u"e"_s, u"agents.spawn"_s, {}, true, {}}});
    QCOMPARE(audit.rowCount(), 4); // bounded: the oldest went
    QCOMPARE(audit.entry(0).actor, u"e"_s);
    QCOMPARE(audit.data(audit.index(3, Ui::AuditModel::ActorColumn), Qt::DisplayRole).toString(), u"a"_s);
    logs.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TstLogsPage::logModelIsBounded()
{
    Ui::LogModel logs(100);
    for (quint64 i = 1; i <= 250; ++i)
        logs.append({entry(Api::LogLevel::Info, u"x"_s, u"line %1"_s.arg(i), i)});
    QCOMPARE(logs.rowCount(), 100);
    QCOMPARE(logs.entry(0).message, u"line 151"_s);
    QCOMPARE(logs.entry(99).message, u"line 250"_s);
    QList<Ui::LogEntry> burst;
    for (quint64 i = 1; i <= 300; ++i)
        burst.append(entry(Api::LogLevel::Info, u"y"_s, u"burst %1"_s.arg(i), 1000 + i));
    logs.append(burst);
    QCOMPARE(logs.rowCount(), 100);
    QCOMPARE(logs.entry(0).message, u"burst 201"_s);
}

void TstLogsPage::filtersByLevelSourceAndText_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("shown");
    const QStringList all {u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("everything") << int(Api::LogLevel::Debug) << QString() << QString() << all;
    QTest::newRow("warnings up") << int(Api::LogLevel::Warning) << QString() << QString()
                                 << QStringList {u"c"_s, u"d"_s};
    QTest::newRow("one source") << int(Api::LogLevel::Debug) << u"tasks"_s << QString() << QStringList {u"b"_s, u"c"_s};
    QTest::newRow("text, any case") << int(Api::LogLevel::Debug) << QString() << u"CIRCUIT"_s << QStringList {u"d"_s};
    QTest::newRow("text in source") << int(Api::LogLevel::Debug) << QString() << u"provider"_s << QStringList {u"d"_s};
    QTest::newRow("all three") << int(Api::LogLevel::Info) << u"tasks"_s << u"failed"_s << QStringList {u"c"_s};
    QTest::newRow("nothing") << int(Api::LogLevel::Error) << u"agents"_s << QString() << QStringList {};
}

void TstLogsPage::filtersByLevelSourceAndText()
{
    QFETCH(int, level);
    QFETCH(QString, source);
    QFETCH(QString, search);
    QFETCH(QStringList, shown);
    auto backend = QwenSwarm::UiTesting::makeBackend();
    Ui::LogsPage page(*backend);
    page.model()->append({entry(Api::LogLevel::Debug, u"agents"_s, u"a: idle → busy"_s, 1),
                          entry(Api::LogLevel::Info, u"tasks"_s, u"b: running → succeeded"_s, 2),
                          entry(Api::LogLevel::Warning, u"tasks"_s, u"c: running → failed"_s, 3),
                          entry(Api::LogLevel::Error, u"provider.openai"_s, u"d: circuit open"_s, 4)});
    page.setMinimumLevel(Api::LogLevel(level));
    page.setSourceFilter(source);
    page.setSearchText(search);
    QStringList seen;
    for (int row = 0; row < page.proxy()->rowCount(); ++row)
        seen.append(page.proxy()->index(row, Ui::LogModel::MessageColumn).data().toString().left(1));
    QCOMPARE(seen, shown);
}

void TstLogsPage::theSwarmsWorkIsTailed()
{
    auto backend = QwenSwarm::UiTesting::makeBackend();
    Ui::LogsPage page(*backend);
    page.start();
    const auto swarm = createSwarm(*backend, quickSwarm(u"tail"_s, 3, 1));
    QVERIFY(swarm);
    QVERIFY(submit(*backend, {sumTask(swarm->id, 2, 3), sumTask(swarm->id, 4, 5)}));
    QVERIFY(Testing::spinUntil([&] { return linesFrom(*page.model(), u"decisions"_s) >= 2; }));
    QVERIFY(linesFrom(*page.model(), u"agents"_s) >= 3);
    QVERIFY(linesFrom(*page.model(), u"tasks"_s) >= 4);
    bool succeeded = false;
    for (int row = 0; row < page.model()->rowCount(); ++row)
        succeeded |= page.model()->entry(row).message.contains(u"→ succeeded"_s);
    QVERIFY(succeeded);
    // The sources seen become the source filter's choices.
    page.setSourceFilter(u"decisions"_s);
    QCOMPARE(page.proxy()->rowCount(), linesFrom(*page.model(), u"decisions"_s));
}

void TstLogsPage::pauseHoldsAndResumeCatchesUp()
{
    auto backend = QwenSwarm::UiTesting::makeBackend();
    Ui::LogsPage page(*backend);
    page.start();
    const auto swarm = createSwarm(*backend, quickSwarm(u"pause"_s, 2, 1));
    QVERIFY(swarm);
    QVERIFY(Testing::spinUntil([&] { return page.model()->rowCount() >= 2; }));
    QVERIFY(Testing::spinUntil([&] { return page.waitingCount() == 0; }));
    page.setPaused(true);
    const int before = page.model()->rowCount();
    QVERIFY(submit(*backend, {sumTask(swarm->id, 1, 1)}));
    QVERIFY(Testing::spinUntil([&] { return page.waitingCount() >= 3; }));
    Testing::spinFor(100);
    QCOMPARE(page.model()->rowCount(), before); // the view held still
    page.setPaused(false);
    QVERIFY(page.model()->rowCount() > before);
    QCOMPARE(page.waitingCount(), 0);
}

void TstLogsPage::copyTakesTheLinesShown()
{
    auto backend = QwenSwarm::UiTesting::makeBackend();
    Ui::LogsPage page(*backend);
    page.model()->append({entry(Api::LogLevel::Info, u"tasks"_s, u"first line"_s, 1),
                          entry(Api::LogLevel::Error, u"provider.qwen"_s, u"second line"_s, 2),
                          entry(Api::LogLevel::Info, u"tasks"_s, u"third line"_s, 3)});
    page.setSearchText(u"line"_s);
    QString copied = page.copyLines();
    QCOMPARE(copied.count(u'\n'), 2);
    QVERIFY(copied.contains(u"ERROR provider.qwen second line"_s));
    QCOMPARE(QApplication::clipboard()->text(), copied);
    page.view()->selectRow(2);
    copied = page.copyLines();
    QVERIFY(copied.endsWith(u"INFO tasks third line"_s));
    QVERIFY(!copied.contains(u'\n'));
}

void TstLogsPage::auditTrailPagesAndFollowsLiveEvents()
{
    auto backend = QwenSwarm::UiTesting::makeBackend();
    const auto swarm = createSwarm(*backend, quickSwarm(u"audit"_s, 3, 1));
    QVERIFY(swarm);
    const auto tasks = submit(*backend, {sumTask(swarm->id, 3, 4), sumTask(swarm->id, 5, 6)});
    QVERIFY(tasks);
    QList<Api::DecisionId> decisions;
    for (const Api::Task &submitted : *tasks) {
        QVERIFY(Testing::spinUntil([&] {
            const auto t = QwenSwarm::UiTesting::task(*backend, submitted.id);
            return t && t->result && t->result->decisionId.isValid();
        }));
        decisions.append(QwenSwarm::UiTesting::task(*backend, submitted.id)->result->decisionId);
    }
    const auto feedback = [&](Api::DecisionId decision) {
        Api::DecisionFeedback verdict;
        verdict.correct = true;
        return Testing::await<Api::Decision>(
            [&](QObject *c, auto done) { backend->giveFeedback(decision, verdict, c, done); });
    };
    QVERIFY(feedback(decisions.at(0))); // in the persisted log before the page opens

    Ui::LogsPage page(*backend);
    QAbstractItemModelTester tester(page.auditModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.start();
    page.tabs()->setCurrentIndex(1);
    QVERIFY(Testing::spinUntil([&] { return page.auditModel()->rowCount() >= 1; }));
    QCOMPARE(page.auditModel()->entry(0).action, u"decision.feedback"_s);
    QCOMPARE(page.auditModel()->entry(0).target, u"decision/%1"_s.arg(decisions.at(0).value));
    const int before = page.auditModel()->rowCount();
    QVERIFY(feedback(decisions.at(1))); // live
    QVERIFY(Testing::spinUntil([&] { return page.auditModel()->rowCount() == before + 1; }));
    QCOMPARE(page.auditModel()->entry(0).target, u"decision/%1"_s.arg(decisions.at(1).value));
}

void TstLogsPage::auditTrailIsForAdministrators()
{
    auto backend = QwenSwarm::UiTesting::makeBackend();
    Ui::LogsPage page(*backend);
    page.start();
    page.setRole(u"viewer"_s);
    page.tabs()->setCurrentIndex(1);
    Testing::spinFor(50);
    QCOMPARE(page.auditModel()->rowCount(), 0);
    const QLabel *note = page.findChild<QLabel *>(u"audit_note"_s);
    QVERIFY(note && note->text().contains(u"administrators"_s) && note->text().contains(u"viewer"_s));
}

QTEST_MAIN(TstLogsPage)
#include "tst_logspage.moc"
