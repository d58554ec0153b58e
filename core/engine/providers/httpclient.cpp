#include "providers/httpclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <limits>

namespace QwenSwarm::Engine {

QString httpFailureName(HttpFailure failure)
{
    switch (failure) {
    case HttpFailure::None:
        return QStringLiteral("none");
    case HttpFailure::Network:
        return QStringLiteral("network_error");
    case HttpFailure::ConnectTimeout:
        return QStringLiteral("connect_timeout");
    case HttpFailure::FirstByteTimeout:
        return QStringLiteral("first_byte_timeout");
    case HttpFailure::StallTimeout:
        return QStringLiteral("stall_timeout");
    case HttpFailure::TotalTimeout:
        return QStringLiteral("total_timeout");
    }
    return {};
}

namespace {

QString describe(HttpFailure failure, const HttpTimeouts &t)
{
    switch (failure) {
    case HttpFailure::ConnectTimeout:
        return QStringLiteral("not connected within %1 ms").arg(t.connectMs);
    case HttpFailure::FirstByteTimeout:
        return QStringLiteral("no response within %1 ms of the request").arg(t.firstByteMs);
    case HttpFailure::StallTimeout:
        return QStringLiteral("the response stalled: no bytes for %1 ms").arg(t.stallMs);
    case HttpFailure::TotalTimeout:
        return QStringLiteral("not complete within %1 ms").arg(t.totalMs);
    default:
        return httpFailureName(failure);
    }
}

} // namespace

HttpClient::HttpClient()
    : m_context(std::make_unique<QObject>())
    , m_manager(std::make_unique<QNetworkAccessManager>())
    , m_checks(m_context.get(), [this](quint64 &&id) { check(id); })
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient()
{
    for (Exchange &e : m_exchanges) {
        QObject::disconnect(e.reply, nullptr, m_context.get(), nullptr);
        e.reply->abort();
        delete e.reply;
    }
    m_exchanges.clear();
    m_manager.reset();
    m_context.reset();
}

quint64 HttpClient::send(const HttpRequest &request, HttpReceiver *receiver)
{
    const quint64 id = ++m_lastId;
    QNetworkRequest r(request.url);
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Qt keeps one pool of (at most 6) HTTP/1.1 connections per cache key, and the peer verify name is
    // part of that key. Without TLS it verifies nothing, so for plain http it spreads the exchanges
    // over that many pools; with TLS it would change certificate checks and is never touched.
    if (request.connectionLanes > 1 && request.url.scheme() == QLatin1StringView("http"))
        r.setPeerVerifyName(QStringLiteral("lane-%1").arg(id % static_cast<quint64>(request.connectionLanes)));
    QNetworkReply *reply = m_manager->post(r, request.body);
    Exchange &e = m_exchanges[id];
    e.reply = reply;
    e.receiver = receiver;
    e.timeouts = request.timeouts;
    e.startUs = monotonicUs();
    e.phaseUs = e.startUs;
    connectReply(id, reply);
    scheduleCheck(id, e);
    return id;
}

void HttpClient::connectReply(quint64 id, QNetworkReply *reply)
{
    QObject *context = m_context.get();
    QObject::connect(reply, &QNetworkReply::socketStartedConnecting, context,
                     [this, id] { enterPhase(id, Phase::Connecting); });
    QObject::connect(reply, &QNetworkReply::requestSent, context,
                     [this, id] { enterPhase(id, Phase::WaitingFirstByte); });
    QObject::connect(reply, &QNetworkReply::uploadProgress, context, [this, id](qint64 sent, qint64 total) {
        if (total > 0 && sent == total)
            enterPhase(id, Phase::WaitingFirstByte);
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, context, [this, id] { onMetaData(id); });
    QObject::connect(reply, &QNetworkReply::readyRead, context, [this, id] { onReadyRead(id); });
    QObject::connect(reply, &QNetworkReply::finished, context, [this, id] { onFinished(id); });
}

void HttpClient::cancel(quint64 exchange)
{
    const auto it = m_exchanges.find(exchange);
    if (it == m_exchanges.end())
        return;
    release(*it);
    m_exchanges.erase(it);
}

void HttpClient::release(Exchange &e)
{
    // Disconnected first: abort() emits finished() at once.
    QObject::disconnect(e.reply, nullptr, m_context.get(), nullptr);
    e.reply->abort();
    e.reply->deleteLater();
}

void HttpClient::enterPhase(quint64 id, Phase phase)
{
    const auto it = m_exchanges.find(id);
    if (it == m_exchanges.end() || it->phase >= phase)
        return;
    it->phase = phase;
    it->phaseUs = monotonicUs();
    scheduleCheck(id, *it);
}

void HttpClient::onMetaData(quint64 id)
{
    auto it = m_exchanges.find(id);
    if (it == m_exchanges.end() || it->started)
        return;
    QNetworkReply *reply = it->reply;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return; // not a response yet
    it->started = true;
    enterPhase(id, Phase::Receiving);
    HttpHeaders headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append({pair.first.toLower(), pair.second});
    it->receiver->httpStarted(id, status.toInt(), headers);
}

void HttpClient::onReadyRead(quint64 id)
{
    onMetaData(id);
    auto it = m_exchanges.find(id);
    if (it == m_exchanges.end())
        return;
    it->phaseUs = monotonicUs();
    const QByteArray bytes = it->reply->readAll();
    if (!bytes.isEmpty())
        it->receiver->httpData(id, bytes);
}

void HttpClient::onFinished(quint64 id)
{
    onReadyRead(id);
    const auto it = m_exchanges.find(id);
    if (it == m_exchanges.end())
        return;
    QNetworkReply *reply = it->reply;
    HttpReceiver *receiver = it->receiver;
    const bool answered = it->started;
    const QNetworkReply::NetworkError error = reply->error();
    const QString detail = reply->errorString();
    m_exchanges.erase(it);
    reply->deleteLater();
    // An HTTP error status is an answer; a connection that broke (even after the headers) is not.
    const bool statusError = error >= QNetworkReply::ProtocolInvalidOperationError
        || (error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError);
    if (error == QNetworkReply::NoError || (answered && statusError))
        receiver->httpFinished(id, HttpFailure::None, {});
    else
        receiver->httpFinished(id, HttpFailure::Network, detail);
}

qint64 HttpClient::deadlineUs(const Exchange &e, HttpFailure &failure) const
{
    qint64 deadline = std::numeric_limits<qint64>::max();
    auto consider = [&deadline, &failure](qint64 fromUs, int ms, HttpFailure kind) {
        if (ms > 0 && fromUs + qint64(ms) * 1000 < deadline) {
            deadline = fromUs + qint64(ms) * 1000;
            failure = kind;
        }
    };
    consider(e.startUs, e.timeouts.totalMs, HttpFailure::TotalTimeout);
    switch (e.phase) {
    case Phase::Queued:
        break;
    case Phase::Connecting:
        consider(e.phaseUs, e.timeouts.connectMs, HttpFailure::ConnectTimeout);
        break;
    case Phase::WaitingFirstByte:
        consider(e.phaseUs, e.timeouts.firstByteMs, HttpFailure::FirstByteTimeout);
        break;
    case Phase::Receiving:
        consider(e.phaseUs, e.timeouts.stallMs, HttpFailure::StallTimeout);
        break;
    }
    return deadline;
}

void HttpClient::scheduleCheck(quint64 id, Exchange &e)
{
    HttpFailure failure = HttpFailure::None;
    const qint64 deadline = deadlineUs(e, failure);
    if (failure == HttpFailure::None || (e.checkUs >= 0 && e.checkUs <= deadline))
        return;
    e.checkUs = deadline;
    m_checks.schedule(deadline, id);
}

void HttpClient::check(quint64 id)
{
    const auto it = m_exchanges.find(id);
    if (it == m_exchanges.end())
        return;
    it->checkUs = -1;
    HttpFailure failure = HttpFailure::None;
    const qint64 deadline = deadlineUs(*it, failure);
    if (failure != HttpFailure::None && deadline <= monotonicUs())
        return fail(id, failure, describe(failure, it->timeouts));
    scheduleCheck(id, *it);
}

void HttpClient::fail(quint64 id, HttpFailure failure, const QString &detail)
{
    const auto it = m_exchanges.find(id);
    if (it == m_exchanges.end())
        return;
    HttpReceiver *receiver = it->receiver;
    release(*it);
    m_exchanges.erase(it);
    receiver->httpFinished(id, failure, detail);
}

} // namespace QwenSwarm::Engine
