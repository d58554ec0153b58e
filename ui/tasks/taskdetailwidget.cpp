#include "tasks/taskdetailwidget.h"

#include "common/displaytext.h"
#include "common/erroradvice.h"
#include "common/swarmdirectory.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int maxSteps = 500;

QString row(const QString &label, const QString &value)
{
    return QString(QStringLiteral("<tr><td style='padding-right:12px; color:gray; white-space:nowrap'>")
                   + label.toHtmlEscaped() + QStringLiteral("</td><td>") + value.toHtmlEscaped()
                   + QStringLiteral("</td></tr>"));
}

QString heading(const QString &text)
{
    return QString(QStringLiteral("<h4 style='margin-top:12px; margin-bottom:4px'>") + text.toHtmlEscaped()
                   + QStringLiteral("</h4>"));
}

QString paragraph(const QString &text)
{
    return QString(QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>"));
}

} // namespace

TaskDetailWidget::TaskDetailWidget(Backend &backend, SwarmDirectory &swarms, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_swarms(swarms)
    , m_title(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel task"), this))
    , m_retry(new QPushButton(tr("Retry task"), this))
    , m_body(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("task_detail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(m_title, 1);
    m_cancel->setObjectName(QStringLiteral("detail_cancel"));
    m_retry->setObjectName(QStringLiteral("detail_retry"));
    header->addWidget(m_cancel);
    header->addWidget(m_retry);
    layout->addLayout(header);
    layout->addWidget(m_body, 1);
    connect(m_cancel, &QPushButton::clicked, this, &TaskDetailWidget::cancelTask);
    connect(m_retry, &QPushButton::clicked, this, &TaskDetailWidget::retryTask);
    connect(&m_backend, &Backend::eventsReceived, this, &TaskDetailWidget::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, [this](SubscriptionId id, quint64, quint64) {
        if (id == m_subscription && id.isValid()) {
            m_historyIncomplete = true;
            m_reload.start();
        }
    });
    m_reload.setSingleShot(true);
    m_reload.setInterval(200); // a burst of changes is one re-read
    connect(&m_reload, &QTimer::timeout, this, &TaskDetailWidget::load);
    showTask({});
}

TaskDetailWidget::~TaskDetailWidget()
{
    unsubscribe();
}

void TaskDetailWidget::showTask(TaskId id)
{
    if (id == m_taskId && id.isValid())
        return load();
    unsubscribe();
    ++m_generation;
    m_taskId = id;
    m_task.reset();
    m_decision.reset();
    m_error.clear();
    m_steps.clear();
    m_historyIncomplete = false;
    render();
    if (!id.isValid())
        return;
    load();
    subscribe();
}

QString TaskDetailWidget::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->toPlainText();
}

void TaskDetailWidget::load()
{
    m_backend.task(m_taskId, this, [this, generation = m_generation](Result<Task> found) {
        if (generation != m_generation)
            return;
        if (!found) {
            m_error = found.error().message;
            return render();
        }
        m_error.clear();
        m_task = found.value();
        render();
        loadDecision();
    });
}

void TaskDetailWidget::loadDecision()
{
    const auto show = [this, generation = m_generation](std::optional<Decision> decision) {
        if (generation != m_generation)
            return;
        m_decision = std::move(decision);
        render();
    };
    if (m_task->result && m_task->result->decisionId.isValid()) {
        m_backend.decision(m_task->result->decisionId, this,
                           [show](Result<Decision> d) { show(d ? std::optional<Decision>(d.value()) : std::nullopt); });
        return;
    }
    DecisionQuery query; // an attempt without a result may still have decided nothing, with a trail
    query.taskId = m_taskId;
    query.page.limit = 1;
    m_backend.queryDecisions(query, this, [show](Result<Page<Decision>> page) {
        show(page && !page->items.isEmpty() ? std::optional<Decision>(page->items.constFirst()) : std::nullopt);
    });
}

void TaskDetailWidget::subscribe()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Tasks};
    spec.taskId = m_taskId;
    spec.resumeAfterSeq = 0; // the transitions the backend still has, then the live ones
    m_backend.subscribe(spec, this, [this, generation = m_generation](Result<Subscription> subscribed) {
        if (!subscribed) {
            m_historyIncomplete = true;
            return render();
        }
        if (generation != m_generation)
            return m_backend.unsubscribe(subscribed->id, this, [](Result<void>) {});
        m_subscription = subscribed->id;
    });
}

void TaskDetailWidget::unsubscribe()
{
    if (m_subscription.isValid())
        m_backend.unsubscribe(std::exchange(m_subscription, {}), &m_backend, [](Result<void>) {});
}

void TaskDetailWidget::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id != m_subscription || !id.isValid())
        return;
    for (const Event &event : events) {
        if (const auto *change = std::get_if<TaskEvent>(&event.payload); change && change->taskId == m_taskId)
            m_steps.append({event.timeMs, *change});
    }
    if (m_steps.size() > maxSteps)
        m_steps.remove(0, m_steps.size() - maxSteps);
    m_reload.start();
}

void TaskDetailWidget::cancelTask()
{
    if (!m_taskId.isValid())
        return;
    m_backend.cancelTask(m_taskId, tr("cancelled by operator"), this, [this](Result<Task> cancelled) {
        if (!cancelled)
            return Q_EMIT failed(
                tr("Task %1 was not cancelled: %2").arg(m_taskId.value).arg(ErrorAdvice::describe(cancelled.error())));
        Q_EMIT taskUpdated(cancelled.value());
        load();
    });
}

void TaskDetailWidget::retryTask()
{
    if (!m_taskId.isValid())
        return;
    m_backend.retryTask(m_taskId, this, [this](Result<Task> retried) {
        if (!retried)
            return Q_EMIT failed(
                tr("Task %1 was not retried: %2").arg(m_taskId.value).arg(ErrorAdvice::describe(retried.error())));
        Q_EMIT taskUpdated(retried.value());
        load();
    });
}

void TaskDetailWidget::render()
{
    updateButtons();
    if (!m_taskId.isValid()) {
        m_title->setText(tr("No task selected"));
        m_body->setHtml(paragraph(tr("Select a task to see its input, attempts, timeline and decision.")));
        return;
    }
    if (!m_task) {
        m_title->setText(tr("Task %1").arg(m_taskId.value));
        m_body->setHtml(paragraph(m_error.isEmpty() ? tr("Loading…") : tr("Cannot be read: %1").arg(m_error)));
        return;
    }
    m_title->setText(tr("Task %1 — %2").arg(m_taskId.value).arg(DisplayText::taskState(m_task->state)));
    const int scroll = m_body->verticalScrollBar()->value();
    m_body->setHtml(inputHtml(*m_task) + decisionHtml() + timelineHtml(*m_task) + settingsHtml(*m_task));
    m_body->verticalScrollBar()->setValue(scroll);
}

void TaskDetailWidget::updateButtons()
{
    const bool known = m_task.has_value();
    m_cancel->setEnabled(known && !isTerminal(m_task->state));
    m_retry->setEnabled(known
                        && (m_task->state == TaskState::Failed || m_task->state == TaskState::Cancelled
                            || m_task->state == TaskState::TimedOut));
}

QString TaskDetailWidget::inputHtml(const Task &t) const
{
    QString html = heading(tr("Input"));
    html += QStringLiteral("<pre style='white-space:pre-wrap'>") + DisplayText::renderedPrompt(t.spec).toHtmlEscaped()
        + QStringLiteral("</pre><table>");
    if (!t.spec.variables.isEmpty())
        html += row(tr("Variables"), QString::fromUtf8(QJsonDocument(t.spec.variables).toJson(QJsonDocument::Compact)));
    html += row(tr("Answer format"), enumName(t.spec.answerFormat).toString());
    if (!t.spec.choices.isEmpty())
        html += row(tr("Choices"), t.spec.choices.join(QStringLiteral(", ")));
    if (!t.spec.referenceAnswer.isEmpty())
        html += row(tr("Reference answer"), t.spec.referenceAnswer);
    if (!t.spec.tags.isEmpty())
        html += row(tr("Tags"), t.spec.tags.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");
    if (t.error)
        html += heading(tr("Error")) + paragraph(t.error->message);
    return html;
}

QString TaskDetailWidget::settingsHtml(const Task &t) const
{
    QString html = heading(tr("Settings")) + QStringLiteral("<table>");
    html += row(tr("Swarm"), m_swarms.name(t.spec.swarmId));
    html += row(tr("Strategy"), t.spec.strategy ? t.spec.strategy->name : tr("the swarm's default"));
    html += row(tr("Priority"), QString::number(t.spec.priority));
    if (t.effectiveDeadlineMs != 0)
        html += row(tr("Deadline"), DisplayText::dateTime(t.effectiveDeadlineMs));
    html += row(tr("Budget"), t.spec.budgetUsd == 0 ? tr("unlimited") : DisplayText::money(t.spec.budgetUsd));
    html += row(tr("Attempts"), tr("%1 of at most %2").arg(t.attempt).arg(t.spec.retry.maxAttempts));
    html += row(tr("Created"), DisplayText::dateTime(t.createdMs));
    if (t.startedMs != 0)
        html += row(tr("Started"), DisplayText::dateTime(t.startedMs));
    if (t.finishedMs != 0)
        html += row(tr("Finished"),
                    tr("%1 (after %2)")
                        .arg(DisplayText::dateTime(t.finishedMs), DisplayText::duration(t.finishedMs - t.createdMs)));
    html += row(tr("Cost"), DisplayText::money(t.costUsd));
    if (!t.spec.idempotencyKey.isEmpty())
        html += row(tr("Idempotency key"), t.spec.idempotencyKey);
    return html + QStringLiteral("</table>");
}

QString TaskDetailWidget::timelineHtml(const Task &t) const
{
    QString html = heading(tr("Timeline"));
    if (m_historyIncomplete)
        html += paragraph(tr("Earlier changes are no longer kept by the backend; the times above and below are "
                             "what is known."));
    html += QStringLiteral("<table>");
    if (m_steps.isEmpty())
        html += row(DisplayText::time(t.createdMs), tr("accepted"));
    for (const Step &s : m_steps) {
        const bool accepted
            = s.change.from == TaskState::Queued && s.change.to == TaskState::Queued && s.change.attempt == 0;
        QString what = accepted ? tr("accepted")
                                : tr("attempt %1: %2 → %3")
                                      .arg(s.change.attempt)
                                      .arg(DisplayText::taskState(s.change.from), DisplayText::taskState(s.change.to));
        if (!s.change.cause.isEmpty() && s.change.cause != QLatin1StringView("accepted"))
            what += QStringLiteral(" — ") + s.change.cause;
        html += row(DisplayText::time(s.timeMs), what);
    }
    return html + QStringLiteral("</table>");
}

QString TaskDetailWidget::decisionHtml() const
{
    QString html = heading(tr("Decision"));
    if (!m_decision)
        return html
            + paragraph(m_task && isTerminal(m_task->state) ? tr("No decision was recorded.") : tr("Not decided yet."));
    const Decision &d = *m_decision;
    html += QStringLiteral("<table>");
    html += row(tr("Outcome"),
                d.outcome == DecisionOutcome::Decided ? tr("decided “%1”").arg(d.answer) : tr("no decision"));
    html += row(tr("Agreement"), DisplayText::percent(d.agreement));
    html += row(tr("Strategy"), d.strategy.name);
    html += row(tr("Attempt"), QString::number(d.attempt));
    html += row(tr("Decision id"), QString::number(d.id.value));
    if (!d.dissenters.isEmpty()) {
        QStringList names;
        for (AgentId a : d.dissenters)
            names.append(m_agentName ? m_agentName(a) : QString::number(a.value));
        html += row(tr("Dissenters"), names.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</table>");
    if (!d.explanation.isEmpty())
        html += paragraph(d.explanation);
    return html + votesHtml(d);
}

QString TaskDetailWidget::votesHtml(const Decision &d) const
{
    QString html;
    for (const Round &round : d.rounds) {
        html += QStringLiteral("<p style='margin-bottom:2px'><b>") + tr("Round %1").arg(round.index + 1).toHtmlEscaped()
            + QStringLiteral("</b></p><table cellspacing='0' cellpadding='2'>");
        for (const Vote &v : round.votes) {
            const QString agent = m_agentName ? m_agentName(v.agentId) : QString::number(v.agentId.value);
            const QString detail
                = tr("%1 “%2” · confidence %3 · weight %4 · %5 · %6 tokens · %7")
                      .arg(enumName(v.status).toString(), v.normalizedAnswer, QLocale().toString(v.confidence, 'f', 2),
                           QLocale().toString(v.weight, 'f', 2), DisplayText::duration(v.latencyMs))
                      .arg(v.promptTokens + v.completionTokens)
                      .arg(DisplayText::money(v.costUsd));
            html += row(agent, detail);
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

} // namespace QwenSwarm::Ui
