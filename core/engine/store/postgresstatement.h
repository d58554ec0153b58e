#pragma once

#include <string>
#include <vector>

namespace QwenSwarm::Engine {

/// One statement made of data-modifying parts ("WITH a AS (INSERT ...), b AS (UPDATE ...) SELECT 1"),
/// so that the writes of several tables cost one round trip, and, alone in its transaction, no
/// BEGIN and COMMIT either. Each part is written with its own parameters numbered from $1; add()
/// renumbers them. Parts must touch different rows (a statement sees one snapshot: a part does not
/// see what another one wrote). The same parts in the same order give the same SQL text, so each
/// combination is prepared once per session.
class PostgresStatement
{
public:
    /// Adds CTE definitions ("name AS (...)[, name2 AS (...)]") and their parameters.
    void add(const char *parts, std::vector<std::string> parameters);
    bool isEmpty() const { return m_parts.empty(); }
    /// "WITH <parts> SELECT 1".
    std::string sql() const;
    const std::vector<std::string> &parameters() const { return m_parameters; }

private:
    std::string m_parts;
    std::vector<std::string> m_parameters;
};

} // namespace QwenSwarm::Engine
