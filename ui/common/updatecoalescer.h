#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace QwenSwarm::Ui {

/// Turns any number of markDirty() calls into at most `maxPerSecond` flush() signals a second. The
/// first change after a quiet spell flushes on the next turn of the event loop; changes that follow
/// within the interval are merged into one flush at the end of it. Never blocks.
class UpdateCoalescer : public QObject
{
    Q_OBJECT

public:
    explicit UpdateCoalescer(int maxPerSecond, QObject *parent = nullptr);

    void setMaxPerSecond(int maxPerSecond);
    int intervalMs() const { return m_intervalMs; }
    /// Something changed: flush() will follow, no sooner than one interval after the previous one.
    void markDirty();
    bool isDirty() const { return m_dirty; }
    /// How many times flush() was emitted.
    int flushCount() const { return m_flushes; }

Q_SIGNALS:
    void flush();

private:
    void fire();

    QTimer m_timer;
    QElapsedTimer m_sinceFlush;
    int m_intervalMs = 250;
    int m_flushes = 0;
    bool m_dirty = false;
};

} // namespace QwenSwarm::Ui
