#pragma once

#include "workloadrunner.h"

#include <QUrl>

namespace QwenSwarm::Bench {

/// The standard workload through a RemoteBackend attached to a running qwen-swarmd: what an operator
/// at a remote console gets from the daemon. The token authenticates the client and is never printed.
class AttachedWorkload
{
public:
    /// The token of --token, or of QWEN_SWARM_TOKEN when the option is empty.
    static QByteArray tokenFrom(const QString &option);

    /// Connects, runs the workload and answers its result with the daemon's store kind in `store`;
    /// an error when the daemon cannot be reached or refuses the token.
    static Api::Result<WorkloadResult> run(const QUrl &url, const QByteArray &token, const WorkloadOptions &options,
                                           QString &store);
};

} // namespace QwenSwarm::Bench
