// The consensus view on a real in-process core: the decision detail shows exactly the stored
// trail's votes for each strategy; the "why" is worked out from the votes for a tie, a failed quorum
// and a Byzantine rejection; feedback moves the reputations shown; the list filters, pages and
// compares.
#include "common/swarmdirectory.h"
#include "consensus/consensuspage.h"
#include "consensus/decisiondetailwidget.h"
#include "consensus/decisionlistmodel.h"
#include "consensus/reputationchartwidget.h"
#include "reports/reportexportdialog.h"

#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Ui::DecisionDetailWidget;

namespace {

/// A swarm whose agents answer right (accuracy 1) or wrong (accuracy 0), in that order.
Api::SwarmSpec mixedSwarm(const QString &name, int right, int wrong, int judges = 0)
{
    Api::SwarmSpec spec;
    spec.name = name;
    for (int i = 0; i < right; ++i)
        spec.agents.append(agentSpec(u"%1-right-%2"_s.arg(name).arg(i), Api::AgentRole::Worker, 1.0, 3));
    for (int i = 0; i < wrong; ++i)
        spec.agents.append(agentSpec(u"%1-wrong-%2"_s.arg(name).arg(i), Api::AgentRole::Worker, 0.0, 3));
    for (int i = 0; i < judges; ++i)
        spec.agents.append(agentSpec(u"%1-judge-%2"_s.arg(name).arg(i), Api::AgentRole::Judge, 1.0, 3));
    return spec;
}

/// Runs one task with `strategy` on a new swarm and answers its stored decision.
std::optional<Api::Decision> decide(Api::Backend &backend, const Api::SwarmSpec &swarmSpec,
                                    const Api::StrategySpec &strategy)
{
    const auto swarm = createSwarm(backend, swarmSpec);
    if (!swarm)
        return std::nullopt;
    Api::TaskSpec spec = sumTask(swarm->id, 20, 22);
    spec.strategy = strategy;
    const auto tasks = submit(backend, {spec});
    if (!tasks)
        return std::nullopt;
    const Api::TaskId id = tasks->constFirst().id;
    std::optional<Api::Decision> found;
    Testing::spinUntil([&] {
        Api::DecisionQuery query;
        query.taskId = id;
        const auto page = Testing::await<Api::Page<Api::Decision>>(
            [&](QObject *c, auto done) { backend.queryDecisions(query, c, done); });
        if (page && !page->items.isEmpty())
            found = page->items.constFirst();
        return found.has_value();
    });
    return found;
}

QString whyFor(Api::Backend &backend, const Api::Decision &decision)
{
    DecisionDetailWidget detail(backend);
    detail.showDecision(decision.id);
    Testing::spinUntil([&] { return detail.hasDecision() && !detail.whyText().contains(u'#'); }, 3000);
    return detail.whyText();
}

} // namespace

class TstConsensusView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detailShowsExactlyTheStoredVotes_data();
    void detailShowsExactlyTheStoredVotes();
    void whyExplainsATie();
    void whyExplainsAFailedQuorum();
    void whyExplainsAByzantineRejection();
    void feedbackChangesTheReputationShown();
    void listFiltersPagesAndCompares();

private:
    QTemporaryDir m_settings;
};

void TstConsensusView::initTestCase()
{
    isolateSettings(m_settings);
}

void TstConsensusView::detailShowsExactlyTheStoredVotes_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<int>("judges");
    QTest::newRow("plurality") << u"plurality"_s << QJsonObject {{u"tie_break"_s, u"first"_s}} << 0;
    QTest::newRow("majority") << u"majority"_s << QJsonObject {} << 0;
    QTest::newRow("threshold") << u"threshold"_s << QJsonObject {{u"threshold"_s, 0.6}, {u"quorum"_s, 3}} << 0;
    QTest::newRow("unanimity") << u"unanimity"_s << QJsonObject {} << 0;
    QTest::newRow("weighted") << u"weighted"_s << QJsonObject {} << 0;
    QTest::newRow("byzantine") << u"byzantine"_s << QJsonObject {} << 0;
    QTest::newRow("debate") << u"debate"_s << QJsonObject {{u"max_rounds"_s, 3}, {u"stop_agreement"_s, 1.0}} << 0;
    QTest::newRow("judge") << u"judge"_s << QJsonObject {{u"layers"_s, 1}} << 1;
}

void TstConsensusView::detailShowsExactlyTheStoredVotes()
{
    QFETCH(QString, strategy);
    QFETCH(QJsonObject, parameters);
    QFETCH(int, judges);
    auto backend = makeBackend();
    const auto decision
        = decide(*backend, mixedSwarm(strategy, 3, 2, judges), Api::StrategySpec {strategy, parameters});
    QVERIFY(decision);
    QVERIFY(!decision->rounds.isEmpty());

    DecisionDetailWidget detail(*backend);
    detail.showDecision(decision->id);
    QVERIFY(Testing::spinUntil([&] { return detail.decision() == *decision; }));
    QTableWidget *grid = detail.grid();
    QCOMPARE(grid->columnCount(), int(decision->rounds.size()));
    int cells = 0;
    for (int r = 0; r < grid->rowCount(); ++r) {
        for (int c = 0; c < grid->columnCount(); ++c)
            cells += grid->item(r, c) ? 1 : 0;
    }
    int votes = 0;
    for (const Api::Round &round : decision->rounds)
        votes += int(round.votes.size());
    QCOMPARE(cells, votes);
    auto rowOf = [grid](Api::AgentId id) {
        for (int r = 0; r < grid->rowCount(); ++r) {
            if (grid->verticalHeaderItem(r)->data(DecisionDetailWidget::AgentIdRole).toULongLong() == id.value)
                return r;
        }
        return -1;
    };
    for (int c = 0; c < decision->rounds.size(); ++c) {
        for (const Api::Vote &vote : decision->rounds[c].votes) {
            const int row = rowOf(vote.agentId);
            QVERIFY(row >= 0);
            const QTableWidgetItem *item = grid->item(row, c);
            QVERIFY(item);
            QCOMPARE(item->data(DecisionDetailWidget::NormalizedRole).toString(), vote.normalizedAnswer);
            QCOMPARE(item->data(DecisionDetailWidget::RawRole).toString(), vote.rawAnswer);
            QCOMPARE(item->data(DecisionDetailWidget::WeightRole).toDouble(), vote.weight);
            QCOMPARE(item->data(DecisionDetailWidget::ConfidenceRole).toDouble(), vote.confidence);
            QCOMPARE(item->data(DecisionDetailWidget::StatusRole).toInt(), int(vote.status));
            if (vote.status == Api::VoteStatus::Valid)
                QVERIFY(item->text().startsWith(vote.normalizedAnswer));
        }
    }
    // Dissenters are marked, and only they.
    for (int r = 0; r < grid->rowCount(); ++r) {
        const Api::AgentId id(grid->verticalHeaderItem(r)->data(DecisionDetailWidget::AgentIdRole).toULongLong());
        QCOMPARE(grid->verticalHeaderItem(r)->text().startsWith(u"⚠"_s), decision->dissenters.contains(id));
    }
    // Raw on demand.
    detail.setShowRaw(true);
    const Api::Vote &first = decision->rounds.constFirst().votes.constFirst();
    QVERIFY(grid->item(rowOf(first.agentId), 0)->text().startsWith(first.rawAnswer));
    if (strategy == u"judge"_s) {
        QVERIFY(detail.flowText().contains(u"Judge"_s));
        QVERIFY(detail.flowText().contains(u"Proposers"_s));
    }
    if (strategy == u"byzantine"_s && decision->outcome == Api::DecisionOutcome::Decided)
        QVERIFY(detail.summaryText().contains(u"2f+1 = 3"_s));
}

void TstConsensusView::whyExplainsATie()
{
    auto backend = makeBackend();
    const auto decision = decide(*backend, mixedSwarm(u"tie"_s, 1, 1),
                                 Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"none"_s}}});
    QVERIFY(decision);
    QCOMPARE(decision->outcome, Api::DecisionOutcome::NoDecision);
    const QString why = whyFor(*backend, *decision);
    QVERIFY2(why.contains(u"'42'"_s), qPrintable(why));
    QVERIFY2(why.contains(u"tied with 1 vote(s) each"_s), qPrintable(why));
    QVERIFY2(why.contains(u"tie_break \"none\""_s), qPrintable(why));
    QVERIFY2(why.contains(u"tie-right-0"_s) && why.contains(u"tie-wrong-0"_s), qPrintable(why));
    QVERIFY2(why.contains(u"Outcome: no decision."_s), qPrintable(why));
}

void TstConsensusView::whyExplainsAFailedQuorum()
{
    auto backend = makeBackend();
    const auto decision
        = decide(*backend, mixedSwarm(u"quorum"_s, 3, 0), Api::StrategySpec {u"threshold"_s, {{u"quorum"_s, 5}}});
    QVERIFY(decision);
    QCOMPARE(decision->outcome, Api::DecisionOutcome::NoDecision);
    const QString why = whyFor(*backend, *decision);
    QVERIFY2(why.contains(u"Only 3 valid vote(s) were cast where 5 were required"_s), qPrintable(why));
    QVERIFY2(why.contains(u"quorum was not met"_s), qPrintable(why));
    QVERIFY2(!why.contains(u"read differently"_s), qPrintable(why));
}

void TstConsensusView::whyExplainsAByzantineRejection()
{
    auto backend = makeBackend();
    const auto decision = decide(*backend, mixedSwarm(u"byz"_s, 2, 2), Api::StrategySpec {u"byzantine"_s, {}});
    QVERIFY(decision);
    QCOMPARE(decision->outcome, Api::DecisionOutcome::NoDecision);
    const QString why = whyFor(*backend, *decision);
    QVERIFY2(why.contains(u"f = 1, the most faults 4 voters can tolerate"_s), qPrintable(why));
    QVERIFY2(why.contains(u"2f+1 = 3 matching valid votes"_s), qPrintable(why));
    QVERIFY2(why.contains(u"Byzantine rejection"_s), qPrintable(why));
    QVERIFY2(why.contains(u"had 2"_s), qPrintable(why));
    QVERIFY2(!why.contains(u"read differently"_s), qPrintable(why));
}

void TstConsensusView::feedbackChangesTheReputationShown()
{
    auto backend = makeBackend();
    const auto decision = decide(*backend, mixedSwarm(u"learn"_s, 3, 0), Api::StrategySpec {u"plurality"_s, {}});
    QVERIFY(decision);
    QCOMPARE(decision->outcome, Api::DecisionOutcome::Decided);
    const Api::AgentId agentId = decision->rounds.constFirst().votes.constFirst().agentId;

    DecisionDetailWidget detail(*backend);
    QSignalSpy loaded(detail.reputationChart(), &Ui::ReputationChartWidget::loaded);
    detail.show();
    detail.showDecision(decision->id);
    QVERIFY(Testing::spinUntil([&] { return detail.reputationChart()->shownMean(agentId) > 0; }));
    const double before = detail.reputationChart()->shownMean(agentId);
    const int pointsBefore = detail.reputationChart()->pointCount(agentId);
    QVERIFY2(before > 0.5, "agreeing with a decision raised the reputation");

    loaded.clear();
    QTest::mouseClick(detail.wrongButton(), Qt::LeftButton);
    QVERIFY(Testing::spinUntil([&] { return detail.decision().feedback.has_value() && !loaded.isEmpty(); }));
    QVERIFY(Testing::spinUntil([&] { return detail.reputationChart()->pointCount(agentId) > pointsBefore; }));
    const double after = detail.reputationChart()->shownMean(agentId);
    QVERIFY2(after < before, qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
    const auto reputations = Testing::await<QList<Api::Reputation>>(
        [&](QObject *c, auto done) { backend->reputations(agentId, c, done); });
    QVERIFY(reputations);
    for (const Api::Reputation &r : *reputations) {
        if (r.tag.isEmpty())
            QCOMPARE(after, r.mean()); // what is shown is what the core believes
    }
    QVERIFY(!detail.decision().feedback->correct);
}

void TstConsensusView::listFiltersPagesAndCompares()
{
    auto backend = makeBackend();
    QVERIFY(decide(*backend, mixedSwarm(u"ok"_s, 3, 0), Api::StrategySpec {u"plurality"_s, {}}));
    QVERIFY(decide(*backend, mixedSwarm(u"tied"_s, 1, 1), Api::StrategySpec {u"plurality"_s, {}}));
    QVERIFY(decide(*backend, mixedSwarm(u"ok2"_s, 2, 0), Api::StrategySpec {u"majority"_s, {}}));
    Ui::SwarmDirectory swarms(*backend);
    Ui::ConsensusPage page(*backend, swarms);
    QAbstractItemModelTester tester(page.model());
    swarms.start();
    page.model()->setPageSize(2);
    page.start();
    QVERIFY(Testing::spinUntil([&] { return page.model()->rowCount() == 2; }));
    QVERIFY(page.model()->canLoadMore());
    page.model()->loadMore();
    QVERIFY(Testing::spinUntil([&] { return page.model()->rowCount() == 3; }));
    QVERIFY(!page.model()->canLoadMore());

    auto *outcome = page.findChild<QComboBox *>(u"decision_outcome_filter"_s);
    outcome->setCurrentIndex(outcome->findData(int(Api::DecisionOutcome::NoDecision)));
    page.applyFilters();
    QVERIFY(Testing::spinUntil([&] { return page.model()->rowCount() == 1; }));
    QCOMPARE(page.model()->decisionAt(0).outcome, Api::DecisionOutcome::NoDecision);

    outcome->setCurrentIndex(0);
    page.applyFilters();
    QVERIFY(Testing::spinUntil([&] { return page.model()->rowCount() == 2; }));
    page.list()->selectAll();
    QVERIFY(page.compareSelected());
    QVERIFY(page.isComparing());
    QCOMPARE(page.compareLeft()->decision().id, page.model()->decisionAt(0).id);
    QCOMPARE(page.compareRight()->decision().id, page.model()->decisionAt(1).id);

    // Live: a new decision is listed and shown by itself.
    page.setLive(true);
    QVERIFY(!page.isComparing());
    const auto fresh = decide(*backend, mixedSwarm(u"fresh"_s, 3, 0), Api::StrategySpec {u"plurality"_s, {}});
    QVERIFY(fresh);
    QVERIFY(Testing::spinUntil([&] { return page.detail()->decision().id == fresh->id; }));
    QCOMPARE(page.model()->decisionAt(0).id, fresh->id);

    // The decision shown, as a report.
    QAction *report = page.findChild<QAction *>(u"action_consensus_report"_s);
    QVERIFY(report);
    report->trigger();
    auto *dialog = page.findChild<Ui::ReportExportDialog *>();
    QVERIFY(dialog);
    QTemporaryDir dir;
    dialog->setPath(dir.filePath(u"decision.json"_s));
    dialog->exportReport();
    QVERIFY(Testing::spinUntil([&] { return QFile::exists(dir.filePath(u"decision.json"_s)); }));
}

QTEST_MAIN(TstConsensusView)
#include "tst_consensusview.moc"
