// The console's main window over a real in-process core: what an operator sees while tasks flow,
// and the shell around the pages (docks, saved layout, menus and shortcuts, connection, palettes).
#include "common/themecontroller.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/livesummary.h"
#include "dashboard/summarypage.h"
#include "designer/designerpage.h"
#include "mainwindow/connectionstatuswidget.h"
#include "mainwindow/mainwindow.h"

#include "uitestsupport.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

namespace Api = QwenSwarm::Api;
namespace Testing = QwenSwarm::Testing;
using QwenSwarm::Engine::InProcessBackend;
using QwenSwarm::Ui::LiveSummary;
using QwenSwarm::Ui::MainWindow;
using QwenSwarm::UiTesting::demoLikeSwarm;
using QwenSwarm::UiTesting::sumTask;

/// A tile's number as the operator reads it (the locale may group digits).
qlonglong tileNumber(const MainWindow &window, const QString &tile)
{
    bool ok = false;
    const qlonglong value = QLocale().toLongLong(window.summaryPage()->tileText(tile), &ok);
    return ok ? value : -1;
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void statusBarNamesEmbeddedCoreAndStore();
    void tilesAndDecisionsFollowTheWork();
    void liveSummaryCoalescesBursts();
    void pagesAreClosableDocksThatReopen();
    void layoutAndGeometryAreRestored();
    void everyActionHasADistinctShortcut();
    void palettesFollowTheSystem();
    void languageChoiceIsSavedForTheNextStart();
    void connectionHooksForARemoteBackend();

private:
    QTemporaryDir m_settings;
};

void TstMainWindow::initTestCase()
{
    QwenSwarm::UiTesting::isolateSettings(m_settings);
}

void TstMainWindow::init()
{
    QSettings().clear(); // each test starts from the default layout
}

void TstMainWindow::statusBarNamesEmbeddedCoreAndStore()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    window.show();
    QVERIFY(Testing::spinUntil([&] { return window.connectionText().contains(u"Embedded core"_s); }));
    const QString text = window.connectionText();
    QVERIFY2(text.contains(u"memory"_s), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(QWENSWARM_VERSION)), qPrintable(text));
    QVERIFY(window.summaryPage() != nullptr);
    QCOMPARE(window.summaryPage()->tileText(u"tile_submitted"_s), QLocale().toString(0));
}

void TstMainWindow::tilesAndDecisionsFollowTheWork()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    window.show();
    const auto swarm
        = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(demoLikeSwarm(), c, done); });
    QS_VERIFY_OK(swarm);
    QVERIFY(Testing::spinUntil([&] { return window.summaryPage()->tileText(u"tile_agents"_s) == u"5 of 5"_s; }));

    // A stream of tasks, one every 25 ms, as the demo feeder sends them.
    constexpr int total = 60;
    int submitted = 0;
    int accepted = 0;
    QTimer feeder;
    feeder.setInterval(25);
    connect(&feeder, &QTimer::timeout, &window, [&] {
        if (submitted == total)
            return feeder.stop();
        ++submitted;
        backend.submitTask(sumTask(swarm->id, submitted, 2 * submitted), &window,
                           [&accepted](Api::Result<Api::Task> task) { accepted += task.ok() ? 1 : 0; });
    });
    feeder.start();

    QList<qlonglong> succeededSeen;
    double fastestRate = 0;
    const bool finished = Testing::spinUntil(
        [&] {
            fastestRate = std::max(fastestRate, QLocale().toDouble(window.summaryPage()->tileText(u"tile_rate"_s)));
            const qlonglong now = tileNumber(window, u"tile_succeeded"_s);
            if (succeededSeen.isEmpty() || succeededSeen.constLast() != now)
                succeededSeen.append(now);
            return now == total;
        },
        20000);
    QVERIFY2(finished,
             qPrintable(u"succeeded tile shows %1"_s.arg(window.summaryPage()->tileText(u"tile_succeeded"_s))));
    QCOMPARE(accepted, total);
    // Tasks finish at about 40 a second; the rate, taken over a few seconds, says so rather than
    // jumping with the clumps of a single poll.
    QVERIFY2(fastestRate > 5 && fastestRate < 100, qPrintable(u"tasks per second showed %1"_s.arg(fastestRate)));

    // The count rose in steps while the work went on, never down.
    QVERIFY2(succeededSeen.size() >= 3, qPrintable(u"only %1 distinct values seen"_s.arg(succeededSeen.size())));
    QVERIFY(std::is_sorted(succeededSeen.cbegin(), succeededSeen.cend()));
    QVERIFY(std::any_of(succeededSeen.cbegin(), succeededSeen.cend(), [](qlonglong v) { return v > 0 && v < total; }));

    QVERIFY(Testing::spinUntil(
        [&] { return tileNumber(window, u"tile_running"_s) == 0 && tileNumber(window, u"tile_queued"_s) == 0; }));
    QCOMPARE(tileNumber(window, u"tile_submitted"_s), qlonglong(total));
    QCOMPARE(tileNumber(window, u"tile_failed"_s), 0);
    QCOMPARE(tileNumber(window, u"tile_decisions"_s), qlonglong(total));
    QCOMPARE(window.summaryPage()->tileText(u"tile_agents"_s), u"5 of 5"_s);

    const auto *recent = window.findChild<QListWidget *>(u"recent_decisions"_s);
    QVERIFY(recent);
    QVERIFY(Testing::spinUntil([&] { return recent->count() == 50; }));
    // Each line names a distinct task with the decided sum; the agents are good enough that nearly
    // every decision is the right sum (task k asked k + 2k).
    const QRegularExpression line(u"^Task (\\d+) — decided “(-?\\d+)” with \\d+% agreement$"_s);
    QSet<qlonglong> listed;
    int right = 0;
    for (int i = 0; i < recent->count(); ++i) {
        const QString text = recent->item(i)->text();
        const QRegularExpressionMatch match = line.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        const qlonglong task = match.captured(1).toLongLong();
        QVERIFY(task >= 1 && task <= total);
        listed.insert(task);
        right += match.captured(2).toLongLong() == 3 * task ? 1 : 0;
    }
    QCOMPARE(listed.size(), 50);
    QVERIFY2(right >= 45, qPrintable(u"only %1 of 50 decisions were the right sum"_s.arg(right)));
}

void TstMainWindow::liveSummaryCoalescesBursts()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    Api::SwarmSpec spec;
    spec.name = u"burst"_s;
    for (int i = 0; i < 3; ++i) {
        Api::AgentSpec agent;
        agent.name = u"agent-%1"_s.arg(i);
        // Spread latencies, so that decisions arrive over a while, in many separate batches.
        agent.parameters = {{u"accuracy"_s, 1}, {u"latency_ms"_s, 150}, {u"latency_spread"_s, 0.8}};
        agent.limits.maxConcurrency = 0;
        spec.agents.append(agent);
    }
    const auto swarm = Testing::await<Api::Swarm>([&](QObject *c, auto done) { backend.createSwarm(spec, c, done); });
    QS_VERIFY_OK(swarm);

    // Our own count of what the summary receives.
    QList<Api::DecisionEvent> decisions;
    int batches = 0;
    Api::SubscriptionId ours;
    QObject receiver;
    connect(&backend, &Api::Backend::eventsReceived, &receiver,
            [&](Api::SubscriptionId id, const QList<Api::Event> &events) {
                if (id != ours)
                    return;
                ++batches;
                for (const Api::Event &e : events)
                    decisions.append(std::get<Api::DecisionEvent>(e.payload));
            });
    Api::SubscriptionSpec decisionsOnly;
    decisionsOnly.topics = {Api::Topic::Decisions};
    const auto subscribed
        = Testing::await<Api::Subscription>([&](QObject *c, auto done) { backend.subscribe(decisionsOnly, c, done); });
    QS_VERIFY_OK(subscribed);
    ours = subscribed->id;

    constexpr int maxPerSecond = 10;
    LiveSummary summary(backend, nullptr, maxPerSecond);
    QSignalSpy changed(&summary, &LiveSummary::changed);
    summary.start();
    QVERIFY(Testing::spinUntil([&] { return summary.counts().agentsTotal == 3; }));

    constexpr int burst = 400;
    QList<Api::TaskSpec> specs;
    for (int i = 0; i < burst; ++i)
        specs.append(sumTask(swarm->id, i, i));
    QElapsedTimer clock;
    clock.start();
    const int emissionsBefore = int(changed.count());
    const auto accepted
        = Testing::await<QList<Api::Task>>([&](QObject *c, auto done) { backend.submitTasks(specs, c, done); });
    QS_VERIFY_OK(accepted);
    QVERIFY(Testing::spinUntil([&] { return decisions.size() == burst && summary.counts().decisions == burst; }));
    Testing::spinFor(150); // let a last pending update out
    const qint64 elapsedMs = clock.elapsed();
    const int emissions = int(changed.count()) - emissionsBefore;

    // At most one update per interval (plus the one that may be pending at the start), however many
    // events came in: far fewer updates than events.
    const qint64 bound = elapsedMs * maxPerSecond / 1000 + 2;
    QVERIFY2(emissions <= bound, qPrintable(u"%1 updates in %2 ms"_s.arg(emissions).arg(elapsedMs)));
    QVERIFY2(emissions * 10 < burst, qPrintable(u"%1 updates for %2 decisions"_s.arg(emissions).arg(burst)));
    QVERIFY2(emissions < batches, qPrintable(u"%1 updates for %2 batches of events"_s.arg(emissions).arg(batches)));
    QVERIFY(emissions >= 1);

    // Still nothing lost: the newest decisions, newest first, at most 50.
    const QList<LiveSummary::RecentDecision> &recent = summary.recentDecisions();
    QCOMPARE(recent.size(), 50);
    QCOMPARE(recent.constFirst().task, decisions.constLast().taskId);
    QCOMPARE(recent.constLast().task, decisions.at(decisions.size() - 50).taskId);
    QCOMPARE(summary.counts().submitted, double(burst));
}

void TstMainWindow::pagesAreClosableDocksThatReopen()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    window.show();
    QDockWidget *tasks = window.dock(MainWindow::Page::Tasks);
    QVERIFY(tasks->features().testFlag(QDockWidget::DockWidgetClosable));
    QVERIFY(tasks->features().testFlag(QDockWidget::DockWidgetFloatable));
    QVERIFY(tasks->close());
    QVERIFY(tasks->isHidden());
    // Go > Tasks (Ctrl+3) brings it back, in front.
    auto *show = window.findChild<QAction *>(u"action_show_page_3"_s);
    QVERIFY(show);
    QCOMPARE(show->shortcut(), QKeySequence(u"Ctrl+3"_s));
    show->trigger();
    QVERIFY(!tasks->isHidden());
    QVERIFY(!tasks->visibleRegion().isEmpty());
    // So does the View menu's toggle.
    tasks->close();
    tasks->toggleViewAction()->trigger();
    QVERIFY(!tasks->isHidden());
}

void TstMainWindow::layoutAndGeometryAreRestored()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    const auto sideBySide = [](const MainWindow &w) {
        const QDockWidget *dashboard = w.dock(MainWindow::Page::Dashboard);
        const QDockWidget *agents = w.dock(MainWindow::Page::Agents);
        return !dashboard->visibleRegion().isEmpty() && !agents->visibleRegion().isEmpty()
            && dashboard->geometry().right() < agents->geometry().left();
    };
    {
        MainWindow window(backend);
        window.show();
        window.resize(1333, 777);
        // The operator drags the agents page to the right edge and closes the tasks page.
        QDockWidget *agents = window.dock(MainWindow::Page::Agents);
        window.removeDockWidget(agents);
        window.addDockWidget(Qt::RightDockWidgetArea, agents);
        agents->show();
        window.dock(MainWindow::Page::Tasks)->close();
        QVERIFY(Testing::spinUntil([&] { return sideBySide(window); }));
        window.close(); // saves
    }
    MainWindow restored(backend);
    restored.show();
    QCOMPARE(restored.size(), QSize(1333, 777));
    QVERIFY(restored.dock(MainWindow::Page::Tasks)->isHidden());
    QCOMPARE(restored.dockWidgetArea(restored.dock(MainWindow::Page::Agents)), Qt::RightDockWidgetArea);
    QVERIFY(Testing::spinUntil([&] { return sideBySide(restored); }));

    restored.resetLayout(); // all pages back, tabbed, the dashboard in front
    QVERIFY(!restored.dock(MainWindow::Page::Tasks)->isHidden());
    QCOMPARE(restored.dockWidgetArea(restored.dock(MainWindow::Page::Agents)), Qt::LeftDockWidgetArea);
    QVERIFY(Testing::spinUntil([&] {
        return restored.dock(MainWindow::Page::Agents)->visibleRegion().isEmpty()
            && !restored.dock(MainWindow::Page::Dashboard)->visibleRegion().isEmpty();
    }));
}

void TstMainWindow::everyActionHasADistinctShortcut()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    QHash<QString, QString> owners;
    QStringList withoutShortcut;
    const std::function<void(const QMenu *)> visit = [&](const QMenu *menu) {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            if (action->menu()) {
                if (action->menu() != window.designerPage()->recentMenu())
                    visit(action->menu());
                continue;
            }
            const QString text = action->text().remove(u'&');
            const QString key = action->shortcut().toString();
            if (key.isEmpty()) {
                withoutShortcut.append(text);
                continue;
            }
            QVERIFY2(!owners.contains(key), qPrintable(u"%1 is used by %2 and %3"_s.arg(key, owners.value(key), text)));
            owners.insert(key, text);
        }
    };
    for (QAction *top : window.menuBar()->actions())
        visit(top->menu());
    QVERIFY2(owners.size() >= 24, qPrintable(QString::number(owners.size())));
    // The page toggles (Go has shortcuts for them), theme choices and About are the only ones without
    // (the designer's recent files, a list that changes, are not visited).
    for (const QString &text : std::as_const(withoutShortcut)) {
        QVERIFY2(text.endsWith(u" page"_s) || text == u"Follow the system"_s || text.endsWith(u" theme"_s)
                     || text.startsWith(u"About"_s) || text == u"English"_s || text == u"简体中文"_s,
                 qPrintable(text));
    }
    for (const char *key : {"Ctrl+K", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+Shift+N", "Ctrl+Alt+P", "Ctrl+Alt+C",
                            "Ctrl+Shift+P", "Ctrl+Shift+R", "F5", "Ctrl+F"})
        QVERIFY2(owners.contains(QString::fromLatin1(key)), key);
}

void TstMainWindow::languageChoiceIsSavedForTheNextStart()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    {
        MainWindow window(backend);
        auto *system = window.findChild<QAction *>(u"action_language_system"_s);
        auto *chinese = window.findChild<QAction *>(u"action_language_zh_CN"_s);
        QVERIFY(system && chinese && window.findChild<QAction *>(u"action_language_en"_s));
        QVERIFY(system->isChecked()); // nothing saved: the system's language
        chinese->trigger();
        QCOMPARE(QSettings().value(u"appearance/language"_s).toString(), u"zh_CN"_s);
        QVERIFY(window.statusBar()->currentMessage().contains(u"next start"_s));
    }
    {
        MainWindow window(backend); // the next start shows what was chosen, and can go back
        auto *system = window.findChild<QAction *>(u"action_language_system"_s);
        QVERIFY(window.findChild<QAction *>(u"action_language_zh_CN"_s)->isChecked());
        system->trigger();
        QVERIFY(!QSettings().contains(u"appearance/language"_s));
    }
}

void TstMainWindow::palettesFollowTheSystem()
{
    using QwenSwarm::Ui::ThemeController;
    QVERIFY(ThemeController::isDark(ThemeController::darkPalette()));
    QVERIFY(!ThemeController::isDark(ThemeController::lightPalette()));
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    ThemeController *theme = window.theme();
    QCOMPARE(theme->mode(), ThemeController::Mode::System);
    QSignalSpy changed(theme, &ThemeController::changed);
    theme->setMode(ThemeController::Mode::Dark);
    QVERIFY(theme->dark());
    QVERIFY(ThemeController::isDark(QApplication::palette()));
    theme->setMode(ThemeController::Mode::Light);
    QVERIFY(!ThemeController::isDark(QApplication::palette()));
    QCOMPARE(changed.count(), 2);
    // Following the system again reads the platform's palette (light offscreen) on a theme change.
    theme->setMode(ThemeController::Mode::System);
    QEvent themeChange(QEvent::ThemeChange);
    QApplication::sendEvent(&window, &themeChange);
    QCOMPARE(theme->dark(), false);
    QVERIFY(!ThemeController::isDark(QApplication::palette()));
}

void TstMainWindow::connectionHooksForARemoteBackend()
{
    InProcessBackend backend({}, std::make_unique<QwenSwarm::Engine::MemoryStore>());
    MainWindow window(backend);
    QVERIFY(Testing::spinUntil([&] { return window.connectionText().contains(u"round trip"_s); }));
    window.connectionStatus()->setTls(u"TLS 1.3, pinned"_s);
    window.connectionStatus()->setRole(u"operator"_s);
    QVERIFY(window.connectionText().contains(u"TLS 1.3, pinned · role: operator"_s));
    window.connectionStatus()->setTls({});
    QVERIFY(!window.connectionText().contains(u"TLS"_s));
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
