#include "runtime/specvalidator.h"

#include "agents/agentregistry.h"
#include "consensus/strategyregistry.h"
#include "prompt/promptrenderer.h"
#include "providers/providerregistry.h"

#include <QSet>

#include <algorithm>

namespace QwenSwarm::Engine {

using Api::ErrorCode;
using Api::Result;

namespace {

constexpr int maxNameLength = 64;
constexpr int maxTags = 64;
constexpr qsizetype maxPromptLength = 1 << 20;
constexpr qint64 maxTimeoutMs = 30LL * 24 * 3600 * 1000;

Api::Error invalid(const QString &path, const QString &problem)
{
    return Api::makeError(ErrorCode::InvalidArgument, path + QStringLiteral(": ") + problem,
                          {{QStringLiteral("path"), path}});
}

// Prefixes the path of a nested error ("agents[2]" + "." + "name: ...").
Api::Error nested(const QString &prefix, Api::Error error)
{
    const QString inner = error.details.value(QLatin1StringView("path")).toString();
    const QString path = inner.isEmpty() ? prefix : prefix + QLatin1Char('.') + inner;
    error.message = prefix + QLatin1Char('.') + error.message;
    error.details.insert(QStringLiteral("path"), path);
    return error;
}

Result<void> checkName(const QString &path, const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > maxNameLength)
        return invalid(path, QStringLiteral("expected 1..%1 characters, not blank").arg(maxNameLength));
    if (name.trimmed() != name)
        return invalid(path, QStringLiteral("must not start or end with spaces"));
    return {};
}

Result<void> checkTags(const QString &path, const QStringList &tags)
{
    if (tags.size() > maxTags)
        return invalid(path, QStringLiteral("at most %1 tags").arg(maxTags));
    for (const QString &tag : tags) {
        if (tag.isEmpty() || tag.size() > maxNameLength)
            return invalid(path, QStringLiteral("each tag has 1..%1 characters").arg(maxNameLength));
    }
    return {};
}

bool inRange(double v, double lo, double hi)
{
    return v >= lo && v <= hi;
}

} // namespace

SpecValidator::SpecValidator(const ProviderRegistry &providers, const StrategyRegistry &strategies)
    : m_providers(providers)
    , m_strategies(strategies)
{ }

Result<void> SpecValidator::agentSpec(const Api::AgentSpec &spec) const
{
    if (auto r = checkName(QStringLiteral("name"), spec.name); !r)
        return r;
    const ProviderRegistry::Entry *provider = m_providers.find(spec.provider);
    if (!provider) {
        return invalid(QStringLiteral("provider"),
                       QStringLiteral("unknown provider '%1' (known: %2)")
                           .arg(spec.provider, m_providers.names().join(QStringLiteral(", "))));
    }
    if (auto r = provider->provider->validateParameters(spec.parameters); !r)
        return r;
    if (spec.model.size() > 256)
        return invalid(QStringLiteral("model"), QStringLiteral("at most 256 characters"));
    if (spec.systemPrompt.size() > maxPromptLength)
        return invalid(QStringLiteral("system_prompt"), QStringLiteral("at most 1 MiB"));
    if (auto r = checkTags(QStringLiteral("tags"), spec.tags); !r)
        return r;
    if (!inRange(spec.limits.maxConcurrency, 0, 100000))
        return invalid(QStringLiteral("limits.max_concurrency"), QStringLiteral("expected 0 (unlimited) ..100000"));
    if (!inRange(spec.limits.budgetUsd, 0, 1e9))
        return invalid(QStringLiteral("limits.budget_usd"), QStringLiteral("expected 0 (unlimited) ..1e9"));
    return {};
}

Result<void> SpecValidator::strategy(const Api::StrategySpec &spec) const
{
    return m_strategies.validate(spec);
}

Result<void> SpecValidator::swarmSpec(const Api::SwarmSpec &spec) const
{
    if (auto r = checkName(QStringLiteral("name"), spec.name); !r)
        return r;
    if (auto r = strategy(spec.defaultStrategy); !r)
        return nested(QStringLiteral("default_strategy"), r.error());
    if (spec.agents.size() > 10000)
        return invalid(QStringLiteral("agents"), QStringLiteral("at most 10000 agents"));
    QSet<QString> names;
    for (qsizetype i = 0; i < spec.agents.size(); ++i) {
        const QString path = QStringLiteral("agents[%1]").arg(i);
        if (auto r = agentSpec(spec.agents[i]); !r)
            return nested(path, r.error());
        if (names.contains(spec.agents[i].name))
            return invalid(path + QStringLiteral(".name"),
                           QStringLiteral("'%1' is used twice").arg(spec.agents[i].name));
        names.insert(spec.agents[i].name);
    }
    return {};
}

Result<void> SpecValidator::taskSpec(const Api::TaskSpec &spec, const SwarmRuntime &swarm, qint64 nowMs) const
{
    if (spec.promptTemplate.trimmed().isEmpty())
        return invalid(QStringLiteral("prompt"), QStringLiteral("must not be empty"));
    if (spec.promptTemplate.size() > maxPromptLength)
        return invalid(QStringLiteral("prompt"), QStringLiteral("at most 1 MiB"));
    if (auto r = PromptRenderer::check(spec.promptTemplate, spec.variables); !r)
        return r;
    if (spec.answerFormat == Api::AnswerFormat::Choice) {
        if (spec.choices.size() < 2)
            return invalid(QStringLiteral("choices"), QStringLiteral("a choice task needs at least 2 choices"));
        for (qsizetype i = 0; i < spec.choices.size(); ++i) {
            const QString &c = spec.choices[i];
            const bool duplicate
                = std::any_of(spec.choices.cbegin(), spec.choices.cbegin() + i,
                              [&c](const QString &earlier) { return earlier.compare(c, Qt::CaseInsensitive) == 0; });
            if (c.trimmed().isEmpty() || duplicate)
                return invalid(QStringLiteral("choices"), QStringLiteral("choices must be non-empty and distinct"));
        }
    }
    for (qsizetype i = 0; i < spec.selection.agentIds.size(); ++i) {
        const Api::AgentId id = spec.selection.agentIds[i];
        if (!swarm.swarm.agentIds.contains(id))
            return invalid(QStringLiteral("selection.agent_ids[%1]").arg(i),
                           QStringLiteral("agent %1 is not in swarm %2").arg(id.value).arg(swarm.swarm.id.value));
    }
    if (!inRange(spec.selection.maxAgents, 0, 10000))
        return invalid(QStringLiteral("selection.max_agents"), QStringLiteral("expected 0 (all) ..10000"));
    if (auto r = checkTags(QStringLiteral("selection.required_tags"), spec.selection.requiredTags); !r)
        return r;
    if (spec.strategy) {
        if (auto r = strategy(*spec.strategy); !r)
            return nested(QStringLiteral("strategy"), r.error());
    }
    if (!inRange(spec.priority, -1000, 1000))
        return invalid(QStringLiteral("priority"), QStringLiteral("expected -1000..1000"));
    if (spec.deadlineMs != 0 && spec.deadlineMs <= nowMs)
        return invalid(QStringLiteral("deadline"), QStringLiteral("is already past"));
    if (!inRange(static_cast<double>(spec.timeoutMs), 0, static_cast<double>(maxTimeoutMs)))
        return invalid(QStringLiteral("timeout_ms"), QStringLiteral("expected 0 (none) ..30 days"));
    if (!inRange(spec.budgetUsd, 0, 1e9))
        return invalid(QStringLiteral("budget_usd"), QStringLiteral("expected 0 (unlimited) ..1e9"));
    const Api::RetryPolicy &retry = spec.retry;
    if (!inRange(retry.maxAttempts, 1, 20))
        return invalid(QStringLiteral("retry.max_attempts"), QStringLiteral("expected 1..20"));
    if (!inRange(retry.initialBackoffMs, 0, 3600000) || !inRange(retry.maxBackoffMs, 0, 3600000))
        return invalid(QStringLiteral("retry"), QStringLiteral("backoff delays must be within 0..3600000 ms"));
    if (retry.maxBackoffMs < retry.initialBackoffMs)
        return invalid(QStringLiteral("retry.max_backoff_ms"), QStringLiteral("must not be below initial_backoff_ms"));
    if (!inRange(retry.jitter, 0, 1))
        return invalid(QStringLiteral("retry.jitter"), QStringLiteral("expected 0..1"));
    if (spec.idempotencyKey.size() > 256)
        return invalid(QStringLiteral("idempotency_key"), QStringLiteral("at most 256 characters"));
    return checkTags(QStringLiteral("tags"), spec.tags);
}

} // namespace QwenSwarm::Engine
