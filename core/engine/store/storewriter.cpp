#include "store/storewriter.h"

namespace QwenSwarm::Engine {

StoreWriter::StoreWriter(Store &store)
    : m_store(store)
{ }

void StoreWriter::append(StoreWrite write)
{
    m_pending.push_back(std::move(write));
    requestFlush();
}

void StoreWriter::whenDurable(Store::Reply<void> done)
{
    m_waiting.push_back(std::move(done));
    requestFlush();
}

void StoreWriter::requestFlush()
{
    if (m_flushRequested || !m_requestFlush)
        return;
    m_flushRequested = true;
    m_requestFlush();
}

void StoreWriter::flush()
{
    m_flushRequested = false;
    if (m_pending.empty() && m_waiting.empty())
        return;
    std::vector<StoreWrite> batch;
    batch.swap(m_pending);
    m_pending.reserve(batch.size());
    std::vector<Store::Reply<void>> waiting;
    waiting.swap(m_waiting);
    m_store.write(std::move(batch), [waiting = std::move(waiting)](Api::Result<void> result) {
        for (const auto &done : waiting)
            done(result);
    });
}

} // namespace QwenSwarm::Engine
