#pragma once

#include <QHashFunctions>
#include <QString>

#include <compare>
#include <functional>

namespace QwenSwarm::Api {

/// A typed 64-bit identifier. Ids are assigned by the backend, are never reused, and 0 means "none".
/// Distinct tags make an AgentId and a TaskId different types, so they cannot be mixed up.
template<typename Tag>
struct Id
{
    quint64 value = 0;

    constexpr Id() = default;
    constexpr explicit Id(quint64 v)
        : value(v)
    { }

    constexpr bool isValid() const { return value != 0; }
    constexpr auto operator<=>(const Id &) const = default;

    QString toString() const { return QString::number(value); }
};

template<typename Tag>
size_t qHash(Id<Tag> id, size_t seed = 0) noexcept
{
    return QT_PREPEND_NAMESPACE(qHash)(id.value, seed);
}

using SwarmId = Id<struct SwarmTag>;
using AgentId = Id<struct AgentTag>;
using TaskId = Id<struct TaskTag>;
using DecisionId = Id<struct DecisionTag>;
using SubscriptionId = Id<struct SubscriptionTag>;

} // namespace QwenSwarm::Api

template<typename Tag>
struct std::hash<QwenSwarm::Api::Id<Tag>>
{
    size_t operator()(QwenSwarm::Api::Id<Tag> id) const noexcept { return std::hash<quint64> {}(id.value); }
};
