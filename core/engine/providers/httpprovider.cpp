#include "providers/httpprovider.h"

#include "metrics/metricsregistry.h"
#include "providers/providerrecording.h"
#include "runtime/clock.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace QwenSwarm::Engine {

namespace {

constexpr int defaultCompletionEstimate = 256;

// Tokens of text, estimated when a server reports none: a token is about four bytes of UTF-8.
int estimatedTokens(const QString &text)
{
    return static_cast<int>((text.toUtf8().size() + 3) / 4);
}

ProviderFault setupFault(const QString &type, const QString &message)
{
    ProviderFault f;
    f.type = type;
    f.message = message;
    return f;
}

} // namespace

struct HttpProvider::Call
{
    quint64 id = 0;
    ProviderSink *sink = nullptr;
    bool deliverDeltas = false;
    QString model;
    QJsonObject body;
    QByteArray payload;
    int promptTokensEstimate = 0;
    double tokensEstimate = 0;
    int attempts = 0;
    quint64 exchange = 0;
    std::unique_ptr<ChatAttempt> attempt;
    std::optional<ProviderFault> lastFault;
    bool probe = false;
    bool waitingForRate = false;
};

HttpProvider::HttpProvider(ProviderConfig config, std::unique_ptr<ChatProtocol> protocol, ProviderServices services)
    : m_config(std::move(config))
    , m_protocol(std::move(protocol))
    , m_services(std::move(services))
    , m_context(std::make_unique<QObject>())
    , m_wakeups(m_context.get(), [this](quint64 &&id) { admit(id); })
    , m_limits(m_context.get(), m_config.limits.requestsPerMinute, m_config.limits.tokensPerMinute)
    , m_breaker(m_config.circuit,
                [this](CircuitBreaker::State from, CircuitBreaker::State to, const QString &why) {
                    circuitChanged(from, to, why);
                })
    , m_jitter(SplitMix64::mix(m_services.seed, qHash(m_config.name)))
{
    QString base = m_config.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    m_url = QUrl(base + m_protocol->path());
    if (m_services.metrics) {
        const Api::MetricLabels labels {{QStringLiteral("provider"), m_config.name}};
        m_circuitGauge = &m_services.metrics->gauge(
            QStringLiteral("qwen_swarm_provider_circuit_state"),
            QStringLiteral("Circuit breaker state per provider: 0 closed, 1 half-open, 2 open."), labels);
        m_retries = &m_services.metrics->counter(QStringLiteral("qwen_swarm_provider_retries_total"),
                                                 QStringLiteral("Retried attempts of provider calls."), labels);
        m_cost = &m_services.metrics->counter(QStringLiteral("qwen_swarm_provider_cost_usd_total"),
                                              QStringLiteral("Cost of provider calls in USD."), labels);
    }
}

HttpProvider::~HttpProvider()
{
    // Nothing is reported from here on: the engine is going away with its sinks.
    if (m_services.http) {
        for (const auto &call : std::as_const(m_calls)) {
            if (call->exchange)
                m_services.http->cancel(call->exchange);
        }
    }
}

Api::Result<void> HttpProvider::validateParameters(const QJsonObject &parameters) const
{
    return m_protocol->validateParameters(parameters);
}

QJsonObject HttpProvider::requestBody(const ProviderRequest &request) const
{
    QJsonObject parameters = m_config.parameters;
    for (auto it = request.parameters.constBegin(); it != request.parameters.constEnd(); ++it)
        parameters.insert(it.key(), it.value());
    const ChatCall chat {request.model.isEmpty() ? m_config.defaultModel : request.model, parameters,
                         request.systemPrompt, request.userMessage, request.stream || m_config.stream};
    return m_protocol->body(chat);
}

void HttpProvider::start(const ProviderRequest &request, ProviderSink *sink)
{
    auto call = std::make_shared<Call>();
    call->id = request.callId;
    call->sink = sink;
    call->deliverDeltas = request.stream;
    call->body = requestBody(request);
    call->model = call->body.value(QLatin1StringView("model")).toString();
    call->payload = QJsonDocument(call->body).toJson(QJsonDocument::Compact);
    call->promptTokensEstimate = estimatedTokens(request.systemPrompt) + estimatedTokens(request.userMessage) + 1;
    const int completion
        = call->body.value(QLatin1StringView("max_tokens"))
              .toInt(call->body.value(QLatin1StringView("max_completion_tokens")).toInt(defaultCompletionEstimate));
    call->tokensEstimate = call->promptTokensEstimate + completion;
    m_calls.insert(call->id, call);
    m_wakeups.schedule(monotonicUs(), call->id); // never reports before start() returns
}

void HttpProvider::cancel(quint64 callId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    Call &call = **it;
    if (call.exchange) {
        m_services.http->cancel(call.exchange);
        m_callOfExchange.remove(call.exchange);
    }
    if (call.waitingForRate)
        m_limits.cancel(callId);
    if (call.probe)
        m_breaker.probeAbandoned();
    m_calls.erase(it);
}

void HttpProvider::admit(quint64 callId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return; // cancelled while waiting
    Call &call = **it;
    if (!m_config.keyProblem.isEmpty())
        return finish(callId, setupFault(QStringLiteral("missing_api_key"), m_config.keyProblem).toError(name(), 0));
    if (!m_services.http)
        return finish(
            callId, setupFault(QStringLiteral("no_http_client"), QStringLiteral("no HTTP client")).toError(name(), 0));
    if (!m_breaker.allow(monotonicUs())) {
        if (call.lastFault)
            return finish(callId, call.lastFault->toError(name(), call.attempts));
        ProviderFault open = setupFault(
            QStringLiteral("circuit_open"),
            QStringLiteral("the circuit is open after repeated failures; calls fail fast for another %1 ms")
                .arg((m_breaker.remainingCoolDownUs(monotonicUs()) + 999) / 1000));
        open.retriable = true;
        return finish(callId, open.toError(name(), 0));
    }
    call.probe = m_breaker.state() == CircuitBreaker::State::HalfOpen;
    call.waitingForRate = true;
    m_limits.acquire(callId, call.tokensEstimate, [this, callId] { send(callId); });
}

void HttpProvider::send(quint64 callId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    Call &call = **it;
    call.waitingForRate = false;
    ++call.attempts;
    call.attempt = std::make_unique<ChatAttempt>(*m_protocol);
    HttpRequest request;
    request.url = m_url;
    request.headers = m_protocol->headers(m_config.apiKey);
    request.body = call.payload;
    request.timeouts = m_config.timeouts;
    request.connectionLanes = m_config.connectionLanes;
    call.exchange = m_services.http->send(request, this);
    m_callOfExchange.insert(call.exchange, callId);
}

HttpProvider::Call *HttpProvider::callOf(quint64 exchange)
{
    const auto id = m_callOfExchange.constFind(exchange);
    if (id == m_callOfExchange.constEnd())
        return nullptr;
    const auto call = m_calls.constFind(id.value());
    return call == m_calls.constEnd() ? nullptr : call.value().get();
}

void HttpProvider::httpStarted(quint64 exchange, int status, const HttpHeaders &headers)
{
    if (Call *call = callOf(exchange))
        call->attempt->started(status, headers);
}

void HttpProvider::httpData(quint64 exchange, QByteArrayView bytes)
{
    Call *call = callOf(exchange);
    if (!call)
        return;
    QString delta;
    call->attempt->data(bytes, delta);
    if (!delta.isEmpty() && call->deliverDeltas)
        call->sink->providerDelta(call->id, delta); // may cancel the call: nothing of it is used after
}

void HttpProvider::httpFinished(quint64 exchange, HttpFailure failure, const QString &detail)
{
    Call *call = callOf(exchange);
    m_callOfExchange.remove(exchange);
    if (!call)
        return;
    call->exchange = 0;
    auto outcome = call->attempt->finish(failure, detail, wallClockMs());
    call->attempt.reset();
    if (const auto *reply = std::get_if<ChatReply>(&outcome))
        succeed(call->id, *reply);
    else
        attemptFailed(call->id, std::get<ProviderFault>(std::move(outcome)));
}

void HttpProvider::attemptFailed(quint64 callId, ProviderFault fault)
{
    Call &call = *m_calls.value(callId);
    m_limits.settle(call.tokensEstimate, 0); // a refused attempt uses no tokens
    call.probe = false;
    if (fault.countsAgainstCircuit)
        m_breaker.recordFailure(monotonicUs());
    else
        m_breaker.recordSuccess(); // the server answered coherently
    fault.message = redacted(fault.message);
    fault.type = redacted(fault.type);
    if (fault.retriable && call.attempts <= m_config.retry.maxRetries) {
        const int delayMs = m_config.retry.delayMs(call.attempts, fault.retryAfterMs, m_jitter.unit());
        call.lastFault = std::move(fault);
        if (m_retries)
            m_retries->add();
        m_wakeups.schedule(monotonicUs() + qint64(delayMs) * 1000, callId);
        return;
    }
    finish(callId, fault.toError(name(), call.attempts));
}

void HttpProvider::succeed(quint64 callId, const ChatReply &reply)
{
    Call &call = *m_calls.value(callId);
    call.probe = false;
    m_breaker.recordSuccess();
    ProviderResponse response;
    response.text = reply.text;
    response.promptTokens = reply.promptTokens >= 0 ? reply.promptTokens : call.promptTokensEstimate;
    response.completionTokens = reply.completionTokens >= 0 ? reply.completionTokens : estimatedTokens(reply.text);
    response.finishReason = reply.finishReason;
    response.costUsd = m_config.costUsd(call.model, response.promptTokens, response.completionTokens);
    m_limits.settle(call.tokensEstimate, response.promptTokens + response.completionTokens);
    if (m_cost)
        m_cost->add(response.costUsd);
    finish(callId, std::move(response));
}

void HttpProvider::finish(quint64 callId, Api::Result<ProviderResponse> outcome)
{
    const std::shared_ptr<Call> call = m_calls.take(callId);
    if (!call)
        return;
    if (call->attempts > 0)
        record(*call, outcome); // a call that never reached the network has nothing to replay
    call->sink->providerFinished(callId, std::move(outcome));
}

void HttpProvider::record(const Call &call, const Api::Result<ProviderResponse> &outcome)
{
    if (!m_services.record)
        return;
    const QJsonObject canonical = ProviderRecording::canonicalRequest(m_protocol->path(), call.body);
    // The headers as they would be without a key: a secret cannot be recorded if it is not there.
    const HttpHeaders headers = m_protocol->headers(ApiKey());
    m_services.record(ProviderCallWrite {
        ProviderRecording::key(name(), canonical), name(),
        ProviderRecording::requestRecord(name(), m_url, headers, m_protocol->secretHeaders(), call.body),
        ProviderRecording::outcomeRecord(outcome, call.attempts), wallClockMs()});
}

void HttpProvider::circuitChanged(CircuitBreaker::State from, CircuitBreaker::State to, const QString &why)
{
    if (m_circuitGauge)
        m_circuitGauge->set(static_cast<double>(to));
    if (!m_services.publish)
        return;
    Api::LogEvent event;
    event.level = to == CircuitBreaker::State::Open ? Api::LogLevel::Warning : Api::LogLevel::Info;
    event.source = QStringLiteral("provider.") + name();
    event.message = QStringLiteral("circuit %1 -> %2: %3")
                        .arg(CircuitBreaker::stateName(from), CircuitBreaker::stateName(to), why);
    m_services.publish(std::move(event));
}

QString HttpProvider::redacted(QString text) const
{
    const QString key = QString::fromUtf8(m_config.apiKey.reveal());
    if (key.size() < 4)
        return text;
    text.replace(key, QStringLiteral("[redacted]"));
    if (key.size() < 12)
        return text;
    // Servers echo keys partly masked ("sk-abc1***wxyz"): a word that shares 8 characters with either
    // end of the key goes too.
    static const QRegularExpression word(QStringLiteral("[^\\s\"',;]+"));
    const QString head = key.left(8);
    const QString tail = key.right(8);
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured().contains(head) && !m.captured().contains(tail))
            continue;
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += QStringLiteral("[redacted]");
        last = m.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

} // namespace QwenSwarm::Engine
