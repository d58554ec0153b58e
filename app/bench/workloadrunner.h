#pragma once

#include <api/backend.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <unordered_map>
#include <vector>

namespace QwenSwarm::Bench {

/// Parameters of the standard workload (DESIGN.md section 9).
struct WorkloadOptions
{
    int tasks = 10000;
    int concurrency = 64;
    int latencyMs = 0;
    int agentsPerTask = 5;
    QString provider = QStringLiteral("simulated");
    QString model = QStringLiteral("bench"); ///< The agents' model (what a real provider is asked for).
    /// At most one submitTasks call per this many milliseconds (0: one per event batch). Attached,
    /// the daemon limits each client's request rate; the tasks that became due meanwhile go together.
    int submitIntervalMs = 0;
};

struct WorkloadResult
{
    int tasks = 0;
    double wallSeconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    bool correct = false;
    QString failure; ///< Why the run is not correct (first problem seen).
};

/// Drives the standard workload through any api::Backend: creates the swarm, keeps `concurrency`
/// tasks in flight, and checks every decision. Finished() is emitted once.
class WorkloadRunner : public QObject
{
    Q_OBJECT

public:
    WorkloadRunner(Api::Backend &backend, WorkloadOptions options, QObject *parent = nullptr);

    void start();
    const WorkloadResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    void subscribe();
    void submitMore();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void fail(const QString &why);
    void abort(const QString &why);
    void complete();
    Api::TaskSpec specFor(int t) const;

    Api::Backend &m_backend;
    WorkloadOptions m_options;
    Api::SwarmId m_swarm;
    Api::SubscriptionId m_subscription;
    QElapsedTimer m_clock;
    QTimer m_submitTimer;
    qint64 m_lastSubmitNs = -1;
    int m_submitted = 0;
    int m_inFlight = 0;
    int m_finished = 0;
    int m_correctDecisions = 0;
    bool m_done = false;
    std::unordered_map<quint64, qint64> m_submittedAtNs; // by task id
    std::unordered_map<quint64, qint64> m_endedEarly; // terminal events that beat their submit answer
    std::vector<qint64> m_latenciesNs;
    WorkloadResult m_result;
};

} // namespace QwenSwarm::Bench
