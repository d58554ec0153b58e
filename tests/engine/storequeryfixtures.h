#pragma once

// The query fixtures of the store contract, chosen so every filter selects a different, known set.

#include "storetesthelpers.h"

namespace QwenSwarm::Testing {

using Api::DecisionOutcome;
using Api::TaskState;

struct TaskRow
{
    quint64 id;
    quint64 swarm;
    TaskState state;
    qint64 createdMs;
    const char *strategy; // empty = the swarm's default
};

inline const TaskRow taskRows[] = {
    {1, 1, TaskState::Queued, 1010, ""},
    {2, 2, TaskState::Running, 1020, "plurality"},
    {3, 1, TaskState::Succeeded, 1030, "weighted"},
    {4, 2, TaskState::Failed, 1040, ""},
    {5, 1, TaskState::Cancelled, 1050, "plurality"},
    {6, 2, TaskState::TimedOut, 1060, "weighted"},
    {7, 1, TaskState::Queued, 1070, ""},
    {8, 2, TaskState::Deciding, 1080, "plurality"},
    {9, 1, TaskState::Running, 1090, "weighted"},
    {10, 2, TaskState::Succeeded, 1100, ""},
    {11, 1, TaskState::Queued, 1110, "plurality"},
    {12, 2, TaskState::Succeeded, 1120, "weighted"},
};

inline Api::Task rowTask(const TaskRow &row)
{
    Api::Task task;
    task.id = Api::TaskId(row.id);
    task.spec.swarmId = Api::SwarmId(row.swarm);
    task.spec.promptTemplate = u"Question %1"_s.arg(row.id);
    if (*row.strategy)
        task.spec.strategy = Api::StrategySpec {QString::fromLatin1(row.strategy), {}};
    task.state = row.state;
    task.attempt = 1;
    task.createdMs = row.createdMs;
    if (row.id == 7)
        task.spec.promptTemplate = u"What is the CAPITAL of France?"_s;
    else if (row.id == 9)
        task.spec.tags = {u"geo"_s, u"Capital-Cities"_s};
    else if (row.id == 10)
        task.spec.variables = {{u"topic"_s, u"the capital"_s}};
    else if (row.id == 11)
        task.spec.variables = {{u"capital"_s, 5}}; // a key and a number: not searched
    return task;
}

struct DecisionRow
{
    quint64 id;
    quint64 task;
    quint64 swarm;
    const char *strategy;
    DecisionOutcome outcome;
    double agreement;
    qint64 createdMs;
};

inline const DecisionRow decisionRows[] = {
    {1, 1, 1, "plurality", DecisionOutcome::Decided, 1.0, 2010},
    {2, 2, 2, "plurality", DecisionOutcome::NoDecision, 0.5, 2020},
    {3, 3, 1, "weighted", DecisionOutcome::Decided, 0.8, 2030},
    {4, 3, 1, "weighted", DecisionOutcome::Decided, 0.6, 2040},
    {5, 5, 1, "plurality", DecisionOutcome::NoDecision, 0.0, 2050},
    {6, 6, 2, "weighted", DecisionOutcome::Decided, 0.75, 2060},
    {7, 7, 1, "plurality", DecisionOutcome::Decided, 0.5, 2070},
    {8, 8, 2, "plurality", DecisionOutcome::Decided, 0.9, 2080},
    {9, 9, 1, "weighted", DecisionOutcome::NoDecision, 0.4, 2090},
    {10, 10, 2, "plurality", DecisionOutcome::Decided, 1.0, 2100},
};

inline Api::Decision rowDecision(const DecisionRow &row)
{
    Api::Decision d;
    d.id = Api::DecisionId(row.id);
    d.taskId = Api::TaskId(row.task);
    d.swarmId = Api::SwarmId(row.swarm);
    d.attempt = 1;
    d.strategy.name = QString::fromLatin1(row.strategy);
    d.outcome = row.outcome;
    d.answer = row.outcome == DecisionOutcome::Decided ? u"a"_s : QString();
    d.agreement = row.agreement;
    d.createdMs = row.createdMs;
    d.rounds = {Api::Round {0, {richVote(row.id)}}};
    return d;
}

inline Api::TaskQuery taskQuery(int limit = 100)
{
    Api::TaskQuery q;
    q.page.limit = limit;
    return q;
}

inline Api::DecisionQuery decisionQuery(int limit = 100)
{
    Api::DecisionQuery q;
    q.page.limit = limit;
    return q;
}

} // namespace QwenSwarm::Testing
