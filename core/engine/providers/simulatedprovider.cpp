#include "providers/simulatedprovider.h"

#include <cmath>

namespace QwenSwarm::Engine {

using Api::ErrorCode;

namespace {

struct NumberParameter
{
    QLatin1StringView key;
    double min;
    double max;
    double SimulatedBehaviour::*field;
};

const NumberParameter numberParameters[] = {
    {QLatin1StringView("accuracy"), 0, 1, &SimulatedBehaviour::accuracy},
    {QLatin1StringView("latency_ms"), 0, 600000, &SimulatedBehaviour::latencyMs},
    {QLatin1StringView("latency_spread"), 0, 3, &SimulatedBehaviour::latencySpread},
    {QLatin1StringView("failure_rate"), 0, 1, &SimulatedBehaviour::failureRate},
    {QLatin1StringView("abstain_rate"), 0, 1, &SimulatedBehaviour::abstainRate},
    {QLatin1StringView("malformed_rate"), 0, 1, &SimulatedBehaviour::malformedRate},
    {QLatin1StringView("price_in_per_mtok"), 0, 1000, &SimulatedBehaviour::priceInPerMTok},
    {QLatin1StringView("price_out_per_mtok"), 0, 1000, &SimulatedBehaviour::priceOutPerMTok},
    {QLatin1StringView("conformity"), 0, 1, &SimulatedBehaviour::conformity},
};

// Parameters meant for real models; a simulated agent accepts and ignores them.
const QLatin1StringView ignoredParameters[] = {QLatin1StringView("temperature"), QLatin1StringView("top_p"),
                                               QLatin1StringView("max_tokens"), QLatin1StringView("seed")};

Api::Error badParameter(const QString &key, const QString &problem)
{
    return Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("parameters.%1: %2").arg(key, problem),
                          {{QStringLiteral("path"), QString(QStringLiteral("parameters.") + key)}});
}

// Reads "task <t> agent <i>"; false if the message has another shape.
bool parseWorkloadMessage(QStringView message, quint64 &task, quint64 &agent)
{
    const QStringView taskWord = u"task ";
    const QStringView agentWord = u" agent ";
    if (!message.startsWith(taskWord))
        return false;
    const qsizetype agentAt = message.indexOf(agentWord);
    if (agentAt < 0)
        return false;
    bool okTask = false;
    bool okAgent = false;
    task = message.mid(taskWord.size(), agentAt - taskWord.size()).toULongLong(&okTask);
    agent = message.mid(agentAt + agentWord.size()).toULongLong(&okAgent);
    return okTask && okAgent;
}

} // namespace

Api::Result<SimulatedBehaviour> SimulatedBehaviour::fromParameters(const QJsonObject &parameters)
{
    SimulatedBehaviour behaviour;
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1StringView("mode")) {
            const QString mode = it.value().toString();
            if (mode != QLatin1StringView("reference") && mode != QLatin1StringView("workload"))
                return badParameter(key, QStringLiteral("expected \"reference\" or \"workload\""));
            behaviour.workloadMode = mode == QLatin1StringView("workload");
            continue;
        }
        if (key == QLatin1StringView("completion_tokens")) {
            const double v = it.value().toDouble(-1);
            if (!it.value().isDouble() || v < 0 || v > 100000 || std::floor(v) != v)
                return badParameter(key, QStringLiteral("expected an integer in [0, 100000]"));
            behaviour.completionTokens = static_cast<int>(v);
            continue;
        }
        bool known = false;
        for (const NumberParameter &p : numberParameters) {
            if (key != p.key)
                continue;
            known = true;
            const double v = it.value().toDouble(std::nan(""));
            if (!it.value().isDouble() || !(v >= p.min && v <= p.max))
                return badParameter(key, QStringLiteral("expected a number in [%1, %2]").arg(p.min).arg(p.max));
            behaviour.*p.field = v;
        }
        for (QLatin1StringView ignored : ignoredParameters)
            known = known || key == ignored;
        if (!known)
            return badParameter(key, QStringLiteral("unknown parameter for the simulated provider"));
    }
    return behaviour;
}

SimulatedProvider::SimulatedProvider(QObject *owner, quint64 seed, QString name)
    : m_name(std::move(name))
    , m_seed(seed)
    , m_timers(owner, [this](Pending &&pending) { finish(std::move(pending)); })
{ }

Api::Result<void> SimulatedProvider::validateParameters(const QJsonObject &parameters) const
{
    const auto behaviour = SimulatedBehaviour::fromParameters(parameters);
    if (!behaviour)
        return behaviour.error();
    return {};
}

const SimulatedBehaviour &SimulatedProvider::behaviourFor(const ProviderRequest &request)
{
    CachedBehaviour &cached = m_behaviours[request.agentId];
    if (cached.revision != request.parametersRevision || request.parametersRevision == 0) {
        // Parameters were validated when the agent was spawned; fall back to defaults defensively.
        auto parsed = SimulatedBehaviour::fromParameters(request.parameters);
        cached.behaviour = parsed ? parsed.value() : SimulatedBehaviour {};
        cached.revision = request.parametersRevision;
    }
    return cached.behaviour;
}

namespace {

// The most common answer, the earliest of equally common ones.
QString majorityOf(const QStringList &answers)
{
    QString best;
    qsizetype bestCount = 0;
    for (const QString &a : answers) {
        const qsizetype count = answers.count(a);
        if (count > bestCount) {
            best = a;
            bestCount = count;
        }
    }
    return best;
}

} // namespace

QString SimulatedProvider::answerFor(const ProviderRequest &request, const SimulatedBehaviour &behaviour,
                                     SplitMix64 &rng) const
{
    // Only later rounds draw this number, so single-round runs stay as they were.
    if (!request.peerAnswers.isEmpty() && rng.unit() < behaviour.conformity)
        return QStringLiteral("Answer: ") + majorityOf(request.peerAnswers);
    if (behaviour.workloadMode) {
        quint64 task = 0;
        quint64 agent = 0;
        if (!parseWorkloadMessage(request.userMessage, task, agent))
            return QStringLiteral("?");
        return (task + agent) % 5 != 0 ? m_answerA : m_answerB;
    }
    const quint64 taskHash = SplitMix64::mix(m_seed, request.taskKey);
    QString truth = request.referenceAnswer;
    if (truth.isEmpty()) {
        truth = request.choices.isEmpty()
            ? QStringLiteral("answer-%1").arg(taskHash & 0xffff, 4, 16, QLatin1Char('0'))
            : request.choices.at(static_cast<qsizetype>(taskHash % request.choices.size()));
    }
    if (rng.unit() < behaviour.accuracy)
        return QStringLiteral("Answer: ") + truth;
    if (request.choices.size() > 1) {
        // A uniformly chosen wrong choice.
        const qsizetype truthIndex = request.choices.indexOf(truth);
        qsizetype pick = static_cast<qsizetype>(rng.below(static_cast<quint64>(request.choices.size() - 1)));
        if (truthIndex >= 0 && pick >= truthIndex)
            ++pick;
        return QStringLiteral("Answer: ") + request.choices.at(pick);
    }
    bool numeric = false;
    const qint64 number = truth.toLongLong(&numeric);
    if (numeric) {
        // A near miss, the way models get arithmetic wrong.
        const qint64 offset = static_cast<qint64>(rng.below(10)) + 1;
        return QStringLiteral("Answer: ") + QString::number(rng.unit() < 0.5 ? number - offset : number + offset);
    }
    return QStringLiteral("Answer: wrong-%1").arg(rng.below(1000));
}

void SimulatedProvider::start(const ProviderRequest &request, ProviderSink *sink)
{
    const SimulatedBehaviour &behaviour = behaviourFor(request);
    SplitMix64 rng(SplitMix64::mix(m_seed, request.seedKey));

    Pending pending;
    pending.callId = request.callId;
    pending.agentId = request.agentId;
    pending.sink = sink;
    pending.failed = rng.unit() < behaviour.failureRate;
    const double roll = rng.unit();
    if (roll < behaviour.abstainRate)
        pending.response.text.clear();
    else if (roll < behaviour.abstainRate + behaviour.malformedRate)
        pending.response.text = QStringLiteral("<garbled %1>").arg(rng.next(), 0, 16);
    else
        pending.response.text = answerFor(request, behaviour, rng);
    pending.response.promptTokens
        = static_cast<int>((request.systemPrompt.size() + request.userMessage.size()) / 4 + 1);
    pending.response.completionTokens = behaviour.completionTokens;
    pending.response.costUsd = (pending.response.promptTokens * behaviour.priceInPerMTok
                                + pending.response.completionTokens * behaviour.priceOutPerMTok)
        / 1e6;
    pending.response.finishReason = QStringLiteral("stop");

    double latency = behaviour.latencyMs;
    if (behaviour.latencySpread > 0)
        latency *= std::exp(behaviour.latencySpread * rng.normal());

    ++m_stats.started;
    m_stats.peakInFlight = std::max(m_stats.peakInFlight, ++m_stats.inFlight);
    int &agentInFlight = m_inFlightPerAgent[request.agentId];
    int &agentPeak = m_stats.peakInFlightPerAgent[request.agentId];
    agentPeak = std::max(agentPeak, ++agentInFlight);
    m_inFlight.insert(request.callId, request.agentId);
    m_timers.schedule(monotonicUs() + std::llround(latency * 1000), std::move(pending));
}

void SimulatedProvider::cancel(quint64 callId)
{
    const auto it = m_inFlight.constFind(callId);
    if (it == m_inFlight.constEnd())
        return;
    --m_inFlightPerAgent[it.value()];
    --m_stats.inFlight;
    ++m_stats.cancelled;
    m_inFlight.erase(it);
}

void SimulatedProvider::finish(Pending &&pending)
{
    if (!m_inFlight.remove(pending.callId))
        return; // cancelled
    --m_inFlightPerAgent[pending.agentId];
    --m_stats.inFlight;
    if (pending.failed) {
        ++m_stats.failed;
        pending.sink->providerFinished(
            pending.callId,
            Api::makeError(ErrorCode::ProviderError, QStringLiteral("simulated provider failure"),
                           {{QStringLiteral("retriable"), true}, {QStringLiteral("provider"), m_name}}));
        return;
    }
    ++m_stats.completed;
    pending.sink->providerFinished(pending.callId, std::move(pending.response));
}

} // namespace QwenSwarm::Engine
