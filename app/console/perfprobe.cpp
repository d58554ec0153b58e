#include "perfprobe.h"

#include <percentile.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace QwenSwarm::Console {

namespace {

constexpr int tickMs = 5;

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double rounded(double value)
{
    return std::round(value * 100) / 100;
}

} // namespace

PerfProbe::PerfProbe(Api::Backend &backend, int seconds, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_seconds(std::max(1, seconds))
{
    m_latenciesNs.reserve(std::size_t(m_seconds) * (1000 / tickMs) + 16);
    m_memoryTimer.setInterval(1000);
    connect(&m_memoryTimer, &QTimer::timeout, this, &PerfProbe::sampleMemory);
}

PerfProbe::~PerfProbe()
{
    if (m_ticker) {
        m_ticker->quit();
        m_ticker->wait();
    }
}

double PerfProbe::processAgeMs()
{
    // Field 22 of /proc/self/stat: the start time in clock ticks after boot, on CLOCK_BOOTTIME.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startS = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK)); // field 22
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startS) * 1000;
}

double PerfProbe::residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return -1;
}

double PerfProbe::heapInUseMb()
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    const std::size_t used = info.uordblks + info.hblkhd;
    return used > 0 ? double(used) / (1024 * 1024) : -1; // 0: another allocator (a sanitizer's) took over
#else
    return -1;
#endif
}

void PerfProbe::start()
{
    QTimer::singleShot(0, this, &PerfProbe::beginMeasuring);
}

void PerfProbe::beginMeasuring()
{
    m_startupMs = processAgeMs();
    m_startNs = monotonicNs();
    m_backend.metrics(this, [this](Api::Result<Api::MetricsSnapshot> snapshot) {
        m_finishedAtStart = snapshot ? snapshot->total(u"qwen_swarm_tasks_finished_total") : -1;
    });

    // The ticker lives on a thread of its own, so a busy GUI thread cannot delay the stamping.
    m_ticker = new QThread(this);
    auto *timer = new QTimer;
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(tickMs);
    timer->moveToThread(m_ticker);
    connect(m_ticker, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_ticker, &QThread::finished, timer, &QObject::deleteLater);
    connect(timer, &QTimer::timeout, timer, [this] {
        const qint64 posted = monotonicNs();
        QMetaObject::invokeMethod(
            this, [this, posted] { record(posted); }, Qt::QueuedConnection);
    });
    m_ticker->start();
    m_memoryTimer.start();
    QTimer::singleShot(m_seconds * 1000, Qt::PreciseTimer, this, &PerfProbe::stop);
}

void PerfProbe::record(qint64 postedNs)
{
    if (!m_stopped)
        m_latenciesNs.push_back(monotonicNs() - postedNs);
}

void PerfProbe::sampleMemory()
{
    const double rss = residentMb();
    m_rssMaxMb = std::max(m_rssMaxMb, rss);
    if (++m_memorySamples % 60 == 0)
        m_rssByMinute.push_back(rss);
}

void PerfProbe::stop()
{
    m_stopped = true;
    m_memoryTimer.stop();
    m_ticker->quit();
    // The core's count at the end; a core that does not answer within a second is reported as such.
    auto reported = std::make_shared<bool>(false);
    m_backend.metrics(this, [this, reported](Api::Result<Api::MetricsSnapshot> snapshot) {
        if (!std::exchange(*reported, true))
            report(snapshot ? snapshot->total(u"qwen_swarm_tasks_finished_total") : -1);
    });
    QTimer::singleShot(1000, this, [this, reported] {
        if (!std::exchange(*reported, true))
            report(-1);
    });
}

void PerfProbe::report(double finishedAtEnd)
{
    const double seconds = double(monotonicNs() - m_startNs) / 1e9;
    std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
    const auto ms = [this](double p) { return Bench::percentileOfSorted(m_latenciesNs, p) / 1e6; };
    QJsonArray byMinute;
    for (double rss : m_rssByMinute)
        byMinute.append(rounded(rss));
    QJsonObject line {
        {QStringLiteral("seconds"), rounded(seconds)},
        {QStringLiteral("startup_ms"), rounded(m_startupMs)},
        {QStringLiteral("event_loop_samples"), qint64(m_latenciesNs.size())},
        {QStringLiteral("event_loop_p50_ms"), rounded(ms(0.50))},
        {QStringLiteral("event_loop_p99_ms"), rounded(ms(0.99))},
        {QStringLiteral("event_loop_max_ms"), rounded(ms(1.0))},
        {QStringLiteral("rss_mb"), rounded(residentMb())},
        {QStringLiteral("rss_max_mb"), rounded(std::max(m_rssMaxMb, residentMb()))},
        {QStringLiteral("rss_mb_by_minute"), byMinute},
        {QStringLiteral("heap_in_use_mb"), rounded(heapInUseMb())},
    };
    if (finishedAtEnd >= 0 && m_finishedAtStart >= 0)
        line.insert(QStringLiteral("tasks_finished_per_s"), rounded((finishedAtEnd - m_finishedAtStart) / seconds));
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
    Q_EMIT finished();
}

} // namespace QwenSwarm::Console
