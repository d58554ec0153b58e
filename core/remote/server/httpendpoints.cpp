#include "server/httpendpoints.h"

#include "auth/role.h"
#include "protocol/calls.h"
#include "server/authenticator.h"
#include "server/prometheustext.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

namespace QwenSwarm::Remote {

using Api::ErrorCode;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 500 ? "Bad Request" : "Internal Server Error";
    }
}

template<typename T>
Api::Backend::Callback<T> replyWith(int status, HttpEndpoints::Respond respond)
{
    return [status, respond = std::move(respond)](Api::Result<T> result) {
        respond(result ? HttpResponse::json(status, resultToJson(result.value()))
                       : HttpResponse::error(result.error()));
    };
}

std::optional<quint64> idAfter(const QByteArray &path, QByteArrayView prefix)
{
    if (!path.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const quint64 id = path.mid(prefix.size()).toULongLong(&ok);
    return ok && id > 0 ? std::optional<quint64>(id) : std::nullopt;
}

Api::Result<Api::TaskQuery> taskQuery(const QByteArray &query)
{
    const QUrlQuery q(QString::fromUtf8(query));
    Api::TaskQuery out;
    for (const QString &name : q.queryItemValue(QStringLiteral("state")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto state = Api::enumFromName<Api::TaskState>(name);
        if (!state)
            return Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("state: unknown value '%1'").arg(name));
        out.states.append(*state);
    }
    out.swarmId = Api::SwarmId(q.queryItemValue(QStringLiteral("swarm_id")).toULongLong());
    out.text = q.queryItemValue(QStringLiteral("text"), QUrl::FullyDecoded);
    out.strategy = q.queryItemValue(QStringLiteral("strategy"));
    out.page.cursor = q.queryItemValue(QStringLiteral("cursor"));
    if (q.hasQueryItem(QStringLiteral("limit")))
        out.page.limit = q.queryItemValue(QStringLiteral("limit")).toInt();
    return out;
}

} // namespace

QByteArray HttpResponse::serialized() const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\nCache-Control: no-store\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n" + body;
}

HttpResponse HttpResponse::json(int status, const QJsonValue &value)
{
    const QByteArray body = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
        : value.isArray()                    ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QByteArray("null");
    return HttpResponse {status, QByteArrayLiteral("application/json"), body + '\n', {}};
}

HttpResponse HttpResponse::error(const Api::Error &error)
{
    HttpResponse r = json(statusOf(error.code), QJsonObject {{QStringLiteral("error"), Api::toJson(error)}});
    if (error.code == ErrorCode::Unauthenticated)
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return r;
}

int HttpResponse::statusOf(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 400;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::AlreadyExists:
    case ErrorCode::InvalidState:
        return 409;
    case ErrorCode::ResourceExhausted:
        return 429;
    case ErrorCode::Unimplemented:
        return 501;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::DeadlineExceeded:
        return 504;
    default:
        return 500;
    }
}

HttpEndpoints::HttpEndpoints(Api::Backend &backend, const Authenticator &authenticator)
    : m_backend(backend)
    , m_authenticator(authenticator)
{ }

void HttpEndpoints::handle(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond)
{
    if (head.path == "/healthz")
        return respond(HttpResponse {200, QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"), {}});
    if (head.path == "/readyz")
        return readiness(context, std::move(respond));
    const auto bearer = head.bearer();
    const AuthResult auth = bearer ? m_authenticator.authenticate(*bearer) : Authenticator::missing();
    const QString request = QString::fromUtf8(head.method) + QLatin1Char(' ') + QString::fromUtf8(head.path);
    const auto audit
        = [this, &request](const QString &actor, const QString &action, bool allowed, const QString &detail) {
              if (m_audit)
                  m_audit(Api::AuditEvent {actor, action, request, allowed, detail});
          };
    if (!auth.ok()) {
        audit(QStringLiteral("anonymous"), QStringLiteral("http"), false, Api::enumName(auth.reason()).toString());
        return respond(HttpResponse::error(auth.toError()));
    }
    const Role role = auth.identity().role;
    const bool writes = head.method == "POST";
    const Role needed = writes ? requiredRole(Method::TasksSubmit) : requiredRole(Method::TasksGet);
    if (role < needed) {
        const QString why = QStringLiteral("role %1 may not do this").arg(roleName(role).toString());
        audit(auth.identity().subject, QStringLiteral("http"), false, why);
        return respond(HttpResponse::error(Api::makeError(ErrorCode::PermissionDenied, why)));
    }
    if (writes && head.path.startsWith("/v1/tasks"))
        audit(auth.identity().subject,
              methodName(head.path == "/v1/tasks/batch" ? Method::TasksSubmitBatch : Method::TasksSubmit).toString(),
              true, {});
    if (writes && head.path == "/v1/runs")
        audit(auth.identity().subject, methodName(Method::RunsStart).toString(), true, {});
    if (head.path == "/metrics" && head.method == "GET")
        return metrics(context, std::move(respond));
    if (head.path.startsWith("/v1/tasks"))
        return tasks(head, body, context, std::move(respond));
    if (const auto id = idAfter(head.path, "/v1/decisions/"); id && head.method == "GET")
        return m_backend.decision(Api::DecisionId(*id), context, replyWith<Api::Decision>(200, std::move(respond)));
    if (head.path.startsWith("/v1/runs"))
        return runs(head, body, context, std::move(respond));
    respond(HttpResponse::error(Api::makeError(ErrorCode::NotFound, QStringLiteral("no such resource"))));
}

void HttpEndpoints::tasks(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond)
{
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (head.method == "POST" && head.path == "/v1/tasks") {
        const auto spec = Api::fromJson<Api::TaskSpec>(json.object());
        if (!spec || !json.isObject())
            return respond(HttpResponse::error(
                spec ? Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"))
                     : spec.error()));
        return m_backend.submitTask(spec.value(), context, replyWith<Api::Task>(201, std::move(respond)));
    }
    if (head.method == "POST" && head.path == "/v1/tasks/batch") {
        Api::JsonReader reader;
        Calls::TasksSubmitBatch batch;
        Calls::readJson(reader, json.object(), batch);
        if (!reader.ok() || !json.isObject())
            return respond(HttpResponse::error(
                reader.ok() ? Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"))
                            : reader.error()));
        return m_backend.submitTasks(batch.specs, context, replyWith<QList<Api::Task>>(201, std::move(respond)));
    }
    if (head.method != "GET")
        return respond(
            HttpResponse::error(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("method not allowed"))));
    if (const auto id = idAfter(head.path, "/v1/tasks/"))
        return m_backend.task(Api::TaskId(*id), context, replyWith<Api::Task>(200, std::move(respond)));
    if (head.path != "/v1/tasks")
        return respond(HttpResponse::error(Api::makeError(ErrorCode::NotFound, QStringLiteral("no such resource"))));
    const auto query = taskQuery(head.query);
    if (!query)
        return respond(HttpResponse::error(query.error()));
    m_backend.queryTasks(query.value(), context, replyWith<Api::Page<Api::Task>>(200, std::move(respond)));
}

void HttpEndpoints::runs(const HttpRequestHead &head, const QByteArray &body, QObject *context, Respond respond)
{
    // POST /v1/runs {"workflow": <a workflow file's JSON>, "inputs": {...}, "idempotency_key": "..."}
    if (head.method == "POST" && head.path == "/v1/runs") {
        const QJsonDocument json = QJsonDocument::fromJson(body);
        const auto spec = Api::fromJson<Api::RunSpec>(json.object());
        if (!spec || !json.isObject())
            return respond(HttpResponse::error(
                spec ? Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"))
                     : spec.error()));
        return m_backend.startRun(spec.value(), context, replyWith<Api::Run>(201, std::move(respond)));
    }
    if (head.method != "GET")
        return respond(
            HttpResponse::error(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("method not allowed"))));
    if (const auto id = idAfter(head.path, "/v1/runs/"))
        return m_backend.run(Api::RunId(*id), context, replyWith<Api::Run>(200, std::move(respond)));
    respond(HttpResponse::error(Api::makeError(ErrorCode::NotFound, QStringLiteral("no such resource"))));
}

void HttpEndpoints::metrics(QObject *context, Respond respond)
{
    m_backend.metrics(context, [respond = std::move(respond)](Api::Result<Api::MetricsSnapshot> snapshot) {
        if (!snapshot)
            return respond(HttpResponse::error(snapshot.error()));
        respond(HttpResponse {200, PrometheusText::contentType(), PrometheusText::format(snapshot.value()), {}});
    });
}

void HttpEndpoints::readiness(QObject *context, Respond respond)
{
    // Ready means the engine answers (it has loaded its store); a backend that does not answer
    // within two seconds is not ready.
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(2000, context, [answered, respond] {
        if (!std::exchange(*answered, true))
            respond(HttpResponse::json(
                503,
                QJsonObject {{QStringLiteral("ready"), false},
                             {QStringLiteral("reason"), QStringLiteral("the engine does not answer")}}));
    });
    m_backend.info(context, [answered, respond](Api::Result<Api::BackendInfo> info) {
        if (std::exchange(*answered, true))
            return;
        if (!info)
            return respond(HttpResponse::json(
                503, QJsonObject {{QStringLiteral("ready"), false}, {QStringLiteral("reason"), info.error().message}}));
        respond(HttpResponse::json(200,
                                   QJsonObject {{QStringLiteral("ready"), true},
                                                {QStringLiteral("store"), info->store},
                                                {QStringLiteral("version"), info->version}}));
    });
}

} // namespace QwenSwarm::Remote
