#include "store/postgresfilter.h"

#include <QLocale>

#include <cmath>

namespace QwenSwarm::Engine {

namespace {

std::string number(qint64 value)
{
    return std::to_string(value);
}

std::string number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest).toStdString();
}

std::string text(QStringView value)
{
    return value.toUtf8().toStdString();
}

} // namespace

PostgresFilter PostgresFilter::of(const Api::TaskQuery &query, quint64 beforeId)
{
    PostgresFilter f;
    if (beforeId != 0)
        f.add("id < ?", number(qint64(beforeId)));
    f.addAnyOf("state", query.states);
    if (query.swarmId.isValid())
        f.add("swarm_id = ?", number(qint64(query.swarmId.value)));
    if (!query.strategy.isEmpty())
        f.add("strategy = ?", text(query.strategy));
    f.addTimeRange("created_ms", query.createdFromMs, query.createdToMs);
    return f;
}

PostgresFilter PostgresFilter::of(const Api::DecisionQuery &query, quint64 beforeId)
{
    PostgresFilter f;
    if (beforeId != 0)
        f.add("d.id < ?", number(qint64(beforeId)));
    if (query.swarmId.isValid())
        f.add("d.swarm_id = ?", number(qint64(query.swarmId.value)));
    if (query.taskId.isValid())
        f.add("d.task_id = ?", number(qint64(query.taskId.value)));
    if (!query.strategy.isEmpty())
        f.add("d.strategy = ?", text(query.strategy));
    if (query.outcome)
        f.add("d.outcome = ?", text(Api::enumName(*query.outcome)));
    f.add("d.agreement >= ?", number(query.minAgreement));
    f.add("d.agreement <= ?", number(query.maxAgreement));
    f.addTimeRange("d.created_ms", query.createdFromMs, query.createdToMs);
    return f;
}

PostgresFilter PostgresFilter::of(const Api::ReputationQuery &query, quint64 beforeId)
{
    PostgresFilter f;
    if (beforeId != 0)
        f.add("id < ?", number(qint64(beforeId)));
    if (query.agentId.isValid())
        f.add("agent_id = ?", number(qint64(query.agentId.value)));
    f.add("tag = ?", text(query.tag));
    // MemoryStore's reading of the range: from inclusive, to exclusive, 0 = open.
    f.addTimeRange("time_ms", query.fromMs, query.toMs);
    return f;
}

PostgresFilter PostgresFilter::of(const Api::AuditQuery &query, quint64 beforeId)
{
    PostgresFilter f;
    if (beforeId != 0)
        f.add("id < ?", number(qint64(beforeId)));
    if (!query.actor.isEmpty())
        f.add("actor = ?", text(query.actor));
    if (!query.action.isEmpty())
        f.add("action = ?", text(query.action));
    if (query.allowed)
        f.add(*query.allowed ? "allowed" : "NOT allowed");
    f.addTimeRange("time_ms", query.fromMs, query.toMs);
    return f;
}

PostgresFilter PostgresFilter::of(const Api::RunQuery &query, quint64 beforeId)
{
    PostgresFilter f;
    if (beforeId != 0)
        f.add("id < ?", number(qint64(beforeId)));
    f.addAnyOf("state", query.states);
    if (!query.workflow.isEmpty())
        f.add("workflow = ?", text(query.workflow));
    return f;
}

std::string PostgresFilter::select(const std::string &select, const char *idColumn) const
{
    // The placeholders, numbered in the order of the values.
    std::string where;
    int parameter = 0;
    for (const char c : m_conditions) {
        if (c == '?')
            where += '$' + std::to_string(++parameter);
        else
            where += c;
    }
    return select + (where.empty() ? "" : " WHERE " + where) + " ORDER BY " + idColumn + " DESC LIMIT $"
        + std::to_string(parameter + 1);
}

std::vector<std::string> PostgresFilter::parameters(qint64 limit) const
{
    std::vector<std::string> all = m_values;
    all.push_back(number(limit));
    return all;
}

void PostgresFilter::add(const char *condition)
{
    if (!m_conditions.empty())
        m_conditions += " AND ";
    m_conditions += condition;
}

void PostgresFilter::add(const char *condition, std::string value)
{
    add(condition);
    m_values.push_back(std::move(value));
}

template<typename E>
void PostgresFilter::addAnyOf(const char *column, const QList<E> &values)
{
    if (values.isEmpty())
        return;
    std::string in = std::string(column) + " IN (";
    for (qsizetype i = 0; i < values.size(); ++i) {
        in += i == 0 ? "?" : ", ?";
        m_values.push_back(text(Api::enumName(values[i])));
    }
    add((in + ')').c_str());
}

void PostgresFilter::addTimeRange(const char *column, qint64 fromMs, qint64 toMs)
{
    if (fromMs != 0)
        add((std::string(column) + " >= ?").c_str(), number(fromMs));
    if (toMs != 0)
        add((std::string(column) + " < ?").c_str(), number(toMs));
}

} // namespace QwenSwarm::Engine
