// The designer's dry run: a workflow run on a throwaway core of simulated agents answers an
// estimate per step (tasks, calls, tokens, cost, time), approval steps approved on the way; swarms
// of the connected core are mirrored agent by agent; the dialog shows the estimate.
#include <dryrun.h>

#include <designer/dryrundialog.h>
#include <testsupport.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;

namespace {

Api::Workflow planApproveMap()
{
    Api::Workflow w;
    w.name = u"estimate-me"_s;
    w.inputs = {Api::WorkflowInput {u"items"_s, Api::ValueType::List, {}, QJsonArray {u"a"_s, u"b"_s, u"c"_s}}};
    Api::WorkflowStep plan;
    plan.id = u"plan"_s;
    plan.swarm = u"team"_s;
    plan.prompt = u"Plan"_s;
    Api::WorkflowStep check;
    check.id = u"check"_s;
    check.kind = Api::StepKind::Approval;
    check.inputs = {{u"input"_s, u"steps.plan.output"_s}};
    Api::WorkflowStep each;
    each.id = u"each"_s;
    each.swarm = u"team"_s;
    each.prompt = u"Do {{item}} after {{plan}}"_s;
    each.inputs = {{u"plan"_s, u"steps.check.output"_s}};
    each.map = Api::StepMap {u"inputs.items"_s, u"item"_s};
    w.steps = {plan, check, each};
    return w;
}

Api::Result<Api::RunEstimate> estimate(const Api::Workflow &workflow, const QJsonObject &inputs,
                                       const QList<Api::SwarmSpec> &swarms = {})
{
    Console::DryRun dry(workflow, inputs, swarms, 10);
    std::optional<Api::Result<Api::RunEstimate>> answer;
    QObject::connect(&dry, &Console::DryRun::finished, &dry,
                     [&](const Api::Result<Api::RunEstimate> &e) { answer.emplace(e); });
    dry.start();
    Testing::spinUntil([&] { return answer.has_value(); }, 60000);
    return answer ? *answer : Api::makeError(Api::ErrorCode::Internal, u"no answer"_s);
}

} // namespace

class TestDryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimatesEveryStepOnDemoShapedAgents()
    {
        const auto e = estimate(planApproveMap(), {});
        QS_VERIFY_OK(e);
        QCOMPARE(e->state, Api::RunState::Succeeded);
        QCOMPARE(e->steps.size(), 3);
        const Api::StepEstimate &plan = e->steps.at(0);
        QCOMPARE(plan.stepId, u"plan"_s);
        QCOMPARE(plan.tasks, 1);
        QVERIFY(plan.calls >= 6); // the demo swarm's six agents answer (plurality: one round)
        QVERIFY(plan.promptTokens + plan.completionTokens > 0);
        QVERIFY(plan.costUsd > 0);
        QVERIFY(plan.durationMs > 0);
        const Api::StepEstimate &check = e->steps.at(1);
        QCOMPARE(check.state, Api::StepState::Succeeded); // approved on the way
        QCOMPARE(check.calls, 0);
        QCOMPARE(check.costUsd, 0.0);
        const Api::StepEstimate &each = e->steps.at(2);
        QCOMPARE(each.tasks, 3);
        QVERIFY(each.calls >= 3 * plan.calls);
        QCOMPARE(e->calls, plan.calls + each.calls);
        QCOMPARE(e->costUsd, plan.costUsd + each.costUsd);
        QVERIFY(e->durationMs >= plan.durationMs);
    }

    void mirrorsTheCoresSwarms()
    {
        Api::Swarm swarm;
        swarm.id = Api::SwarmId(4);
        swarm.name = u"team"_s;
        Api::Agent solo;
        solo.swarmId = swarm.id;
        solo.spec.name = u"solo"_s;
        solo.spec.role = Api::AgentRole::Specialist;
        solo.spec.provider = u"openai"_s;
        solo.spec.model = u"gpt-x"_s;
        Api::Agent other;
        other.swarmId = Api::SwarmId(5);
        other.spec.name = u"elsewhere"_s;
        const Api::SwarmSpec mirrored = Console::DryRun::simulatedSwarm(swarm, {solo, other});
        QCOMPARE(mirrored.name, u"team"_s);
        QCOMPARE(mirrored.agents.size(), 1);
        QCOMPARE(mirrored.agents.at(0).name, u"solo"_s);
        QCOMPARE(mirrored.agents.at(0).role, Api::AgentRole::Specialist);
        QCOMPARE(mirrored.agents.at(0).provider, u"simulated"_s); // never a real provider

        const auto e = estimate(planApproveMap(), {}, {mirrored});
        QS_VERIFY_OK(e);
        QCOMPARE(e->steps.at(0).calls, 1); // one agent, one call
        QCOMPARE(e->steps.at(2).calls, 3);
    }

    void badInputsAreAnError()
    {
        const auto e = estimate(planApproveMap(), {{u"items"_s, u"not a list"_s}});
        QS_VERIFY_ERROR(e, Api::ErrorCode::InvalidArgument);
        QVERIFY(e.error().message.contains(u"inputs.items"_s));
    }

    void theDialogShowsTheEstimate()
    {
        const auto e = estimate(planApproveMap(), {});
        QS_VERIFY_OK(e);
        Ui::DryRunDialog dialog(planApproveMap());
        dialog.setProgress(1, 3);
        dialog.showEstimate(*e);
        QCOMPARE(dialog.table()->rowCount(), 4); // three steps and the total
        QCOMPARE(dialog.table()->item(2, 2)->text(), u"3"_s);
        QCOMPARE(dialog.table()->item(3, 3)->text(), QString::number(e->calls));
        QVERIFY(dialog.summary().contains(QString::number(e->calls)));
    }
};

QTEST_MAIN(TestDryRun)
#include "tst_dryrun.moc"
