#pragma once

#include "server/httprequesthead.h"

#include <api/backend.h>

#include <functional>

namespace QwenSwarm::Remote {

class Authenticator;

/// A response to write: status, content type, body.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    /// The whole response, with Content-Length and Connection: close.
    QByteArray serialized() const;
    static HttpResponse json(int status, const QJsonValue &value);
    static HttpResponse error(const Api::Error &error);
    /// The HTTP status that fits an error code (400, 401, 403, 404, 409, 429, 503, 500, ...).
    static int statusOf(Api::ErrorCode code);
};

/// The HTTP side of the server, on the same port as the WebSocket API:
///   GET  /healthz               200 while the process serves (no credential)
///   GET  /readyz                200 when the backend answers (store and engine up), else 503 (no credential)
///   GET  /metrics               Prometheus text exposition (viewer)
///   POST /v1/tasks              submit a TaskSpec (operator)           -> 201 Task
///   POST /v1/tasks/batch        {"specs": [TaskSpec]} (operator)        -> 201 [Task]
///   GET  /v1/tasks/<id>         a task (viewer)
///   GET  /v1/tasks?state=a,b&swarm_id=&text=&limit=&cursor=  a page of tasks (viewer)
///   GET  /v1/decisions/<id>     a decision (viewer)
/// Errors are the api Error as JSON with the matching status; every credential is checked before
/// the request is looked at further.
class HttpEndpoints
{
public:
    using Respond = std::function<void(const HttpResponse &response)>;

    HttpEndpoints(Api::Backend &backend, const Authenticator &authenticator);

    /// Where denied requests and task submissions are reported (the server's audit trail).
    void setAudit(std::function<void(const Api::AuditEvent &)> audit) { m_audit = std::move(audit); }

    /// `context` lives on the backend's thread and outlives nothing the answer needs.
    void handle(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond);

private:
    void metrics(QObject *context, Respond respond);
    void readiness(QObject *context, Respond respond);
    void tasks(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond);
    void runs(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond);

    Api::Backend &m_backend;
    const Authenticator &m_authenticator;
    std::function<void(const Api::AuditEvent &)> m_audit;
};

} // namespace QwenSwarm::Remote
