#include "reports/reportcollector.h"

#include "reports/reportfetch.h"

#include <api/query.h>

#include <QDateTime>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

/// Where the reading stands, in percent, as the stages follow each other.
constexpr int kAfterRun = 5;
constexpr int kAfterTasks = 35;
constexpr int kAfterDecisions = 65;
constexpr int kAfterAgents = 70;
constexpr int kAfterHistory = 90;

int between(int from, int to, qsizetype done, qsizetype total)
{
    return total <= 0 ? to : from + int((to - from) * done / total);
}

/// The core's description without anything that could carry credentials in its address.
Api::BackendInfo withoutCredentials(Api::BackendInfo info)
{
    QUrl url(info.endpoint);
    if (url.isValid() && !url.scheme().isEmpty()) {
        url.setUserInfo(QString());
        url.setQuery(QString());
        url.setFragment(QString());
        info.endpoint = url.toString();
    }
    return info;
}

QSet<Api::AgentId> votersOf(const QList<Api::Decision> &decisions)
{
    QSet<Api::AgentId> voters;
    for (const Api::Decision &decision : decisions) {
        for (const Api::Round &round : decision.rounds) {
            for (const Api::Vote &vote : round.votes)
                voters.insert(vote.agentId);
        }
    }
    return voters;
}

} // namespace

ReportCollector::ReportCollector(Api::Backend &backend, ReportSubject subject, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_subject(subject)
{ }

ReportCollector::~ReportCollector() = default;

void ReportCollector::start()
{
    if (m_active || m_context)
        return;
    m_active = true;
    m_context = new QObject(this);
    m_data = {};
    m_data.subject = m_subject;
    if (m_subject.kind == ReportSubject::Kind::Period && m_subject.toMs <= m_subject.fromMs) {
        QTimer::singleShot(0, m_context, [this] {
            fail(Api::makeError(Api::ErrorCode::InvalidArgument, tr("the period ends before it begins")),
                 tr("the period"));
        });
        return;
    }
    report(0, tr("Asking the core what it is"));
    m_backend.info(m_context, [this](Api::Result<Api::BackendInfo> info) {
        if (!m_active)
            return;
        if (!info)
            return fail(info.error(), tr("the core's description"));
        m_data.source = withoutCredentials(*info);
        switch (m_subject.kind) {
        case ReportSubject::Kind::Run:
            return readRun();
        case ReportSubject::Kind::Decision:
            return readDecision();
        case ReportSubject::Kind::Period:
            return readPeriodTasks();
        }
    });
}

void ReportCollector::cancel()
{
    stop();
}

void ReportCollector::stop()
{
    m_active = false;
    if (m_context)
        m_context->deleteLater(); // not delete: this may run inside one of its answers
    m_context = nullptr;
}

void ReportCollector::report(int percent, const QString &stage)
{
    if (m_active)
        Q_EMIT progress(percent, stage);
}

void ReportCollector::fail(const Api::Error &error, const QString &what)
{
    if (!m_active)
        return;
    stop();
    Api::Error e = error;
    e.message = tr("Cannot read %1: %2").arg(what, error.message);
    Q_EMIT failed(e);
}

void ReportCollector::readRun()
{
    report(1, tr("Reading run #%1").arg(m_subject.run.value));
    m_backend.run(m_subject.run, m_context, [this](Api::Result<Api::Run> run) {
        if (!m_active)
            return;
        if (!run)
            return fail(run.error(), tr("run #%1").arg(m_subject.run.value));
        m_data.run = *run;
        QList<Api::TaskId> ids;
        for (const Api::StepRun &step : run->steps)
            ids.append(step.taskIds);
        readTasks(ids, [this] { readDecisionsOfTasks(); });
    });
}

void ReportCollector::readDecision()
{
    report(1, tr("Reading decision #%1").arg(m_subject.decision.value));
    m_backend.decision(m_subject.decision, m_context, [this](Api::Result<Api::Decision> decision) {
        if (!m_active)
            return;
        if (!decision)
            return fail(decision.error(), tr("decision #%1").arg(m_subject.decision.value));
        m_data.decisions = {*decision};
        readTasks({decision->taskId}, [this] { readAgents(); });
    });
}

void ReportCollector::readTasks(const QList<Api::TaskId> &ids, std::function<void()> then)
{
    report(kAfterRun, tr("Reading %n task(s)", nullptr, int(ids.size())));
    ReportFetch::Each<Api::Task>::run(
        m_context, ids.size(),
        [this, ids](qsizetype i, QObject *context, Api::Backend::Callback<Api::Task> done) {
            m_backend.task(ids.at(i), context, std::move(done));
        },
        [this, total = ids.size()](qsizetype done) {
            report(between(kAfterRun, kAfterTasks, done, total), tr("Reading tasks: %1 of %2").arg(done).arg(total));
        },
        [this, then = std::move(then)](Api::Result<QList<Api::Task>> tasks) {
            if (!m_active)
                return;
            if (!tasks)
                return fail(tasks.error(), tr("the tasks"));
            m_data.tasks = *tasks;
            then();
        });
}

void ReportCollector::readDecisionsOfTasks()
{
    const QList<Api::Task> tasks = m_data.tasks;
    ReportFetch::Each<Api::Page<Api::Decision>>::run(
        m_context, tasks.size(),
        [this, tasks](qsizetype i, QObject *context, Api::Backend::Callback<Api::Page<Api::Decision>> done) {
            Api::DecisionQuery query;
            query.taskId = tasks.at(i).id;
            query.page.limit = 1000; // a decision per attempt, at most 20
            m_backend.queryDecisions(query, context, std::move(done));
        },
        [this, total = tasks.size()](qsizetype done) {
            report(between(kAfterTasks, kAfterDecisions, done, total),
                   tr("Reading decisions: %1 of %2 tasks").arg(done).arg(total));
        },
        [this](Api::Result<QList<Api::Page<Api::Decision>>> pages) {
            if (!m_active)
                return;
            if (!pages)
                return fail(pages.error(), tr("the decisions"));
            for (const Api::Page<Api::Decision> &page : std::as_const(*pages))
                m_data.decisions.append(page.items);
            std::stable_sort(m_data.decisions.begin(), m_data.decisions.end(),
                             [](const Api::Decision &a, const Api::Decision &b) {
                                 return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.id < b.id;
                             });
            readAgents();
        });
}

void ReportCollector::readPeriodTasks()
{
    report(kAfterRun, tr("Reading the period's tasks"));
    ReportFetch::Pages<Api::Task>::run(
        m_context,
        [this](const QString &cursor, int limit, QObject *context, Api::Backend::Callback<Api::Page<Api::Task>> done) {
            Api::TaskQuery query;
            query.createdFromMs = m_subject.fromMs;
            query.createdToMs = m_subject.toMs;
            query.page = {limit, cursor};
            m_backend.queryTasks(query, context, std::move(done));
        },
        kMaxItems,
        [this](qsizetype read) {
            report(between(kAfterRun, kAfterTasks, read, kMaxItems), tr("Reading the period's tasks: %1").arg(read));
        },
        [this](Api::Result<ReportFetch::Pages<Api::Task>::Answer> tasks) {
            if (!m_active)
                return;
            if (!tasks)
                return fail(tasks.error(), tr("the period's tasks"));
            m_data.tasks = tasks->items;
            m_data.truncated = m_data.truncated || tasks->truncated;
            readPeriodDecisions();
        });
}

void ReportCollector::readPeriodDecisions()
{
    report(kAfterTasks, tr("Reading the period's decisions"));
    ReportFetch::Pages<Api::Decision>::run(
        m_context,
        [this](const QString &cursor, int limit, QObject *context,
               Api::Backend::Callback<Api::Page<Api::Decision>> done) {
            Api::DecisionQuery query;
            query.createdFromMs = m_subject.fromMs;
            query.createdToMs = m_subject.toMs;
            query.page = {limit, cursor};
            m_backend.queryDecisions(query, context, std::move(done));
        },
        kMaxItems,
        [this](qsizetype read) {
            report(between(kAfterTasks, kAfterDecisions, read, kMaxItems),
                   tr("Reading the period's decisions: %1").arg(read));
        },
        [this](Api::Result<ReportFetch::Pages<Api::Decision>::Answer> decisions) {
            if (!m_active)
                return;
            if (!decisions)
                return fail(decisions.error(), tr("the period's decisions"));
            m_data.decisions = decisions->items;
            m_data.truncated = m_data.truncated || decisions->truncated;
            readAgents();
        });
}

void ReportCollector::readAgents()
{
    report(kAfterDecisions, tr("Reading the agents"));
    m_backend.listAgents(Api::SwarmId {}, m_context, [this](Api::Result<QList<Api::Agent>> agents) {
        if (!m_active)
            return;
        if (!agents)
            return fail(agents.error(), tr("the agents"));
        const QSet<Api::AgentId> voters = votersOf(m_data.decisions);
        for (const Api::Agent &agent : std::as_const(*agents)) {
            if (voters.contains(agent.id))
                m_data.agents.append(
                    {agent.id, agent.swarmId, agent.spec.name, agent.spec.role, agent.spec.provider, agent.spec.model});
        }
        std::sort(m_data.agents.begin(), m_data.agents.end(), [](const ReportAgent &a, const ReportAgent &b) {
            return a.name != b.name ? a.name < b.name : a.id < b.id;
        });
        readReputationHistory();
    });
}

void ReportCollector::readReputationHistory()
{
    report(kAfterAgents, tr("Reading how the agents' reputations changed"));
    if (m_data.agents.isEmpty())
        return complete();
    ReportFetch::Pages<Api::ReputationPoint>::run(
        m_context,
        [this](const QString &cursor, int limit, QObject *context,
               Api::Backend::Callback<Api::Page<Api::ReputationPoint>> done) {
            Api::ReputationQuery query;
            const auto [from, to] = reputationWindow();
            query.fromMs = from;
            query.toMs = to;
            query.page = {limit, cursor};
            m_backend.reputationHistory(query, context, std::move(done));
        },
        kMaxItems,
        [this](qsizetype read) {
            report(between(kAfterAgents, kAfterHistory, read, kMaxItems),
                   tr("Reading reputation changes: %1").arg(read));
        },
        [this](Api::Result<ReportFetch::Pages<Api::ReputationPoint>::Answer> history) {
            if (!m_active)
                return;
            if (!history)
                return fail(history.error(), tr("the reputation history"));
            for (const Api::ReputationPoint &point : std::as_const(history->items)) {
                const bool ours
                    = m_subject.kind != ReportSubject::Kind::Decision || point.decisionId == m_subject.decision;
                if (ours && m_data.agent(point.agentId))
                    m_data.reputationHistory.append(point);
            }
            m_data.truncated = m_data.truncated || history->truncated;
            readReputationBefore();
        });
}

void ReportCollector::readReputationBefore()
{
    const QList<ReportAgent> agents = m_data.agents;
    const qint64 before = reputationWindow().first;
    ReportFetch::Each<Api::Page<Api::ReputationPoint>>::run(
        m_context, before > 0 ? agents.size() : 0,
        [this, agents, before](qsizetype i, QObject *context,
                               Api::Backend::Callback<Api::Page<Api::ReputationPoint>> done) {
            Api::ReputationQuery query;
            query.agentId = agents.at(i).id;
            query.toMs = before;
            query.page.limit = 1; // newest first: the value the span started from
            m_backend.reputationHistory(query, context, std::move(done));
        },
        [this, total = agents.size()](qsizetype done) {
            report(between(kAfterHistory, 100, done, total),
                   tr("Reading reputations before: %1 of %2").arg(done).arg(total));
        },
        [this](Api::Result<QList<Api::Page<Api::ReputationPoint>>> pages) {
            if (!m_active)
                return;
            if (!pages)
                return fail(pages.error(), tr("the reputations"));
            for (const Api::Page<Api::ReputationPoint> &page : std::as_const(*pages)) {
                if (!page.items.isEmpty())
                    m_data.reputationBefore.insert(page.items.constFirst().agentId, page.items.constFirst());
            }
            complete();
        });
}

std::pair<qint64, qint64> ReportCollector::reputationWindow() const
{
    switch (m_subject.kind) {
    case ReportSubject::Kind::Run: {
        const qint64 finished = m_data.run ? m_data.run->finishedMs : 0;
        return {m_data.run ? m_data.run->createdMs : 0, finished != 0 ? finished + 1 : 0};
    }
    case ReportSubject::Kind::Decision: // and the operators' later feedback on it
        return {m_data.decisions.isEmpty() ? 0 : m_data.decisions.constFirst().createdMs, 0};
    case ReportSubject::Kind::Period:
        return {m_subject.fromMs, m_subject.toMs};
    }
    return {0, 0};
}

void ReportCollector::complete()
{
    if (!m_active)
        return;
    m_data.generatedMs = QDateTime::currentMSecsSinceEpoch();
    summarize(m_data);
    report(100, tr("Read"));
    stop();
    Q_EMIT finished(m_data);
}

} // namespace QwenSwarm::Ui
