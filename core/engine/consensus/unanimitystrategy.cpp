#include "consensus/unanimitystrategy.h"

#include "consensus/parameterreader.h"
#include "consensus/trailtext.h"
#include "consensus/verdicts.h"
#include "consensus/votetally.h"

namespace QwenSwarm::Engine {

using Api::DecisionOutcome;

namespace {

struct Parameters
{
    int minVotes = 1;
    bool allowAbstentions = true;
};

Api::Result<Parameters> parse(const QJsonObject &json)
{
    ParameterReader reader(json);
    Parameters p;
    p.minVotes = reader.integer(QStringLiteral("min_votes"), 1, 10000, p.minVotes);
    p.allowAbstentions = reader.boolean(QStringLiteral("allow_abstentions"), p.allowAbstentions);
    if (auto error = reader.finish())
        return *error;
    return p;
}

Parameters parametersOf(const QJsonObject &json)
{
    const auto parsed = parse(json);
    return parsed ? parsed.value() : Parameters {};
}

/// Why a round is not unanimous, by the checks decide() makes in its order; empty when it is.
QString reasonOf(const Parameters &p, const VoteTally &tally)
{
    if (tally.validVotes() == 0 || tally.validVotes() < p.minVotes)
        return QStringLiteral("too_few_votes");
    if (!p.allowAbstentions && tally.uncountedVotes() > 0)
        return QStringLiteral("not_unanimous");
    if (tally.entries().size() > 1)
        return QStringLiteral("not_unanimous");
    return QString();
}

QString whyNot(const Parameters &p, const VoteTally &tally, const QString &reason)
{
    if (reason == QLatin1StringView("too_few_votes"))
        return QStringLiteral("too few valid votes (%1, %2 needed)").arg(tally.validVotes()).arg(p.minVotes);
    if (reason.isEmpty())
        return QStringLiteral("the attempt was stopped (cancelled or timed out) before it could decide");
    QStringList why;
    if (tally.entries().size() > 1)
        why << QStringLiteral("the valid votes name %1 different answers").arg(tally.entries().size());
    if (!p.allowAbstentions && tally.uncountedVotes() > 0) {
        why << QStringLiteral("%1 not counted, which blocks a decision because allow_abstentions is false")
                   .arg(TrailText::votes(tally.uncountedVotes()));
    }
    return why.join(QStringLiteral(", and "));
}

} // namespace

Api::Result<void> UnanimityStrategy::validateParameters(const QJsonObject &parameters) const
{
    const auto parsed = parse(parameters);
    if (!parsed)
        return parsed.error();
    return {};
}

Verdict UnanimityStrategy::decide(const QJsonObject &parameters, const QList<Api::Round> &rounds) const
{
    if (rounds.isEmpty())
        return Verdicts::noDecision(QStringLiteral("no_votes"));
    const VoteTally tally(rounds.constLast());
    const QString reason = reasonOf(parametersOf(parameters), tally);
    if (!reason.isEmpty())
        return Verdicts::noDecision(reason);
    return Verdicts::decided(rounds.constLast(), tally.entries().front().answer, 1.0);
}

QString UnanimityStrategy::explain(const Api::Decision &decision) const
{
    if (decision.rounds.isEmpty())
        return QStringLiteral("Unanimity could not decide: no votes were cast.");
    const Parameters p = parametersOf(decision.strategy.parameters);
    const Api::Round &round = decision.rounds.constLast();
    const VoteTally tally(round);
    const QString votes = QString(TrailText::answers(tally) + TrailText::uncounted(round));
    if (decision.outcome == DecisionOutcome::NoDecision) {
        return QStringLiteral("Unanimity could not decide%1: %2. Votes: %3.")
            .arg(TrailText::roundNote(decision.rounds), whyNot(p, tally, reasonOf(p, tally)), votes);
    }
    const QString abstentions = tally.uncountedVotes() > 0
        ? QStringLiteral(" Uncounted votes do not block, as allow_abstentions is true.")
        : QString();
    return QStringLiteral("Unanimity chose '%1'%2: all valid votes agree (%3). Votes: %4.%5")
        .arg(decision.answer, TrailText::roundNote(decision.rounds), TrailText::votes(tally.validVotes()), votes,
             abstentions);
}

} // namespace QwenSwarm::Engine
