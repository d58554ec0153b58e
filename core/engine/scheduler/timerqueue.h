#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <queue>
#include <vector>

namespace QwenSwarm::Engine {

/// Monotonic microseconds, for durations and timers (not for timestamps shown to people).
inline qint64 monotonicUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

/// Many one-shot timers on one QTimer: payloads come back through the handler, in due order, on the
/// owner's thread. Cancelling is the owner's business (it ignores payloads it no longer wants), so
/// scheduling costs one heap insertion and no allocation per timer.
template<typename T>
class TimerQueue
{
public:
    using Handler = std::function<void(T &&)>;

    /// `owner` parents the timer, so the queue moves with it between threads.
    TimerQueue(QObject *owner, Handler handler)
        : m_timer(new QTimer(owner))
        , m_handler(std::move(handler))
    {
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { fire(); });
    }

    /// Delivers `payload` once monotonicUs() has reached `dueMonotonicUs`.
    void schedule(qint64 dueMonotonicUs, T payload)
    {
        m_heap.push(Entry {dueMonotonicUs, m_nextSeq++, std::move(payload)});
        if (!m_timer->isActive() || dueMonotonicUs < m_armedFor)
            arm();
    }

    std::size_t size() const { return m_heap.size(); }

private:
    struct Entry
    {
        qint64 due;
        quint64 seq;
        T payload;
        bool operator>(const Entry &other) const { return due != other.due ? due > other.due : seq > other.seq; }
    };

    void arm()
    {
        if (m_heap.empty()) {
            m_timer->stop();
            return;
        }
        m_armedFor = m_heap.top().due;
        // QTimer counts whole milliseconds: round up, so the timer never fires before the entry is due.
        const qint64 waitUs = std::max<qint64>(0, m_armedFor - monotonicUs());
        m_timer->start(static_cast<int>((waitUs + 999) / 1000));
    }

    void fire()
    {
        // At most a bounded batch per activation: work finished early in a burst (and its events)
        // goes out before the rest of the burst is processed, instead of waiting for all of it.
        constexpr int maxPerActivation = 256;
        const qint64 now = monotonicUs();
        for (int handled = 0; handled < maxPerActivation && !m_heap.empty() && m_heap.top().due <= now; ++handled) {
            T payload = std::move(const_cast<Entry &>(m_heap.top()).payload);
            m_heap.pop();
            m_handler(std::move(payload));
        }
        arm();
    }

    QTimer *m_timer;
    Handler m_handler;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> m_heap;
    qint64 m_armedFor = 0;
    quint64 m_nextSeq = 0;
};

} // namespace QwenSwarm::Engine
