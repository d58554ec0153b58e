#pragma once

// An Engine on the test thread whose agents call a configured provider, for the provider tests that
// go end to end: it records every event, submits the standard workload and reads the decisions back.
#include "runtime/engine.h"

#include <api/json.h>

#include <testsupport.h>

#include <QJsonDocument>

#include <algorithm>

namespace QwenSwarm::Testing {

/// Every event a subscription delivers.
class AllEvents final : public Engine::EventSink
{
public:
    void deliverEvents(Api::SubscriptionId, QList<Api::Event> &&batch,
                       const std::shared_ptr<std::atomic<qint64>> &unconsumed) override
    {
        unconsumed->fetch_sub(batch.size(), std::memory_order_release);
        events.append(batch);
    }
    void deliverDropped(Api::SubscriptionId, quint64, quint64) override { }

    QList<Api::LogEvent> logs(const QString &source) const
    {
        QList<Api::LogEvent> found;
        for (const Api::Event &e : events) {
            if (const auto *l = std::get_if<Api::LogEvent>(&e.payload); l && l->source == source)
                found.append(*l);
        }
        return found;
    }

    bool finished(Api::TaskId id) const
    {
        return std::any_of(events.cbegin(), events.cend(), [id](const Api::Event &e) {
            const auto *t = std::get_if<Api::TaskEvent>(&e.payload);
            return t && t->taskId == id && Api::isTerminal(t->to);
        });
    }

    /// Everything as JSON text, for looking for what must not be there.
    QByteArray dump() const
    {
        QByteArray all;
        for (const Api::Event &e : events)
            all += QJsonDocument(Api::toJson(e).toObject()).toJson(QJsonDocument::Compact) + '\n';
        return all;
    }

    QList<Api::Event> events;
};

class ProviderEngine
{
public:
    ProviderEngine(Engine::EngineConfig config, std::unique_ptr<Engine::Store> store)
        : engine(std::move(config), std::move(store))
    {
        engine.start();
        engine.subscribe({}, &events);
    }
    ~ProviderEngine() { engine.removeSink(&events); }

    /// A swarm of `agents` agents on `provider`, named agent-0.. like the benchmark's.
    Api::Result<Api::Swarm> createSwarm(const QString &provider, int agents = 5, const QString &model = {})
    {
        Api::SwarmSpec spec;
        static int swarms = 0; // unique across engines that share a store
        spec.name = QStringLiteral("swarm-%1").arg(++swarms);
        for (int i = 0; i < agents; ++i) {
            Api::AgentSpec agent;
            agent.name = QStringLiteral("agent-%1").arg(i);
            agent.provider = provider;
            agent.model = model;
            agent.limits.maxConcurrency = 0;
            spec.agents.append(agent);
        }
        return await<Api::Swarm>([&](QObject *, auto done) { engine.createSwarm(spec, done); });
    }

    /// The standard workload's tasks t = first .. first + count - 1; waits until all finished.
    Api::Result<QList<Api::Task>> runWorkload(Api::SwarmId swarm, int first, int count, int retries = 1)
    {
        QList<Api::TaskSpec> specs;
        for (int t = first; t < first + count; ++t) {
            Api::TaskSpec spec;
            spec.swarmId = swarm;
            spec.promptTemplate = QStringLiteral("task {{t}} agent {{agent.index}}");
            spec.variables.insert(QStringLiteral("t"), t);
            spec.answerFormat = Api::AnswerFormat::Choice;
            spec.choices = {QStringLiteral("A"), QStringLiteral("B")};
            spec.retry.maxAttempts = retries;
            specs.append(spec);
        }
        auto submitted = await<QList<Api::Task>>([&](QObject *, auto done) { engine.tasks().submit(specs, done); });
        if (!submitted)
            return submitted;
        const bool done = spinUntil(
            [&] {
                return std::all_of(submitted->cbegin(), submitted->cend(),
                                   [this](const Api::Task &t) { return events.finished(t.id); });
            },
            30000);
        if (!done)
            return Api::makeError(Api::ErrorCode::DeadlineExceeded, QStringLiteral("the workload did not finish"));
        QList<Api::Task> finished;
        for (const Api::Task &t : submitted.value()) {
            auto now = await<Api::Task>([&](QObject *, auto reply) { engine.tasks().task(t.id, reply); });
            if (!now)
                return now.error();
            finished.append(now.value());
        }
        return finished;
    }

    /// The decisions of a task, oldest first.
    QList<Api::Decision> decisionsOf(Api::TaskId id)
    {
        Api::DecisionQuery query;
        query.taskId = id;
        query.page.limit = 100;
        auto page = await<Api::Page<Api::Decision>>(
            [&](QObject *, auto done) { engine.tasks().queryDecisions(query, done); });
        if (!page)
            return {};
        QList<Api::Decision> items = page->items;
        std::reverse(items.begin(), items.end());
        return items;
    }

    AllEvents events; // declared first: outlives the engine
    Engine::Engine engine;
};

} // namespace QwenSwarm::Testing
