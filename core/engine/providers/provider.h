#pragma once

#include <api/error.h>
#include <api/ids.h>

#include <QJsonObject>
#include <QStringList>

namespace QwenSwarm::Engine {

/// One model call as the engine asks for it.
struct ProviderRequest
{
    quint64 callId = 0; ///< Unique per provider; used to cancel.
    Api::AgentId agentId;
    QString model;
    QJsonObject parameters; ///< The agent's parameters.
    quint64 parametersRevision = 0; ///< Changes whenever `parameters` do: providers may cache what they parse.
    QString systemPrompt;
    QString userMessage;
    bool stream = false;
    /// Deterministic per (task, attempt, round, agent): providers that draw random numbers seed them
    /// from this, so a run does not depend on timing.
    quint64 seedKey = 0;
    /// The same for every call of one task (all agents, attempts and rounds).
    quint64 taskKey = 0;
    // What the task says about its answer; only simulated providers look at these.
    QString referenceAnswer;
    QStringList choices;
    /// In a later round: the normalised answers of the previous round this agent is shown (they are
    /// also in the user message, in words, for real models).
    QStringList peerAnswers;
};

struct ProviderResponse
{
    QString text;
    int promptTokens = 0;
    int completionTokens = 0;
    double costUsd = 0;
    QString finishReason;
};

/// Receives what a provider produces, on the engine thread.
class ProviderSink
{
public:
    virtual ~ProviderSink() = default;
    /// A streamed piece of the answer (only when the request asked to stream).
    virtual void providerDelta(quint64 callId, QStringView delta)
    {
        Q_UNUSED(callId);
        Q_UNUSED(delta);
    }
    /// The call's outcome. Called exactly once per started call that was not cancelled.
    virtual void providerFinished(quint64 callId, Api::Result<ProviderResponse> result) = 0;
};

/// A model provider: asynchronous, cancellable, streaming-capable. Lives on the engine thread.
/// start() never reports synchronously; after cancel() the sink hears nothing more of that call.
class Provider
{
public:
    virtual ~Provider() = default;
    virtual QString name() const = 0;
    /// Checks an agent's parameters for this provider: InvalidArgument naming the bad one.
    virtual Api::Result<void> validateParameters(const QJsonObject &parameters) const = 0;
    virtual void start(const ProviderRequest &request, ProviderSink *sink) = 0;
    virtual void cancel(quint64 callId) = 0;
};

} // namespace QwenSwarm::Engine
