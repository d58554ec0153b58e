#pragma once

#include <api/decision.h>
#include <api/task.h>

namespace QwenSwarm::Engine {

/// Turns a raw model answer into the form votes are compared in:
/// 1. extraction: the text after the last "Answer:" / "Final answer:" line, or the "answer" member of
///    a JSON object, else the whole text;
/// 2. whitespace trimmed and collapsed, a trailing full stop dropped;
/// 3. empty or "abstain" is an abstention;
/// 4. by format: Choice matches a choice case-insensitively (its canonical spelling, else malformed);
///    Number parses "1,000", "1 000", "1000.0" and "1e3" alike (canonical "1000", else malformed);
///    Ranking lists choices best first ("B > A > C", "B, A, C"), each at most once, canonical "B>A>C"
///    (else malformed); FreeText is case-folded.
class AnswerNormalizer
{
public:
    struct Normalized
    {
        Api::VoteStatus status = Api::VoteStatus::Valid;
        QString answer;
    };

    static Normalized normalize(const QString &raw, Api::AnswerFormat format, const QStringList &choices);
    /// Step 1 alone.
    static QString extract(const QString &raw);
};

} // namespace QwenSwarm::Engine
