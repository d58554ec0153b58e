// The engine's per-minute metrics roll-ups: one a minute, small whatever the number of agents (every
// label but "state" summed away), readable by range, kept eight days.
#include "runtime/engine.h"
#include "store/memorystore.h"

#include <testsupport.h>

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace QwenSwarm::Engine {

class TestMetricsRollup : public QObject
{
    Q_OBJECT

private:
    static Api::Result<QList<Api::MetricsSnapshot>> history(Engine &engine, qint64 fromMs, qint64 toMs)
    {
        return Testing::await<QList<Api::MetricsSnapshot>>(
            [&](QObject *, auto done) { engine.metricsHistory(fromMs, toMs, done); });
    }

private Q_SLOTS:
    void aRollupAMinuteOfWhatTheChartsRead()
    {
        Engine engine(EngineConfig {}, std::make_unique<MemoryStore>());
        engine.start();
        Api::SwarmSpec spec;
        spec.name = u"s"_s;
        for (const QString &name : {u"a"_s, u"b"_s, u"c"_s}) {
            Api::AgentSpec agent;
            agent.name = name;
            agent.parameters = {{u"accuracy"_s, 1.0}, {u"latency_ms"_s, 1}};
            spec.agents.append(agent);
        }
        auto swarm = Testing::await<Api::Swarm>([&](QObject *, auto done) { engine.createSwarm(spec, done); });
        QS_VERIFY_OK(swarm);
        Api::TaskSpec task;
        task.swarmId = swarm->id;
        task.promptTemplate = u"2 + 2?"_s;
        task.referenceAnswer = u"4"_s;
        auto submitted
            = Testing::await<QList<Api::Task>>([&](QObject *, auto done) { engine.tasks().submit({task}, done); });
        QS_VERIFY_OK(submitted);
        QVERIFY(Testing::spinUntil([&] { return engine.metrics().total(u"qwen_swarm_tasks_finished_total") == 1; }));

        constexpr qint64 minute = 60'000;
        const qint64 t0 = 1'764'237'600'000 + 12'345; // within a minute
        engine.rollUpMetrics(t0); // the first minute is partial: nothing yet
        engine.rollUpMetrics(t0 + 20'000);
        QCOMPARE(history(engine, t0 - minute, t0 + 10 * minute)->size(), 0);
        engine.rollUpMetrics(t0 + minute); // the next minute began
        engine.rollUpMetrics(t0 + minute + 30'000); // still in it: nothing more
        auto rollups = history(engine, t0 - minute, t0 + 10 * minute);
        QS_VERIFY_OK(rollups);
        QCOMPARE(rollups->size(), 1);
        const Api::MetricsSnapshot &r = rollups->at(0);
        QCOMPARE(r.timeMs, t0 - 12'345 + minute); // on the minute
        QCOMPARE(r.total(u"qwen_swarm_tasks_finished_total"), 1.0);
        QCOMPARE(r.total(u"qwen_swarm_agent_calls_total"), engine.metrics().total(u"qwen_swarm_agent_calls_total"));
        QCOMPARE(r.value(u"qwen_swarm_agents", {{u"state"_s, u"idle"_s}}).value_or(-1), 3.0);
        QVERIFY(r.family(u"qwen_swarm_task_duration_seconds"));
        QCOMPARE(r.family(u"qwen_swarm_task_duration_seconds")->samples.size(), 1);
        for (const Api::MetricFamily &f : r.families) {
            for (const Api::MetricSample &s : f.samples)
                QVERIFY2(s.labels.isEmpty() || s.labels.keys() == QStringList {u"state"_s}, qPrintable(f.name));
        }
        QVERIFY(!r.family(u"qwen_swarm_decision_agreement")); // what the charts do not read stays out

        engine.rollUpMetrics(t0 + 2 * minute);
        QCOMPARE(history(engine, t0 - minute, t0 + 10 * minute)->size(), 2);
        QCOMPARE(history(engine, t0 + 2 * minute - 12'345, t0 + 10 * minute)->size(), 1); // [from, to)
        // Eight days on, the old ones are gone.
        engine.rollUpMetrics(t0 + 8 * 24 * 60 * minute + 2 * minute);
        auto later = history(engine, t0 + 2 * 24 * 60 * minute, t0 + 9 * 24 * 60 * minute);
        QS_VERIFY_OK(later);
        QCOMPARE(later->size(), 1);
        QCOMPARE(history(engine, t0 - minute, t0 + 10 * minute)->size(), 1);

        QS_VERIFY_ERROR(history(engine, t0, t0 - 1), Api::ErrorCode::InvalidArgument);
        QS_VERIFY_ERROR(history(engine, t0, t0 + 9 * 24 * 60 * minute), Api::ErrorCode::InvalidArgument);
    }
};

} // namespace QwenSwarm::Engine

QTEST_GUILESS_MAIN(QwenSwarm::Engine::TestMetricsRollup)
#include "tst_metricsrollup.moc"
