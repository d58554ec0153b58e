#include "consensus/consensuswhy.h"

#include "consensus/voteanalysis.h"

#include <api/enumnames.h>

#include <QCoreApplication>
#include <QLocale>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

QString percent(double ratio)
{
    return QStringLiteral("%1%").arg(QString::number(ratio * 100, 'f', 0));
}

QString amount(const VoteAnalysis::AnswerTally &a, bool weighted)
{
    if (weighted)
        return QCoreApplication::translate("ConsensusWhy", "%1 vote(s), weight %2")
            .arg(a.votes)
            .arg(QString::number(a.weight, 'g', 3));
    return QCoreApplication::translate("ConsensusWhy", "%1 vote(s)").arg(a.votes);
}

} // namespace

QString ConsensusWhy::names(const QList<AgentId> &ids, const NameOf &name)
{
    QStringList list;
    for (AgentId id : ids)
        list << name(id);
    return QLocale().createSeparatedList(list);
}

QString ConsensusWhy::roundLine(const Decision &decision, int round, const NameOf &name)
{
    const bool weighted = VoteAnalysis::isWeighted(decision);
    const VoteAnalysis::RoundTally t = VoteAnalysis::tally(decision.rounds.at(round), weighted);
    QStringList parts;
    for (qsizetype i = 0; i < t.answers.size(); ++i) {
        parts << QCoreApplication::translate("ConsensusWhy", "'%1' from %2 (%3, %4)")
                     .arg(t.answers[i].answer, names(t.answers[i].agents, name), amount(t.answers[i], weighted),
                          percent(t.shareOf(i)));
    }
    QString line = QCoreApplication::translate("ConsensusWhy", "Round %1: ").arg(round + 1)
        + (parts.isEmpty() ? QCoreApplication::translate("ConsensusWhy", "no valid vote")
                           : parts.join(QStringLiteral("; ")))
        + QLatin1Char('.');
    if (!t.uncounted.isEmpty()) {
        QStringList skipped;
        for (const Vote *v : t.uncounted)
            skipped << QCoreApplication::translate("ConsensusWhy", "%1 (%2)")
                           .arg(name(v->agentId), enumName(v->status).toString().replace(u'_', u' '));
        line += QCoreApplication::translate("ConsensusWhy", " Not counted: %1.")
                    .arg(QLocale().createSeparatedList(skipped));
    }
    return line;
}

QString ConsensusWhy::byzantineReasoning(const Decision &decision, const NameOf &name, bool &decides, QString &answer)
{
    const VoteAnalysis::Byzantine b = VoteAnalysis::byzantine(decision);
    const VoteAnalysis::RoundTally t = VoteAnalysis::tally(decision.rounds.constLast(), false);
    QString text;
    if (!b.equivocators.isEmpty())
        text += QCoreApplication::translate("ConsensusWhy",
                                            "%1 gave differing answers (equivocated) and support nothing. ")
                    .arg(names(b.equivocators, name));
    const QString fText = b.fGiven
        ? QCoreApplication::translate("ConsensusWhy", "f = %1 as configured").arg(b.f)
        : QCoreApplication::translate("ConsensusWhy", "f = %1, the most faults %2 voters can tolerate")
              .arg(b.f)
              .arg(b.n);
    if (b.n < 3 * b.f + 1) {
        decides = false;
        return text
            + QCoreApplication::translate(
                  "ConsensusWhy",
                  "Only %1 agent(s) voted, fewer than the 3f+1 = %2 needed to tolerate %3, so the proposal was "
                  "rejected.")
                  .arg(b.n)
                  .arg(3 * b.f + 1)
                  .arg(fText);
    }
    QList<const VoteAnalysis::AnswerTally *> reaching;
    for (const auto &a : t.answers) {
        if (a.votes >= b.needed && !std::any_of(a.agents.cbegin(), a.agents.cend(), [&b](AgentId id) {
                return b.equivocators.contains(id);
            }))
            reaching.append(&a);
    }
    if (reaching.isEmpty()) {
        decides = false;
        const QString best = t.answers.isEmpty()
            ? QCoreApplication::translate("ConsensusWhy", "no answer had any valid vote")
            : QCoreApplication::translate("ConsensusWhy", "the best, '%1', had %2")
                  .arg(t.answers.constFirst().answer)
                  .arg(t.answers.constFirst().votes);
        return text
            + QCoreApplication::translate(
                  "ConsensusWhy",
                  "With %1, an answer needs 2f+1 = %2 matching valid votes; %3, so the proposal was rejected "
                  "(Byzantine rejection).")
                  .arg(fText)
                  .arg(b.needed)
                  .arg(best);
    }
    if (reaching.size() > 1 && reaching[0]->votes == reaching[1]->votes) {
        decides = false;
        return text
            + QCoreApplication::translate(
                  "ConsensusWhy",
                  "'%1' and '%2' both reached 2f+1 = %3 with %4 votes each: a tie, so nothing was decided.")
                  .arg(reaching[0]->answer, reaching[1]->answer)
                  .arg(b.needed)
                  .arg(reaching[0]->votes);
    }
    decides = true;
    answer = reaching[0]->answer;
    return text
        + QCoreApplication::translate(
              "ConsensusWhy",
              "With %1, '%2' has %3 matching valid votes, at least 2f+1 = %4: counted toward it were %5.")
              .arg(fText, answer)
              .arg(reaching[0]->votes)
              .arg(b.needed)
              .arg(names(reaching[0]->agents, name));
}

QString ConsensusWhy::reasoning(const Decision &decision, const NameOf &name, bool &decides, QString &answer)
{
    if (decision.strategy.name == QLatin1StringView("byzantine"))
        return byzantineReasoning(decision, name, decides, answer);
    if (decision.strategy.name == QLatin1StringView("borda") || decision.strategy.name == QLatin1StringView("medoid")) {
        // Scores over rankings or similarities are not a count of equal answers: quote the computation.
        decides = decision.outcome == DecisionOutcome::Decided;
        answer = decision.answer;
        return QCoreApplication::translate("ConsensusWhy",
                                           "The %1 strategy scores the answers rather than counting them: %2")
            .arg(decision.strategy.name, decision.explanation);
    }
    const bool weighted = VoteAnalysis::isWeighted(decision);
    const VoteAnalysis::RoundTally t = VoteAnalysis::tally(decision.rounds.constLast(), weighted);
    const int minVotes = VoteAnalysis::minVotes(decision);
    if (t.validVotes < minVotes) {
        decides = false;
        return QCoreApplication::translate(
                   "ConsensusWhy",
                   "Only %1 valid vote(s) were cast where %2 were required: the quorum was not met, so nothing was "
                   "decided.")
            .arg(t.validVotes)
            .arg(minVotes);
    }
    if (t.answers.isEmpty()) {
        decides = false;
        return QCoreApplication::translate("ConsensusWhy",
                                           "No vote was valid, so there was nothing to decide between.");
    }
    const auto &leader = t.answers.constFirst();
    const double share = t.shareOf(0);
    const double required = VoteAnalysis::requiredShare(decision);
    const bool strict = decision.strategy.name == QLatin1StringView("majority");
    if (required >= 0 && decision.strategy.name != QLatin1StringView("debate")) {
        decides = strict ? share > required : share >= required - 1e-9;
        answer = leader.answer;
        return decides ? QCoreApplication::translate("ConsensusWhy", "'%1' reached %2, meeting the %3 required.")
                             .arg(leader.answer, percent(share), VoteAnalysis::ruleText(decision))
                       : QCoreApplication::translate(
                             "ConsensusWhy",
                             "The leading answer '%1' reached only %2, short of the %3 required, so nothing was "
                             "decided.")
                             .arg(leader.answer, percent(share), VoteAnalysis::ruleText(decision));
    }
    QString prefix;
    if (decision.strategy.name == QLatin1StringView("debate")) {
        prefix = share >= required - 1e-9
            ? QCoreApplication::translate("ConsensusWhy",
                                          "Round %1 reached %2 agreement, at least the %3 that ends the debate. ")
                  .arg(decision.rounds.size())
                  .arg(percent(share), percent(required))
            : QCoreApplication::translate(
                  "ConsensusWhy",
                  "No round reached the %1 agreement that ends the debate early; the last round (%2) is decided "
                  "by its most weight. ")
                  .arg(percent(required))
                  .arg(decision.rounds.size());
    } else if (decision.strategy.name == QLatin1StringView("judge") && decision.rounds.size() > 1) {
        prefix = QCoreApplication::translate(
            "ConsensusWhy", "The proposers answered first; the last round is the judges' verdict on their proposals. ");
    }
    if (t.topTied()) {
        QStringList tied;
        for (const auto &a : t.answers) {
            if (qFuzzyCompare(a.weight, leader.weight))
                tied << QLatin1Char('\'') + a.answer + QLatin1Char('\'');
        }
        const QString rule = VoteAnalysis::tieBreak(decision);
        if (rule == QLatin1StringView("none")) {
            decides = false;
            return prefix
                + QCoreApplication::translate(
                      "ConsensusWhy",
                      "%1 tied with %2 each and the strategy breaks no ties (tie_break \"none\"), so nothing was "
                      "decided.")
                      .arg(QLocale().createSeparatedList(tied), amount(leader, weighted));
        }
        decides = true;
        answer = decision.answer;
        return prefix
            + QCoreApplication::translate("ConsensusWhy", "%1 tied with %2 each; the \"%3\" tie-break settled it.")
                  .arg(QLocale().createSeparatedList(tied), amount(leader, weighted), rule);
    }
    decides = true;
    answer = leader.answer;
    return prefix
        + QCoreApplication::translate("ConsensusWhy",
                                      "'%1' had the most %2 (%3 of the valid total), which is what %4 asks for.")
              .arg(leader.answer,
                   weighted ? QCoreApplication::translate("ConsensusWhy", "weight")
                            : QCoreApplication::translate("ConsensusWhy", "votes"),
                   percent(share), VoteAnalysis::ruleText(decision));
}

QString ConsensusWhy::explain(const Decision &decision, const NameOf &name)
{
    if (decision.rounds.isEmpty())
        return QCoreApplication::translate("ConsensusWhy",
                                           "No votes were cast, so the %1 strategy had nothing to decide.")
            .arg(decision.strategy.name);
    QStringList lines;
    lines << QCoreApplication::translate("ConsensusWhy", "Strategy %1: the winner needs %2.")
                 .arg(decision.strategy.name, VoteAnalysis::ruleText(decision));
    for (int r = 0; r < decision.rounds.size(); ++r)
        lines << roundLine(decision, r, name);
    bool decides = false;
    QString answer;
    lines << reasoning(decision, name, decides, answer);
    if (decision.outcome == DecisionOutcome::Decided) {
        QString outcome = QCoreApplication::translate("ConsensusWhy", "Outcome: '%1' with %2 agreement.")
                              .arg(decision.answer, percent(decision.agreement));
        if (!decision.dissenters.isEmpty())
            outcome += QCoreApplication::translate("ConsensusWhy", " Dissenting: %1.")
                           .arg(names(decision.dissenters, name));
        lines << outcome;
    } else {
        lines << QCoreApplication::translate("ConsensusWhy", "Outcome: no decision.");
    }
    const bool recordedDecides = decision.outcome == DecisionOutcome::Decided;
    if (recordedDecides != decides || (decides && !answer.isEmpty() && answer != decision.answer))
        lines << QCoreApplication::translate(
                     "ConsensusWhy",
                     "The votes read differently from the recorded outcome; the strategy's own account: %1")
                     .arg(decision.explanation);
    return lines.join(QLatin1Char('\n'));
}

} // namespace QwenSwarm::Ui
