#pragma once

#include <api/error.h>

#include <QJsonObject>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace QwenSwarm::Engine {

/// Reads a strategy's parameters with the errors every strategy gives ("parameters.<key>: ..."),
/// and rejects keys nobody asked for once finish() is called.
class ParameterReader
{
public:
    explicit ParameterReader(const QJsonObject &parameters)
        : m_parameters(parameters)
    { }

    /// An integer in [min, max], or `fallback` when absent.
    int integer(const QString &key, int min, int max, int fallback);
    /// A number in [min, max] (open at the bottom when `openMin`), or `fallback` when absent.
    double number(const QString &key, double min, double max, double fallback, bool openMin = false);
    bool boolean(const QString &key, bool fallback);
    /// One of `allowed`, or `fallback` when absent.
    QString choice(const QString &key, const QStringList &allowed, const QString &fallback);

    /// The first problem, including unknown keys; nothing when all is well.
    std::optional<Api::Error> finish();

private:
    void fail(const QString &key, const QString &problem);

    QJsonObject m_parameters;
    QVarLengthArray<QString, 8> m_known; // no heap on the decision path
    std::optional<Api::Error> m_error;
};

} // namespace QwenSwarm::Engine
