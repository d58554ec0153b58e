#pragma once

#include "store/store.h"

namespace QwenSwarm::Engine {

/// Group commit: writes appended during one turn of the engine's event loop go to the store as one
/// batch, and everyone waiting for durability is answered by that batch's completion.
class StoreWriter
{
public:
    explicit StoreWriter(Store &store);

    /// Called on the first append after a flush, so the owner can schedule the next flush.
    void setFlushRequest(std::function<void()> request) { m_requestFlush = std::move(request); }

    Store &store() { return m_store; }
    void append(StoreWrite write);
    /// `done` runs once everything appended so far is durable (or failed to be).
    void whenDurable(Store::Reply<void> done);
    void flush();
    bool idle() const { return m_pending.empty() && m_waiting.empty(); }

private:
    void requestFlush();

    Store &m_store;
    std::vector<StoreWrite> m_pending;
    std::vector<Store::Reply<void>> m_waiting;
    std::function<void()> m_requestFlush;
    bool m_flushRequested = false;
};

} // namespace QwenSwarm::Engine
