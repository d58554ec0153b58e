#include "agents/agentregistry.h"
#include "learning/agentrouter.h"
#include "learning/reputationbook.h"
#include "providers/splitmix.h"
#include "store/memorystore.h"
#include "store/storewriter.h"

#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::AgentId;

class TestAgentRouter : public QObject
{
    Q_OBJECT

private:
    MemoryStore m_store;
    StoreWriter m_writer {m_store};
    AgentRuntime m_agents[3];

    void init()
    {
        for (int i = 0; i < 3; ++i)
            m_agents[i].agent.id = AgentId(quint64(i + 1));
    }

    // Gives an agent a confident reputation of `p` (1000 observations).
    static void teach(ReputationBook &book, quint64 agent, double p)
    {
        Api::LearningState state = book.exportState();
        state.reputations.append(Api::Reputation {AgentId(agent), {}, 1 + 1000 * p, 1 + 1000 * (1 - p), 1000, 0});
        book.importState(state, 0);
    }

    std::vector<AgentRouter::Candidate> candidates(double cost1, double cost2, double cost3)
    {
        return {{&m_agents[0], cost1, 100}, {&m_agents[1], cost2, 100}, {&m_agents[2], cost3, 100}};
    }

private Q_SLOTS:
    void exploitsTheAgentKnownToBeBest()
    {
        init();
        ReputationBook book(m_writer);
        teach(book, 1, 0.6);
        teach(book, 2, 0.95);
        teach(book, 3, 0.7);
        SplitMix64 rng(1);
        for (int i = 0; i < 100; ++i) {
            const auto chosen = AgentRouter::choose(candidates(0, 0, 0), book, {}, 1, 0, 0, rng);
            QCOMPARE(chosen.size(), std::size_t(1));
            QCOMPARE(chosen.front()->agent.id, AgentId(2));
        }
    }

    void exploresWhatItDoesNotKnow()
    {
        init();
        ReputationBook book(m_writer);
        teach(book, 1, 0.7); // agent 2 and 3: nothing known, Beta(1, 1)
        SplitMix64 rng(2);
        int unknownChosen = 0;
        for (int i = 0; i < 300; ++i) {
            const auto chosen = AgentRouter::choose(candidates(0, 0, 0), book, {}, 1, 0, 0, rng);
            unknownChosen += chosen.front()->agent.id != AgentId(1) ? 1 : 0;
        }
        // An unknown agent draws above 0.7 with probability 0.3 each: about 51% for either of two.
        QVERIFY2(unknownChosen > 90 && unknownChosen < 220, qPrintable(QString::number(unknownChosen)));
    }

    void staysWithinTheBudget()
    {
        init();
        ReputationBook book(m_writer);
        teach(book, 1, 0.6); // cheap
        teach(book, 2, 0.95); // dear
        teach(book, 3, 0.9); // dear too
        SplitMix64 rng(3);
        for (int i = 0; i < 50; ++i) {
            const auto chosen = AgentRouter::choose(candidates(0.001, 0.01, 0.01), book, {}, 0, 0.005, 0, rng);
            QCOMPARE(chosen.size(), std::size_t(1));
            QCOMPARE(chosen.front()->agent.id, AgentId(1));
        }
        // With room for everybody, everybody; best draws first.
        const auto all = AgentRouter::choose(candidates(0.001, 0.01, 0.01), book, {}, 0, 1.0, 0, rng);
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all.front()->agent.id, AgentId(2));
    }

    void cheapestWhenNothingFits()
    {
        init();
        ReputationBook book(m_writer);
        SplitMix64 rng(4);
        const auto chosen = AgentRouter::choose(candidates(0.5, 0.2, 0.9), book, {}, 2, 0.01, 0, rng);
        QCOMPARE(chosen.size(), std::size_t(1));
        QCOMPARE(chosen.front()->agent.id, AgentId(2));
    }

    void skipsAgentsTooSlowForTheTimeLeft()
    {
        init();
        ReputationBook book(m_writer);
        teach(book, 2, 0.99);
        std::vector<AgentRouter::Candidate> c {{&m_agents[0], 0, 50}, {&m_agents[1], 0, 5000}, {&m_agents[2], 0, 80}};
        SplitMix64 rng(5);
        for (int i = 0; i < 30; ++i) {
            const auto chosen = AgentRouter::choose(c, book, {}, 1, 0, 1000, rng);
            QVERIFY(chosen.front()->agent.id != AgentId(2));
        }
    }

    void sameSeedSameChoice()
    {
        init();
        ReputationBook book(m_writer);
        SplitMix64 a(42);
        SplitMix64 b(42);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(AgentRouter::choose(candidates(0, 0, 0), book, {}, 2, 0, 0, a),
                     AgentRouter::choose(candidates(0, 0, 0), book, {}, 2, 0, 0, b));
        }
    }
};

QTEST_GUILESS_MAIN(TestAgentRouter)
#include "tst_agentrouter.moc"
