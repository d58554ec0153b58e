#include "attachedworkload.h"

#include <client/remotebackend.h>

#include <QEventLoop>
#include <QProcessEnvironment>

#include <algorithm>
#include <optional>

namespace QwenSwarm::Bench {

QByteArray AttachedWorkload::tokenFrom(const QString &option)
{
    if (!option.isEmpty())
        return option.toUtf8();
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("QWEN_SWARM_TOKEN")).toUtf8();
}

Api::Result<WorkloadResult> AttachedWorkload::run(const QUrl &url, const QByteArray &token,
                                                  const WorkloadOptions &options, QString &store)
{
    Remote::RemoteOptions remote;
    remote.url = url;
    remote.token = token;
    remote.clientName = QStringLiteral("qwen-swarm-bench");
    remote.maxQueuedCalls = std::max(remote.maxQueuedCalls, options.concurrency * 2);
    Remote::RemoteBackend backend(remote);
    QEventLoop loop;
    std::optional<Api::Error> failure;
    // The first connection problem ends the run: a benchmark does not wait out reconnects.
    QObject::connect(&backend, &Remote::RemoteBackend::connectionError, &loop, [&](const Api::Error &error) {
        if (!failure)
            failure = error;
        loop.quit();
    });
    backend.connectToServer();
    backend.info(&loop, [&](Api::Result<Api::BackendInfo> info) {
        if (info)
            store = info->store;
        else if (!failure)
            failure = info.error();
        loop.quit();
    });
    loop.exec();
    if (failure)
        return *failure;
    WorkloadOptions paced = options;
    // At most 200 calls/s: the daemon's default sustained limit per client (SessionLimits), never above it.
    paced.submitIntervalMs = std::max(paced.submitIntervalMs, 5);
    WorkloadRunner runner(backend, paced);
    QObject::connect(&runner, &WorkloadRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    loop.exec();
    if (failure)
        return *failure;
    return runner.result();
}

} // namespace QwenSwarm::Bench
