#pragma once

#include <api/backend.h>

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QThread;

namespace QwenSwarm::Console {

/// `qwen-swarm --perf-probe SECONDS`: measures the console as an operator feels it, then prints one
/// JSON line on stdout and quits.
///
/// - startup_ms: from the process's start (the kernel's clock) to the first turn of the event loop
///   with the window shown;
/// - event_loop_p50/p99/max_ms: a thread of its own posts a stamped event to the GUI thread every
///   5 ms; the latency is how long each waited before the GUI thread ran it, so it is what an
///   input event would wait, with every other posted event (the core's answers and events) ahead;
/// - rss_mb at the end, rss_max_mb, rss_mb_by_minute (to see that it stays flat), and
///   heap_in_use_mb at the end;
/// - tasks_finished_per_s: the core's finished tasks over the probe, to show the load was there.
class PerfProbe : public QObject
{
    Q_OBJECT

public:
    PerfProbe(Api::Backend &backend, int seconds, QObject *parent = nullptr);
    ~PerfProbe() override;

    /// Call once the window is shown: the first turn of the event loop after this is "interactive".
    void start();

    /// Milliseconds since this process started, by the kernel's start time (10 ms resolution).
    static double processAgeMs();
    /// Resident set size, in MiB.
    static double residentMb();
    /// What the C library's heap has handed out and not had back, in MiB (-1 where unknown, as under
    /// a sanitizer's allocator): with residentMb(), tells live data from memory the allocator keeps.
    static double heapInUseMb();

Q_SIGNALS:
    /// The JSON line is written.
    void finished();

private:
    void beginMeasuring();
    void record(qint64 postedNs);
    void sampleMemory();
    void stop();
    void report(double finishedAtEnd);

    Api::Backend &m_backend;
    const int m_seconds;
    double m_startupMs = 0;
    QThread *m_ticker = nullptr;
    QTimer m_memoryTimer;
    std::vector<qint64> m_latenciesNs;
    std::vector<double> m_rssByMinute;
    double m_rssMaxMb = 0;
    int m_memorySamples = 0;
    qint64 m_startNs = 0;
    double m_finishedAtStart = -1;
    bool m_stopped = false;
};

} // namespace QwenSwarm::Console
