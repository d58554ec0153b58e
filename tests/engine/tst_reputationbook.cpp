#include "learning/reputationbook.h"
#include "store/memorystore.h"
#include "store/storewriter.h"

#include <QTest>

#include <cmath>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace Qt::Literals::StringLiterals;
using Api::AgentId;
using Api::VoteStatus;

class TestReputationBook : public QObject
{
    Q_OBJECT

private:
    MemoryStore m_store;
    StoreWriter m_writer {m_store};

    static Api::Vote vote(quint64 agent, const QString &answer, VoteStatus status = VoteStatus::Valid)
    {
        Api::Vote v;
        v.agentId = AgentId(agent);
        v.status = status;
        v.rawAnswer = v.normalizedAnswer = answer;
        return v;
    }

    // Agents 1 and 2 say A, 3 says B, 4 abstains; decided A unless told otherwise.
    static Api::Decision decision(quint64 id = 1, Api::DecisionOutcome outcome = Api::DecisionOutcome::Decided)
    {
        Api::Decision d;
        d.id = Api::DecisionId(id);
        d.outcome = outcome;
        d.answer = outcome == Api::DecisionOutcome::Decided ? u"A"_s : QString();
        d.rounds
            = {Api::Round {0, {vote(1, u"A"_s), vote(2, u"A"_s), vote(3, u"B"_s), vote(4, {}, VoteStatus::Abstained)}}};
        return d;
    }

    static void expect(const ReputationBook &book, quint64 agent, double alpha, double beta, const QString &tag = {})
    {
        const Api::Reputation r = book.reputation(AgentId(agent), tag);
        QCOMPARE(r.alpha, alpha);
        QCOMPARE(r.beta, beta);
    }

    QList<Api::ReputationPoint> points(quint64 agent)
    {
        m_writer.flush();
        QList<Api::ReputationPoint> out;
        Api::ReputationQuery query;
        query.agentId = AgentId(agent);
        query.page.limit = 1000;
        m_store.reputationHistory(query,
                                  [&out](Api::Result<Api::Page<Api::ReputationPoint>> page) { out = page->items; });
        return out;
    }

private Q_SLOTS:
    void startsWithNoIdea()
    {
        ReputationBook book(m_writer);
        const Api::Reputation r = book.reputation(AgentId(9));
        QCOMPARE(r.mean(), 0.5);
        QCOMPARE(r.updates, quint64(0));
        QCOMPARE(book.probability(AgentId(9), {u"math"_s}), 0.5);
    }

    void agreementWithTheOutcome()
    {
        ReputationBook book(m_writer);
        book.learnFromDecision(decision(), {u"math"_s}, {}, 1000);
        expect(book, 1, 2, 1);
        expect(book, 3, 1, 2);
        expect(book, 4, 1, 1); // an abstention teaches nothing
        expect(book, 1, 2, 1, u"math"_s); // the tag learns too
        expect(book, 3, 1, 2, u"math"_s);
    }

    void noOutcomeTeachesNothingWithoutReference()
    {
        ReputationBook book(m_writer);
        book.learnFromDecision(decision(1, Api::DecisionOutcome::NoDecision), {}, {}, 1000);
        QVERIFY(book.list().isEmpty());
    }

    void referenceAnswerIsTheTruth()
    {
        ReputationBook book(m_writer);
        // The swarm decided A, but the task says B: the lone dissenter was right.
        book.learnFromDecision(decision(), {}, u"B"_s, 1000);
        expect(book, 1, 1, 2);
        expect(book, 3, 2, 1);
        book.learnFromDecision(decision(2, Api::DecisionOutcome::NoDecision), {}, u"B"_s, 2000);
        expect(book, 3, 3, 1);
    }

    void feedbackOutweighsAndReversesAgreement()
    {
        ReputationBook book(m_writer);
        const Api::Decision d = decision();
        book.learnFromDecision(d, {}, {}, 1000);
        Api::DecisionFeedback wrong {false, u"B"_s, {}, u"op"_s, 2000};
        book.learnFromFeedback(d, {}, {}, wrong, std::nullopt, 2000);
        // The +1 of agreement is taken back, then the verdict weighs 3.
        expect(book, 1, 1, 1 + ReputationBook::feedbackWeight);
        expect(book, 3, 1 + ReputationBook::feedbackWeight, 1);
        QVERIFY(book.reputation(AgentId(3)).mean() > book.reputation(AgentId(1)).mean());
    }

    void secondVerdictReplacesTheFirst()
    {
        ReputationBook once(m_writer);
        ReputationBook twice(m_writer);
        const Api::Decision d = decision();
        const Api::DecisionFeedback right {true, {}, {}, u"op"_s, 2000};
        const Api::DecisionFeedback wrong {false, u"B"_s, {}, u"op"_s, 3000};
        for (ReputationBook *book : {&once, &twice})
            book->learnFromDecision(d, {u"t"_s}, {}, 1000);
        once.learnFromFeedback(d, {u"t"_s}, {}, wrong, std::nullopt, 3000);
        twice.learnFromFeedback(d, {u"t"_s}, {}, right, std::nullopt, 2000);
        twice.learnFromFeedback(d, {u"t"_s}, {}, wrong, right, 3000);
        for (quint64 agent : {1, 2, 3}) {
            for (const QString &tag : {QString(), u"t"_s}) {
                QCOMPARE(twice.reputation(AgentId(agent), tag).alpha, once.reputation(AgentId(agent), tag).alpha);
                QCOMPARE(twice.reputation(AgentId(agent), tag).beta, once.reputation(AgentId(agent), tag).beta);
            }
        }
    }

    void tagReputationOnceConfident()
    {
        ReputationBook book(m_writer);
        // Agent 1 is right on untagged tasks, wrong on every "law" task (which count overall too).
        for (quint64 i = 1; i <= 3 * ReputationBook::tagConfidence; ++i)
            book.learnFromDecision(decision(i), {}, {}, qint64(i));
        for (quint64 i = 1; i <= ReputationBook::tagConfidence; ++i)
            book.learnFromDecision(decision(100 + i), {u"law"_s}, u"B"_s, qint64(i));
        QVERIFY(book.probability(AgentId(1), {}) > 0.5);
        QVERIFY(book.probability(AgentId(1), {u"law"_s}) < 0.5);
        QCOMPARE(book.probability(AgentId(1), {u"cooking"_s}), book.probability(AgentId(1), {}));
    }

    void logOddsWeights()
    {
        QCOMPARE(ReputationBook::logOddsWeight(0.5), 0.0);
        QVERIFY(std::abs(ReputationBook::logOddsWeight(0.9) - std::log(9.0)) < 1e-12);
        QCOMPARE(ReputationBook::logOddsWeight(1.0), ReputationBook::logOddsWeight(0.99));
        QCOMPARE(ReputationBook::logOddsWeight(0.0), -ReputationBook::logOddsWeight(0.99));
    }

    void historyKeepsTheMovesThatMatter()
    {
        MemoryStore store;
        StoreWriter writer(store);
        ReputationBook book(writer);
        // 200 agreeing decisions a millisecond apart: the mean creeps towards 1 in small steps.
        for (quint64 i = 1; i <= 200; ++i)
            book.learnFromDecision(decision(i), {}, {}, qint64(i));
        Api::DecisionFeedback wrong {false, {}, {}, u"op"_s, 500};
        book.learnFromFeedback(decision(200), {}, {}, wrong, std::nullopt, 500);
        writer.flush();
        QList<Api::ReputationPoint> history;
        Api::ReputationQuery query;
        query.agentId = AgentId(1);
        query.page.limit = 1000;
        store.reputationHistory(query,
                                [&history](Api::Result<Api::Page<Api::ReputationPoint>> p) { history = p->items; });
        QVERIFY2(history.size() > 3 && history.size() < 60, qPrintable(QString::number(history.size())));
        QCOMPARE(history.constFirst().cause, Api::ReputationCause::Feedback); // newest first; feedback always kept
        for (qsizetype i = 1; i < history.size(); ++i)
            QVERIFY(history[i - 1].timeMs >= history[i].timeMs);
    }

    void flushWritesCurrentValues()
    {
        MemoryStore store;
        StoreWriter writer(store);
        ReputationBook book(writer);
        for (quint64 i = 1; i <= 150; ++i)
            book.learnFromDecision(decision(i), {}, {}, qint64(i));
        book.flush();
        writer.flush();
        QList<Api::Reputation> stored;
        store.load([&stored](Api::Result<StoreSnapshot> s) { stored = s->reputations; });
        const auto one = std::find_if(stored.cbegin(), stored.cend(),
                                      [](const Api::Reputation &r) { return r.agentId == AgentId(1); });
        QVERIFY(one != stored.cend());
        QCOMPARE(one->alpha, 151.0);
        ReputationBook restored(writer);
        restored.restore(stored);
        QCOMPARE(restored.reputation(AgentId(1)).alpha, 151.0);
        QCOMPARE(restored.reputation(AgentId(3)).beta, 151.0);
    }

    void exportImportRoundTrip()
    {
        ReputationBook book(m_writer);
        book.learnFromDecision(decision(), {u"x"_s}, {}, 1000);
        const Api::LearningState state = book.exportState();
        QCOMPARE(state.version, 1);
        QCOMPARE(state.reputations.size(), 6); // agents 1..3, overall and "x"
        ReputationBook other(m_writer);
        other.importState(state, 5000);
        for (const Api::Reputation &r : state.reputations) {
            QCOMPARE(other.reputation(r.agentId, r.tag).alpha, r.alpha);
            QCOMPARE(other.reputation(r.agentId, r.tag).beta, r.beta);
        }
        const auto history = points(1);
        QVERIFY(std::any_of(history.cbegin(), history.cend(),
                            [](const Api::ReputationPoint &p) { return p.cause == Api::ReputationCause::Import; }));
    }
};

QTEST_GUILESS_MAIN(TestReputationBook)
#include "tst_reputationbook.moc"
