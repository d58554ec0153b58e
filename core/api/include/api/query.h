#pragma once

#include "api/decision.h"
#include "api/page.h"
#include "api/task.h"

#include <optional>

namespace QwenSwarm::Api {

struct TaskQuery
{
    QList<TaskState> states;
    SwarmId swarmId;
    QString strategy;
    QString text; ///< Case-insensitive substring of the prompt, the variables or the tags.
    qint64 createdFromMs = 0; ///< Inclusive; 0 = open.
    qint64 createdToMs = 0; ///< Exclusive; 0 = open.
    PageRequest page;

    bool operator==(const TaskQuery &) const = default;
};

struct DecisionQuery
{
    SwarmId swarmId;
    TaskId taskId;
    QString strategy;
    std::optional<DecisionOutcome> outcome;
    double minAgreement = 0;
    double maxAgreement = 1;
    qint64 createdFromMs = 0;
    qint64 createdToMs = 0;
    PageRequest page;

    bool operator==(const DecisionQuery &) const = default;
};

} // namespace QwenSwarm::Api
