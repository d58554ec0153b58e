#pragma once

// Helpers of ReportCollector: many Backend calls with a bounded number in flight, and every page of
// a paged query. Answers arrive on `context`'s thread; when `context` is destroyed they are dropped.
#include <api/backend.h>

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace QwenSwarm::Ui::ReportFetch {

/// Calls `call(i, context, callback)` for i in [0, count), at most `window` at a time, and answers
/// every value in order, or the first error. `progress(answered)` follows each answer.
template<typename T>
class Each : public std::enable_shared_from_this<Each<T>>
{
public:
    using Call = std::function<void(qsizetype, QObject *, Api::Backend::Callback<T>)>;
    using Done = std::function<void(Api::Result<QList<T>>)>;

    static void run(QObject *context, qsizetype count, Call call, std::function<void(qsizetype)> progress, Done done,
                    qsizetype window = 8)
    {
        auto each = std::shared_ptr<Each>(
            new Each(context, count, std::move(call), std::move(progress), std::move(done), window));
        if (count == 0)
            return each->m_done(QList<T> {});
        each->pump();
    }

private:
    Each(QObject *context, qsizetype count, Call call, std::function<void(qsizetype)> progress, Done done,
         qsizetype window)
        : m_context(context)
        , m_count(count)
        , m_window(window)
        , m_call(std::move(call))
        , m_progress(std::move(progress))
        , m_done(std::move(done))
    {
        m_results.resize(count);
    }

    void pump()
    {
        while (m_next < m_count && m_next - m_answered < m_window) {
            const qsizetype i = m_next++;
            m_call(i, m_context, [self = this->shared_from_this(), i](Api::Result<T> result) {
                self->answered(i, std::move(result));
            });
        }
    }

    void answered(qsizetype i, Api::Result<T> result)
    {
        if (m_over)
            return;
        if (!result) {
            m_over = true;
            return m_done(result.error());
        }
        m_results[i] = std::move(result).value();
        ++m_answered;
        if (m_progress)
            m_progress(m_answered);
        if (m_answered < m_count)
            return pump();
        m_over = true;
        m_done(std::move(m_results));
    }

    QObject *m_context;
    qsizetype m_count;
    qsizetype m_window;
    Call m_call;
    std::function<void(qsizetype)> m_progress;
    Done m_done;
    QList<T> m_results;
    qsizetype m_next = 0;
    qsizetype m_answered = 0;
    bool m_over = false;
};

/// Reads a paged query to its end, or until `max` items; answers the items (oldest first, the
/// backend's pages being newest first) and whether `max` cut them short.
template<typename T>
class Pages : public std::enable_shared_from_this<Pages<T>>
{
public:
    /// Asks for the page after `cursor` ("" = the first), of at most `limit` items.
    using Call = std::function<void(const QString &cursor, int limit, QObject *, Api::Backend::Callback<Api::Page<T>>)>;
    struct Answer
    {
        QList<T> items;
        bool truncated = false;
    };
    using Done = std::function<void(Api::Result<Answer>)>;

    static void run(QObject *context, Call call, qsizetype max, std::function<void(qsizetype)> progress, Done done)
    {
        auto pages
            = std::shared_ptr<Pages>(new Pages(context, std::move(call), max, std::move(progress), std::move(done)));
        pages->ask(QString());
    }

private:
    Pages(QObject *context, Call call, qsizetype max, std::function<void(qsizetype)> progress, Done done)
        : m_context(context)
        , m_call(std::move(call))
        , m_max(max)
        , m_progress(std::move(progress))
        , m_done(std::move(done))
    { }

    void ask(const QString &cursor)
    {
        const int limit = int(std::min<qsizetype>(1000, m_max - m_answer.items.size()));
        m_call(cursor, limit, m_context,
               [self = this->shared_from_this()](Api::Result<Api::Page<T>> page) { self->answered(std::move(page)); });
    }

    void answered(Api::Result<Api::Page<T>> page)
    {
        if (!page)
            return m_done(page.error());
        m_answer.items.append(page->items);
        if (m_progress)
            m_progress(m_answer.items.size());
        if (!page->nextCursor.isEmpty() && m_answer.items.size() < m_max)
            return ask(page->nextCursor);
        m_answer.truncated = !page->nextCursor.isEmpty();
        std::reverse(m_answer.items.begin(), m_answer.items.end());
        m_done(std::move(m_answer));
    }

    QObject *m_context;
    Call m_call;
    qsizetype m_max;
    std::function<void(qsizetype)> m_progress;
    Done m_done;
    Answer m_answer;
};

} // namespace QwenSwarm::Ui::ReportFetch
