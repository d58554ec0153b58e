#pragma once

#include "dashboard/metricspoint.h"

#include <api/backend.h>

#include <QObject>
#include <QTimer>

#include <deque>

namespace QwenSwarm::Ui {

/// The dashboard's memory: polls Backend::metrics (one request at a time) and keeps what the charts
/// draw, bounded: a point a poll for the last hour, and a point a minute for the last 24 hours. What
/// came before it started comes from the core's per-minute roll-ups (Backend::metricsHistory), read
/// once at start: a point a minute until its own sampling begins.
class MetricsHistory : public QObject
{
    Q_OBJECT

public:
    enum class Window
    {
        OneMinute,
        FifteenMinutes,
        OneHour,
        OneDay,
    };

    explicit MetricsHistory(Api::Backend &backend, QObject *parent = nullptr, int pollIntervalMs = 1000);

    static qint64 spanMs(Window window);

    void start();
    void stop();
    /// Takes a snapshot as if it had been polled (the poll's answer goes here).
    void addSnapshot(const Api::MetricsSnapshot &snapshot);
    /// Takes the core's per-minute roll-ups (oldest first): a point for each minute that follows
    /// another, older than anything sampled. A gap (the core was down) draws no point across it.
    void addHistory(const QList<Api::MetricsSnapshot> &rollups);
    bool historyLoaded() const { return m_historyLoaded; }
    /// The points within `window` of the newest one, oldest first, averaged down to at most
    /// `maxPoints`.
    QList<MetricsPoint> points(Window window, int maxPoints = 600) const;
    std::optional<MetricsPoint> latest() const;
    qint64 latestTimeMs() const;
    qsizetype fineCount() const { return qsizetype(m_fine.size()); }
    qsizetype coarseCount() const { return qsizetype(m_coarse.size()); }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void sampled();
    void failed(const QString &message);

private:
    struct Raw
    {
        qint64 timeMs = 0;
        double submitted = 0, finished = 0, failed = 0, calls = 0, errors = 0, tokens = 0, cost = 0;
        QList<double> bounds;
        QList<double> buckets; ///< cumulative
        double count = 0;
        double queue = 0, running = 0;
        std::array<double, 8> agents {};
    };

    void poll();
    void loadHistory();
    static Raw extract(const Api::MetricsSnapshot &snapshot);
    static MetricsPoint derive(const Raw &from, const Raw &to);
    static MetricsPoint average(const QList<MetricsPoint> &group);

    Api::Backend &m_backend;
    QTimer m_timer;
    bool m_inFlight = false;
    std::deque<Raw> m_raw; // the last few seconds, for smoothed rates
    std::optional<Raw> m_minuteStart;
    std::deque<MetricsPoint> m_fine;
    std::deque<MetricsPoint> m_coarse;
    QString m_lastError;
    bool m_historyLoaded = false;
};

} // namespace QwenSwarm::Ui
