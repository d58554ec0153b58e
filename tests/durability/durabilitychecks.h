#pragma once

// What a durable store holds after a run, read back for the durability tests: every task, every
// decision, and the database's own consistency check.

#include <api/query.h>
#include <store/postgresstore.h>
#include <store/sqlitestore.h>

#include <QFile>
#include <QHash>

#include <sqlite3.h>

namespace QwenSwarm::Testing::DurabilityChecks {

struct Contents
{
    QString integrity; ///< "ok" when the database checks out (SQLite: PRAGMA integrity_check).
    QHash<quint64, Api::Task> tasks;
    QHash<QString, int> tasksWithKey; ///< Idempotency key -> tasks that carry it.
    QHash<quint64, QList<Api::DecisionId>> decisionsOfTask;
    QList<Api::Decision> decisions;
    QList<quint64> unfinished;
};

/// The answer of a store that answers before it returns (SqliteStore, PostgresStore).
template<typename T, typename Call>
Api::Result<T> now(Call call)
{
    std::optional<Api::Result<T>> answer;
    call([&answer](Api::Result<T> r) { answer = std::move(r); });
    if (!answer)
        return Api::makeError(Api::ErrorCode::Internal, QStringLiteral("the store did not answer"));
    return std::move(*answer);
}

inline Api::Result<void> readAll(Engine::Store &store, Contents &out)
{
    Api::TaskQuery tasks;
    tasks.page.limit = 1000;
    do {
        auto page = now<Api::Page<Api::Task>>([&](auto done) { store.queryTasks(tasks, done); });
        if (!page)
            return page.error();
        for (const Api::Task &t : page->items) {
            out.tasks.insert(t.id.value, t);
            if (!t.spec.idempotencyKey.isEmpty())
                ++out.tasksWithKey[t.spec.idempotencyKey];
            if (t.state == Api::TaskState::Queued || t.state == Api::TaskState::Running
                || t.state == Api::TaskState::Deciding)
                out.unfinished.append(t.id.value);
        }
        tasks.page.cursor = page->nextCursor;
    } while (!tasks.page.cursor.isEmpty());
    Api::DecisionQuery decisions;
    decisions.page.limit = 1000;
    do {
        auto page = now<Api::Page<Api::Decision>>([&](auto done) { store.queryDecisions(decisions, done); });
        if (!page)
            return page.error();
        for (const Api::Decision &d : page->items) {
            out.decisionsOfTask[d.taskId.value].append(d.id);
            out.decisions.append(d);
        }
        decisions.page.cursor = page->nextCursor;
    } while (!decisions.page.cursor.isEmpty());
    return {};
}

inline QString integrityCheck(const QString &file)
{
    sqlite3 *db = nullptr;
    QString verdict;
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW)
                verdict += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        }
        sqlite3_finalize(statement);
    }
    if (verdict.isEmpty())
        verdict = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_close_v2(db);
    return verdict;
}

inline Api::Result<Contents> sqlite(const QString &file)
{
    Contents contents;
    contents.integrity = integrityCheck(file);
    auto store = Engine::SqliteStore::open(file);
    if (!store)
        return store.error();
    if (auto read = readAll(**store, contents); !read)
        return read.error();
    return contents;
}

inline Api::Result<Contents> postgres(const QString &url)
{
    Contents contents;
    contents.integrity = QStringLiteral("ok"); // the server keeps its own pages consistent
    auto store = Engine::PostgresStore::open(url);
    if (!store)
        return store.error();
    if (auto read = readAll(**store, contents); !read)
        return read.error();
    return contents;
}

} // namespace QwenSwarm::Testing::DurabilityChecks
