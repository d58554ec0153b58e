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
    // While the store fails, one batch at a time, so that kept writes are written in their order.
    if (m_failure && m_writing > 0)
        return;
    std::vector<StoreWrite> batch;
    batch.swap(m_pending);
    m_pending.reserve(batch.size());
    // A copy to write again should the store fail it (cheap: the members are implicitly shared);
    // a store whose writes cannot fail needs none.
    std::shared_ptr<std::vector<StoreWrite>> kept;
    if (!m_store.durableWhenQueued())
        kept = std::make_shared<std::vector<StoreWrite>>(batch);
    auto waiting = std::make_shared<std::vector<Store::Reply<void>>>();
    waiting->swap(m_waiting);
    ++m_writing;
    m_store.write(std::move(batch), [this, kept, waiting](Api::Result<void> result) {
        if (written(result, kept.get(), *waiting))
            return;
        for (const auto &done : *waiting)
            done(result);
    });
}

void StoreWriter::retry()
{
    if (m_failure)
        flush();
}

bool StoreWriter::written(const Api::Result<void> &result, std::vector<StoreWrite> *kept,
                          std::vector<Store::Reply<void>> &waiting)
{
    --m_writing;
    if (result) {
        if (std::exchange(m_failure, std::nullopt) && !idle())
            requestFlush(); // what waited behind the retried batch
        m_inDoubt = false;
        return false;
    }
    m_failure = result.error();
    if (!kept)
        return false;
    // A commit whose outcome is unknown is written again (every write is guarded, immutable or
    // idempotent) and its waiters wait for that: telling them it failed could make a client submit
    // again what is already stored. It stays in doubt through later failures, until a write settles it.
    const bool inDoubt = m_inDoubt
        || result.error().details.value(QStringLiteral("reason")).toString() == QLatin1StringView("commit_in_doubt");
    m_inDoubt = inDoubt;
    std::vector<StoreWrite> again;
    again.reserve(kept->size() + m_pending.size());
    for (StoreWrite &w : *kept) {
        if (inDoubt || !std::holds_alternative<TaskWrite>(w))
            again.push_back(std::move(w));
    }
    std::move(m_pending.begin(), m_pending.end(), std::back_inserter(again));
    m_pending.swap(again);
    if (!inDoubt)
        return false;
    std::move(m_waiting.begin(), m_waiting.end(), std::back_inserter(waiting));
    m_waiting.swap(waiting);
    return true;
}

} // namespace QwenSwarm::Engine
