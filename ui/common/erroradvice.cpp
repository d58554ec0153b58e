#include "common/erroradvice.h"

namespace QwenSwarm::Ui {

using Api::ErrorCode;

QString ErrorAdvice::nextStep(const Api::Error &error)
{
    switch (error.code) {
    case ErrorCode::Unavailable:
    case ErrorCode::DeadlineExceeded:
        return tr("Check the connection in the status bar; press F5 to try again once it is back.");
    case ErrorCode::Unauthenticated:
        return tr("Connect again with a valid token (File › Connect…).");
    case ErrorCode::PermissionDenied:
        return tr("Your role does not allow this: connect with an operator or admin token (File › Connect…).");
    case ErrorCode::InvalidArgument:
    case ErrorCode::AlreadyExists:
        return tr("Correct the value named above and try again.");
    case ErrorCode::NotFound:
    case ErrorCode::InvalidState:
        return tr("It changed meanwhile: press F5 to refresh the page, then try again.");
    case ErrorCode::ResourceExhausted:
        return tr("A limit was reached: wait a moment, or raise the limit, then try again.");
    case ErrorCode::Cancelled:
        return tr("Nothing else to do: it was cancelled.");
    case ErrorCode::NoConsensus:
        return tr("Retry the task, or choose a strategy with a tie-break or a lower threshold.");
    case ErrorCode::ProviderError:
        return tr("Check the provider's settings and key, then retry.");
    case ErrorCode::Unimplemented:
        return tr("This daemon does not support it: update qwen-swarmd.");
    case ErrorCode::Internal:
        break;
    }
    return tr("Press F5 to try again; if it persists, copy the Logs page into a report.");
}

QString ErrorAdvice::describe(const Api::Error &error)
{
    QString message = error.message.trimmed();
    if (!message.isEmpty() && !message.endsWith(u'.'))
        message += u'.';
    return message + u' ' + nextStep(error);
}

} // namespace QwenSwarm::Ui
