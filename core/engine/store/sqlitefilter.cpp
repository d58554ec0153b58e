#include "store/sqlitefilter.h"

#include "store/queryfilter.h"
#include "store/sqlitedatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace QwenSwarm::Engine {

namespace {

// The argument's text, valid while the function runs.
QByteArray utf8Argument(sqlite3_value *value)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_value_text(value));
    return QByteArray::fromRawData(data, sqlite3_value_bytes(value));
}

// qs_task_text(prompt, tags, variables, text): exactly taskSpecContains(), so both stores find the
// same tasks. The text is the same on every row: it is converted once and kept as SQLite's auxdata.
void taskTextFunction(sqlite3_context *context, int, sqlite3_value **args)
{
    QString converted;
    const auto *text = static_cast<const QString *>(sqlite3_get_auxdata(context, 3));
    if (!text) {
        converted = QString::fromUtf8(utf8Argument(args[3]));
        sqlite3_set_auxdata(context, 3, new QString(converted), [](void *p) { delete static_cast<QString *>(p); });
        text = &converted;
    }
    Api::TaskSpec spec;
    spec.promptTemplate = QString::fromUtf8(utf8Argument(args[0]));
    // The prompt alone decides most rows; the JSON columns are parsed only when it does not.
    bool found = taskSpecContains(spec, *text);
    if (!found && (sqlite3_value_type(args[1]) != SQLITE_NULL || sqlite3_value_type(args[2]) != SQLITE_NULL)) {
        spec.promptTemplate.clear();
        if (sqlite3_value_type(args[1]) != SQLITE_NULL) {
            for (const QJsonValue &tag : QJsonDocument::fromJson(utf8Argument(args[1])).array())
                spec.tags.append(tag.toString());
        }
        if (sqlite3_value_type(args[2]) != SQLITE_NULL)
            spec.variables = QJsonDocument::fromJson(utf8Argument(args[2])).object();
        found = taskSpecContains(spec, *text);
    }
    sqlite3_result_int(context, found ? 1 : 0);
}

} // namespace

SqliteFilter SqliteFilter::of(const Api::TaskQuery &query, quint64 beforeId)
{
    SqliteFilter f;
    if (beforeId != 0)
        f.add("id < ?", qint64(beforeId));
    f.addAnyOf("state", query.states);
    if (query.swarmId.isValid())
        f.add("swarm_id = ?", qint64(query.swarmId.value));
    if (!query.strategy.isEmpty())
        f.add("strategy = ?", query.strategy);
    f.addTimeRange("created_ms", query.createdFromMs, query.createdToMs);
    if (!query.text.isEmpty())
        f.add("qs_task_text(prompt, tags, variables, ?)", query.text);
    return f;
}

SqliteFilter SqliteFilter::of(const Api::DecisionQuery &query, quint64 beforeId)
{
    SqliteFilter f;
    if (beforeId != 0)
        f.add("d.id < ?", qint64(beforeId));
    if (query.swarmId.isValid())
        f.add("d.swarm_id = ?", qint64(query.swarmId.value));
    if (query.taskId.isValid())
        f.add("d.task_id = ?", qint64(query.taskId.value));
    if (!query.strategy.isEmpty())
        f.add("d.strategy = ?", query.strategy);
    if (query.outcome)
        f.add("d.outcome = ?", Api::enumName(*query.outcome).toString());
    f.add("d.agreement >= ?", query.minAgreement);
    f.add("d.agreement <= ?", query.maxAgreement);
    f.addTimeRange("d.created_ms", query.createdFromMs, query.createdToMs);
    return f;
}

SqliteFilter SqliteFilter::of(const Api::ReputationQuery &query, quint64 beforeId)
{
    SqliteFilter f;
    if (beforeId != 0)
        f.add("id < ?", qint64(beforeId));
    if (query.agentId.isValid())
        f.add("agent_id = ?", qint64(query.agentId.value));
    f.add("tag = ?", query.tag);
    // MemoryStore's reading of the range: from inclusive, to exclusive, 0 = open.
    f.addTimeRange("time_ms", query.fromMs, query.toMs);
    return f;
}

SqliteFilter SqliteFilter::of(const Api::AuditQuery &query, quint64 beforeId)
{
    SqliteFilter f;
    if (beforeId != 0)
        f.add("id < ?", qint64(beforeId));
    if (!query.actor.isEmpty())
        f.add("actor = ?", query.actor);
    if (!query.action.isEmpty())
        f.add("action = ?", query.action);
    if (query.allowed)
        f.add("allowed = ?", qint64(*query.allowed ? 1 : 0));
    f.addTimeRange("time_ms", query.fromMs, query.toMs);
    return f;
}

SqliteFilter SqliteFilter::of(const Api::RunQuery &query, quint64 beforeId)
{
    SqliteFilter f;
    if (beforeId != 0)
        f.add("id < ?", qint64(beforeId));
    f.addAnyOf("state", query.states);
    if (!query.workflow.isEmpty())
        f.add("workflow = ?", query.workflow);
    return f;
}

Api::Result<void> SqliteFilter::registerFunctions(SqliteDatabase &db)
{
    return db.addFunction("qs_task_text", 4, &taskTextFunction);
}

QByteArray SqliteFilter::where() const
{
    return m_conditions.isEmpty() ? QByteArray() : " WHERE " + m_conditions;
}

int SqliteFilter::bind(SqliteStatement &statement) const
{
    int index = 1;
    for (const Value &value : m_values)
        std::visit([&statement, &index](const auto &v) { statement.bind(index++, v); }, value);
    return index;
}

void SqliteFilter::add(const char *condition)
{
    if (!m_conditions.isEmpty())
        m_conditions += " AND ";
    m_conditions += condition;
}

void SqliteFilter::add(const char *condition, Value value)
{
    add(condition);
    m_values.push_back(std::move(value));
}

template<typename E>
void SqliteFilter::addAnyOf(const char *column, const QList<E> &values)
{
    if (values.isEmpty())
        return;
    QByteArray in = QByteArray(column) + " IN (";
    for (qsizetype i = 0; i < values.size(); ++i) {
        in += i == 0 ? "?" : ", ?";
        m_values.emplace_back(Api::enumName(values[i]).toString());
    }
    add(in.append(')').constData());
}

void SqliteFilter::addTimeRange(const char *column, qint64 fromMs, qint64 toMs)
{
    if (fromMs != 0)
        add(QByteArray(column).append(" >= ?").constData(), fromMs);
    if (toMs != 0)
        add(QByteArray(column).append(" < ?").constData(), toMs);
}

} // namespace QwenSwarm::Engine
