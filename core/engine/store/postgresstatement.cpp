#include "store/postgresstatement.h"

#include <cctype>

namespace QwenSwarm::Engine {

void PostgresStatement::add(const char *parts, std::vector<std::string> parameters)
{
    const std::size_t offset = m_parameters.size();
    if (!m_parts.empty())
        m_parts += ",\n";
    for (const char *c = parts; *c; ++c) {
        m_parts += *c;
        if (*c != '$' || !std::isdigit(static_cast<unsigned char>(c[1])))
            continue;
        std::size_t number = 0;
        while (std::isdigit(static_cast<unsigned char>(c[1])))
            number = number * 10 + static_cast<std::size_t>(*++c - '0');
        m_parts += std::to_string(number + offset);
    }
    for (std::string &parameter : parameters)
        m_parameters.push_back(std::move(parameter));
}

std::string PostgresStatement::sql() const
{
    return "WITH " + m_parts + "\nSELECT 1";
}

} // namespace QwenSwarm::Engine
