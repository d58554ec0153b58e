#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <type_traits>

namespace QwenSwarm::Api {

/// Specialised for every api enum whose values run 0..N-1: `static constexpr std::array<QStringView, N> names`.
/// The names are the stable wire spelling of the values.
template<typename E>
struct EnumNames;

/// The wire name of an enum value.
template<typename E>
QStringView enumName(E value)
{
    const auto index = static_cast<std::size_t>(value);
    const auto &names = EnumNames<E>::names;
    return index < names.size() ? names[index] : QStringView(u"?");
}

/// The value named `name`, or std::nullopt.
template<typename E>
std::optional<E> enumFromName(QStringView name)
{
    const auto &names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

/// All names of E, in value order, for error messages and pickers.
template<typename E>
QString enumNameList()
{
    QString list;
    for (QStringView n : EnumNames<E>::names)
        list += (list.isEmpty() ? QString() : QStringLiteral(", ")) + n.toString();
    return list;
}

} // namespace QwenSwarm::Api
