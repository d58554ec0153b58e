#pragma once

#include <api/decision.h>
#include <api/error.h>
#include <api/learning.h>
#include <api/query.h>
#include <api/task.h>

#include <functional>

namespace QwenSwarm::Engine {

struct EngineContext;
class TaskService;

/// The learning side of the Backend: operator feedback on decisions, reputations and their
/// history, export and import of what was learned. Engine thread only.
class LearningService
{
public:
    template<typename T>
    using Reply = std::function<void(Api::Result<T>)>;

    LearningService(EngineContext &context, TaskService &tasks);

    /// `actor` names who gave the verdict (the backend's caller).
    void giveFeedback(Api::DecisionId id, Api::DecisionFeedback feedback, const QString &actor,
                      Reply<Api::Decision> done);
    void reputations(Api::AgentId agent, Reply<QList<Api::Reputation>> done);
    void history(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done);
    void exportState(Reply<Api::LearningState> done);
    void importState(const Api::LearningState &state, Reply<void> done);

private:
    void applyFeedback(Api::Decision decision, const Api::Task &task, Api::DecisionFeedback feedback,
                       Reply<Api::Decision> done);

    EngineContext &m_context;
    TaskService &m_tasks;
};

} // namespace QwenSwarm::Engine
