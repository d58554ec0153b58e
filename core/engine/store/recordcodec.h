#pragma once

#include <api/decision.h>
#include <api/task.h>

#include <optional>

namespace QwenSwarm::Engine {

/// Compact binary forms of records a store keeps whole: a few hundred bytes where the value types
/// take kilobytes. decode(encode(x)) == x. Decoding answers nothing for bytes that are not a record
/// of this version.
class RecordCodec
{
public:
    static QByteArray encode(const Api::TaskSpec &spec);
    static std::optional<Api::TaskSpec> decodeTaskSpec(const QByteArray &bytes);

    /// Everything but the explanation, which is derived from the trail when read.
    static QByteArray encode(const Api::Decision &decision);
    static std::optional<Api::Decision> decodeDecision(const QByteArray &bytes);

    /// A task's outcome: its result or its error (either may be absent).
    static QByteArray encodeOutcome(const std::optional<Api::TaskResult> &result,
                                    const std::optional<Api::Error> &error);
    static bool decodeOutcome(const QByteArray &bytes, std::optional<Api::TaskResult> &result,
                              std::optional<Api::Error> &error);
};

} // namespace QwenSwarm::Engine
