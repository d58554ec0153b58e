#include "connect/connectionproblem.h"

namespace QwenSwarm::Ui {

using Api::ErrorCode;

ConnectionProblem ConnectionProblem::fromError(const Api::Error &error)
{
    ConnectionProblem problem;
    problem.detail = error.message;
    if (error.code == ErrorCode::Unauthenticated)
        problem.kind = Kind::Unauthenticated;
    else if (error.code == ErrorCode::PermissionDenied)
        problem.kind = Kind::PermissionDenied;
    else if (error.details.contains(QLatin1StringView("server_min")))
        problem.kind = Kind::VersionMismatch;
    else if (error.details.value(QLatin1StringView("tls")).toBool())
        problem.kind = Kind::Tls;
    else if (error.code == ErrorCode::Unavailable || error.code == ErrorCode::DeadlineExceeded)
        problem.kind = Kind::Unreachable;
    return problem;
}

QString ConnectionProblem::title() const
{
    switch (kind) {
    case Kind::Unreachable:
        return tr("The daemon cannot be reached.");
    case Kind::Tls:
        return tr("The secure connection failed (TLS).");
    case Kind::Unauthenticated:
        return tr("The daemon refused the token (401).");
    case Kind::PermissionDenied:
        return tr("The daemon does not allow this connection (403).");
    case Kind::VersionMismatch:
        return tr("This console and the daemon speak different protocol versions.");
    case Kind::Other:
        break;
    }
    return tr("The connection failed.");
}

QString ConnectionProblem::advice() const
{
    switch (kind) {
    case Kind::Unreachable:
        return tr("The console keeps retrying with backoff. Check that qwen-swarmd runs and that the address "
                  "and port are right, or open File › Connect… to choose another connection.");
    case Kind::Tls:
        return tr("Check that the URL's host name matches the daemon's certificate, and give the CA file that "
                  "signed it (--ca-file or the connection dialog). Use wss:// only if the daemon serves TLS.");
    case Kind::Unauthenticated:
        return tr("Give a valid JWT or API key: File › Connect…, --token, or the QWEN_SWARM_TOKEN variable. An "
                  "administrator can create a key with qwen-swarmd --create-api-key ROLE.");
    case Kind::PermissionDenied:
        return tr("Ask the daemon's administrator for a token with a sufficient role, or to allow this "
                  "console's origin.");
    case Kind::VersionMismatch:
        return tr("Install a console and a daemon of matching releases.");
    case Kind::Other:
        break;
    }
    return tr("Try again from File › Connect…; if it persists, see the daemon's log.");
}

QString ConnectionProblem::text() const
{
    if (detail.isEmpty())
        return title() + u' ' + advice();
    return tr("%1 (%2) %3").arg(title(), detail, advice());
}

} // namespace QwenSwarm::Ui
