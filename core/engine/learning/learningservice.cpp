#include "learning/learningservice.h"

#include "consensus/answernormalizer.h"
#include "events/audittrail.h"
#include "runtime/clock.h"
#include "runtime/enginecontext.h"
#include "runtime/taskservice.h"

namespace QwenSwarm::Engine {

using Api::ErrorCode;

LearningService::LearningService(EngineContext &context, TaskService &tasks)
    : m_context(context)
    , m_tasks(tasks)
{ }

void LearningService::giveFeedback(Api::DecisionId id, Api::DecisionFeedback feedback, const QString &actor,
                                   Reply<Api::Decision> done)
{
    if (feedback.note.size() > 4096 || feedback.correctAnswer.size() > 65536)
        return done(Api::makeError(ErrorCode::InvalidArgument, QStringLiteral("feedback: note or answer too long")));
    feedback.actor = actor;
    feedback.timeMs = wallClockMs();
    m_tasks.decision(id, [this, feedback, done = std::move(done)](Api::Result<Api::Decision> found) mutable {
        if (!found)
            return done(found.error());
        Api::Decision decision = std::move(found).value();
        if (feedback.correct && decision.outcome != Api::DecisionOutcome::Decided) {
            return done(Api::makeError(ErrorCode::InvalidArgument,
                                       QStringLiteral("correct: decision %1 decided nothing, so it cannot be right; "
                                                      "say it was wrong and give the right answer")
                                           .arg(decision.id.value),
                                       {{QStringLiteral("path"), QStringLiteral("correct")}}));
        }
        m_tasks.task(decision.taskId,
                     [this, decision, feedback, done = std::move(done)](Api::Result<Api::Task> task) mutable {
                         if (!task)
                             return done(task.error());
                         applyFeedback(std::move(decision), task.value(), std::move(feedback), std::move(done));
                     });
    });
}

void LearningService::applyFeedback(Api::Decision decision, const Api::Task &task, Api::DecisionFeedback feedback,
                                    Reply<Api::Decision> done)
{
    const Api::TaskSpec &spec = task.spec;
    if (!feedback.correctAnswer.isEmpty()) {
        // Compared with the votes as they were compared with each other.
        const auto normalized = AnswerNormalizer::normalize(feedback.correctAnswer, spec.answerFormat, spec.choices);
        if (normalized.status != Api::VoteStatus::Valid) {
            return done(Api::makeError(ErrorCode::InvalidArgument,
                                       QStringLiteral("correct_answer: not a valid answer for this task"),
                                       {{QStringLiteral("path"), QStringLiteral("correct_answer")}}));
        }
        feedback.correctAnswer = normalized.answer;
    }
    QString truth;
    if (!spec.referenceAnswer.isEmpty()) {
        const auto reference = AnswerNormalizer::normalize(spec.referenceAnswer, spec.answerFormat, spec.choices);
        truth = reference.status == Api::VoteStatus::Valid ? reference.answer : QString();
    }
    m_context.reputations.learnFromFeedback(decision, spec.tags, truth, feedback, decision.feedback, feedback.timeMs);
    m_context.storeWriter.append(FeedbackWrite {decision.id, feedback});
    AuditTrail(m_context.events, m_context.storeWriter)
        .record(feedback.timeMs,
                Api::AuditEvent {feedback.actor, QStringLiteral("decision.feedback"),
                                 QStringLiteral("decision/%1").arg(decision.id.value), true,
                                 feedback.correct ? QStringLiteral("right") : QStringLiteral("wrong")});
    decision.feedback = feedback;
    m_context.storeWriter.whenDurable([decision, done = std::move(done)](Api::Result<void> written) {
        if (!written)
            return done(written.error());
        done(decision);
    });
}

void LearningService::reputations(Api::AgentId agent, Reply<QList<Api::Reputation>> done)
{
    if (agent.isValid() && !m_context.agents.agent(agent))
        return done(Api::makeError(ErrorCode::NotFound, QStringLiteral("no agent with id %1").arg(agent.value)));
    QList<Api::Reputation> list = m_context.reputations.list(agent);
    if (agent.isValid()
        && std::none_of(list.cbegin(), list.cend(), [](const Api::Reputation &r) { return r.tag.isEmpty(); }))
        list.prepend(m_context.reputations.reputation(agent)); // the prior, so the answer is never empty
    done(std::move(list));
}

void LearningService::history(const Api::ReputationQuery &query, Reply<Api::Page<Api::ReputationPoint>> done)
{
    m_context.reputations.flush();
    m_context.storeWriter.flush();
    m_context.store->reputationHistory(query, std::move(done));
}

void LearningService::exportState(Reply<Api::LearningState> done)
{
    done(m_context.reputations.exportState());
}

void LearningService::importState(const Api::LearningState &state, Reply<void> done)
{
    for (qsizetype i = 0; i < state.reputations.size(); ++i) {
        const Api::Reputation &r = state.reputations[i];
        const QString path = QStringLiteral("reputations[%1]").arg(i);
        if (!m_context.agents.agent(r.agentId)) {
            return done(Api::makeError(ErrorCode::NotFound,
                                       path + QStringLiteral(".agent_id: no agent with id %1").arg(r.agentId.value),
                                       {{QStringLiteral("path"), QString(path + QStringLiteral(".agent_id"))}}));
        }
        if (!(r.alpha > 0 && r.beta > 0) || r.alpha > 1e9 || r.beta > 1e9 || r.tag.size() > 64) {
            return done(Api::makeError(
                ErrorCode::InvalidArgument,
                path + QStringLiteral(": alpha and beta must lie in (0, 1e9], tags within 64 characters"),
                {{QStringLiteral("path"), path}}));
        }
    }
    m_context.reputations.importState(state, wallClockMs());
    m_context.storeWriter.whenDurable(std::move(done));
}

} // namespace QwenSwarm::Engine
