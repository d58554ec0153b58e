#pragma once

#include <api/error.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QObject>
#include <QTest>

#include <functional>
#include <optional>

namespace QwenSwarm::Testing {

/// Calls an asynchronous operation `call(context, callback)` and spins the event loop until it
/// answers (or `timeoutMs` passes, which answers an Internal error saying so). Works for calls that
/// answer synchronously too.
template<typename T, typename Call>
Api::Result<T> await(Call call, int timeoutMs = 10000)
{
    std::optional<Api::Result<T>> answer;
    QObject context;
    call(&context, [&answer](Api::Result<T> result) { answer.emplace(std::move(result)); });
    QDeadlineTimer deadline(timeoutMs);
    while (!answer && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    if (!answer)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("timed out waiting for an answer"));
    return std::move(*answer);
}

/// Spins the event loop until `condition` holds or `timeoutMs` passes; returns whether it holds.
inline bool spinUntil(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return condition();
}

/// Spins the event loop for `ms` milliseconds.
inline void spinFor(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
}

} // namespace QwenSwarm::Testing

/// QVERIFY that a Result is ok, printing its error otherwise.
#define QS_VERIFY_OK(result)                                                                                           \
    do {                                                                                                               \
        const auto &qsResult = (result);                                                                               \
        QVERIFY2(qsResult.ok(), qsResult.ok() ? "" : qPrintable(qsResult.error().message));                            \
    } while (false)

/// QVERIFY that a Result failed with `expectedCode`.
#define QS_VERIFY_ERROR(result, expectedCode)                                                                          \
    do {                                                                                                               \
        const auto &qsResult = (result);                                                                               \
        QVERIFY2(!qsResult.ok(), "expected an error, got a value");                                                    \
        QCOMPARE(::QwenSwarm::Api::enumName(qsResult.error().code).toString(),                                         \
                 ::QwenSwarm::Api::enumName(expectedCode).toString());                                                 \
    } while (false)
