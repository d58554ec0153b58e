#pragma once

#include "store/store.h"

#include <optional>

namespace QwenSwarm::Engine {

/// Group commit: writes appended during one turn of the engine's event loop go to the store as one
/// batch, and everyone waiting for durability is answered by that batch's completion.
///
/// A batch the store fails (a full disk, a read-only file, a lost server) is not dropped: its writes
/// go back to the front of the queue and are written again, one batch at a time, when the owner
/// calls retry(), until the store takes them; failure() says the store is failing meanwhile, so the
/// engine refuses new work instead of losing it. The waiters of a failed batch are answered with its
/// error, and the new tasks it carried (TaskWrite) are dropped from it: their submitters were told
/// they were not accepted. A commit whose outcome is unknown (details.reason "commit_in_doubt") is
/// written again whole, and its waiters are answered by the write that settles it.
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
    /// While the store fails: writes the kept writes again (the owner calls it now and then).
    void retry();
    bool idle() const { return m_pending.empty() && m_waiting.empty(); }
    /// The error of the last failed batch, until a batch is written again.
    const std::optional<Api::Error> &failure() const { return m_failure; }

private:
    void requestFlush();
    /// Keeps the writes of a failed batch; true when its waiters were kept too (to be answered by the retry).
    bool written(const Api::Result<void> &result, std::vector<StoreWrite> *kept,
                 std::vector<Store::Reply<void>> &waiting);

    Store &m_store;
    std::vector<StoreWrite> m_pending;
    std::vector<Store::Reply<void>> m_waiting;
    std::function<void()> m_requestFlush;
    bool m_flushRequested = false;
    int m_writing = 0; ///< Batches handed to the store and not yet answered.
    std::optional<Api::Error> m_failure;
    bool m_inDoubt = false; ///< Kept writes include a commit whose outcome is unknown.
};

} // namespace QwenSwarm::Engine
