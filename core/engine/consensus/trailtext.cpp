#include "consensus/trailtext.h"

#include <QMap>

namespace QwenSwarm::Engine {

QString TrailText::percent(double fraction)
{
    return QString(QString::number(fraction * 100, 'f', 1) + QLatin1Char('%'));
}

QString TrailText::number(double value)
{
    return QString::number(value, 'g', 4);
}

QString TrailText::votes(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 vote") : QStringLiteral("%1 votes").arg(count);
}

QString TrailText::answers(const VoteTally &tally)
{
    if (tally.entries().isEmpty())
        return QStringLiteral("no valid votes");
    QStringList parts;
    for (const VoteTally::Entry &e : tally.entries()) {
        QString part = QStringLiteral("'%1' %2").arg(e.answer, votes(e.votes));
        if (std::abs(e.weight - e.votes) > 1e-9)
            part += QStringLiteral(" (weight %1)").arg(number(e.weight));
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

QString TrailText::uncounted(const Api::Round &round)
{
    QMap<int, int> byStatus; // ordered by status, so the text is stable
    int total = 0;
    for (const Api::Vote &vote : round.votes) {
        if (vote.status != Api::VoteStatus::Valid) {
            ++byStatus[static_cast<int>(vote.status)];
            ++total;
        }
    }
    if (total == 0)
        return {};
    QStringList parts;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        const QString status = Api::enumName(static_cast<Api::VoteStatus>(it.key())).toString();
        parts
            << QStringLiteral("%1 %2").arg(it.value()).arg(QString(status).replace(QLatin1Char('_'), QLatin1Char(' ')));
    }
    return QStringLiteral("; %1 not counted (%2)").arg(votes(total), parts.join(QStringLiteral(", ")));
}

QString TrailText::agents(const QList<Api::AgentId> &agents)
{
    if (agents.isEmpty())
        return QStringLiteral("no agent");
    QStringList ids;
    for (Api::AgentId id : agents)
        ids << QString::number(id.value);
    if (ids.size() == 1)
        return QString(QStringLiteral("agent ") + ids.constFirst());
    const QString last = ids.takeLast();
    return QStringLiteral("agents %1 and %2").arg(ids.join(QStringLiteral(", ")), last);
}

QString TrailText::roundNote(const QList<Api::Round> &rounds)
{
    if (rounds.size() <= 1)
        return {};
    return QStringLiteral(" (round %1)").arg(rounds.size());
}

} // namespace QwenSwarm::Engine
