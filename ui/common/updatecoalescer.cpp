#include "common/updatecoalescer.h"

#include <algorithm>

namespace QwenSwarm::Ui {

UpdateCoalescer::UpdateCoalescer(int maxPerSecond, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpdateCoalescer::fire);
    setMaxPerSecond(maxPerSecond);
}

void UpdateCoalescer::setMaxPerSecond(int maxPerSecond)
{
    m_intervalMs = 1000 / std::clamp(maxPerSecond, 1, 1000);
}

void UpdateCoalescer::markDirty()
{
    m_dirty = true;
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : m_intervalMs;
    m_timer.start(static_cast<int>(std::max<qint64>(0, m_intervalMs - since)));
}

void UpdateCoalescer::fire()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_sinceFlush.start();
    ++m_flushes;
    Q_EMIT flush();
}

} // namespace QwenSwarm::Ui
