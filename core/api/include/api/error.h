#pragma once

#include "api/enumnames.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace QwenSwarm::Api {

/// The kind of failure a Backend call or an engine operation reports. Stable: the names are part of
/// the wire protocol (see errorCodeName()).
enum class ErrorCode
{
    InvalidArgument, ///< The request is malformed or a value is out of range; nothing changed.
    NotFound, ///< An id names nothing that exists.
    AlreadyExists, ///< A unique name is taken.
    InvalidState, ///< The object exists but its state forbids the operation (e.g. resume a stopped agent).
    ResourceExhausted, ///< A limit (queue capacity, budget, rate) refuses the request.
    Cancelled, ///< The operation was cancelled by an operator or by shutdown.
    DeadlineExceeded, ///< A deadline passed before the work completed.
    NoConsensus, ///< The consensus strategy could not decide (tie, too few votes, threshold not reached).
    ProviderError, ///< A model provider failed; details carry "retriable" and the provider's message.
    Unauthenticated, ///< No or invalid credentials.
    PermissionDenied, ///< Credentials valid, role insufficient.
    Unavailable, ///< The backend cannot serve now (disconnected, shutting down); retry later.
    Unimplemented, ///< The backend does not support this call.
    Internal, ///< A bug or an unexpected failure; details may carry more.
};

template<>
struct EnumNames<ErrorCode>
{
    static constexpr std::array<QStringView, 14> names {
        u"invalid_argument",  u"not_found",         u"already_exists", u"invalid_state",  u"resource_exhausted",
        u"cancelled",         u"deadline_exceeded", u"no_consensus",   u"provider_error", u"unauthenticated",
        u"permission_denied", u"unavailable",       u"unimplemented",  u"internal"};
};

/// A typed error: a code, a message for people, and machine-readable details.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    bool operator==(const Error &) const = default;
};

inline Error makeError(ErrorCode code, QString message, QJsonObject details = {})
{
    return Error {code, std::move(message), std::move(details)};
}

/// A value or an Error. Every asynchronous Backend call answers one.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error) requires(!std::is_same_v<T, Error>)
        : m_value(std::in_place_index<1>, std::move(error))
    { }

    /// A failed result; the only way to make one when T is Error itself.
    static Result failure(Error error)
    {
        Result result(std::move(error), 0);
        return result;
    }

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    /// The value; only valid when ok().
    const T &value() const & { return std::get<0>(m_value); }
    T &value() & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }

    /// The error; only valid when !ok().
    const Error &error() const { return std::get<1>(m_value); }

private:
    Result(Error error, int)
        : m_value(std::in_place_index<1>, std::move(error))
    { }

    std::variant<T, Error> m_value;
};

/// Result of a call that answers no value.
template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace QwenSwarm::Api
