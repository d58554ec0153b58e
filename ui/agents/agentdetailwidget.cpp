#include "agents/agentdetailwidget.h"

#include "agents/agentsmodel.h"
#include "common/displaytext.h"
#include "common/swarmdirectory.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

QString row(const QString &label, const QString &value)
{
    return QString(QStringLiteral("<tr><td style='padding-right:12px; color:gray'>") + label.toHtmlEscaped()
                   + QStringLiteral("</td><td>") + value.toHtmlEscaped() + QStringLiteral("</td></tr>"));
}

QString heading(const QString &text)
{
    return QString(QStringLiteral("<h4 style='margin-top:12px; margin-bottom:4px'>") + text.toHtmlEscaped()
                   + QStringLiteral("</h4>"));
}

} // namespace

AgentDetailWidget::AgentDetailWidget(Backend &backend, const AgentsModel &agents, SwarmDirectory &swarms,
                                     QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_agents(agents)
    , m_swarms(swarms)
    , m_title(new QLabel(this))
    , m_body(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("agent_detail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_body->setOpenLinks(false);
    layout->addWidget(m_body, 1);
    connect(&m_agents, &AgentsModel::agentChanged, this, [this](AgentId id) {
        if (id == m_agent)
            render();
    });
    m_reputationTimer.setInterval(5000);
    connect(&m_reputationTimer, &QTimer::timeout, this, &AgentDetailWidget::loadReputations);
    showAgent({});
}

void AgentDetailWidget::showAgent(AgentId id)
{
    if (id != m_agent) {
        m_reputations.clear();
        m_reputationsLoaded = false;
        m_reputationError.clear();
    }
    m_agent = id;
    render();
    if (id.isValid()) {
        loadReputations();
        m_reputationTimer.start();
    } else {
        m_reputationTimer.stop();
    }
}

QString AgentDetailWidget::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->toPlainText();
}

void AgentDetailWidget::loadReputations()
{
    const AgentId id = m_agent;
    m_backend.reputations(id, this, [this, id](Result<QList<Reputation>> reputations) {
        if (id != m_agent)
            return;
        m_reputationsLoaded = true;
        if (!reputations) {
            m_reputationError = reputations.error().message;
        } else {
            m_reputationError.clear();
            m_reputations = reputations.value();
            std::sort(m_reputations.begin(), m_reputations.end(),
                      [](const Reputation &a, const Reputation &b) { return a.tag < b.tag; });
        }
        render();
    });
}

void AgentDetailWidget::render()
{
    const Agent *agent = m_agents.agent(m_agent);
    if (!agent) {
        m_title->setText(m_agent.isValid() ? tr("Agent %1 (removed)").arg(m_agent.value) : tr("No agent selected"));
        m_body->setHtml(m_agent.isValid() ? QString() : tr("<p>Select an agent to see its details.</p>"));
        return;
    }
    m_title->setText(tr("%1 — %2").arg(agent->spec.name, DisplayText::agentState(agent->state)));
    const int scroll = m_body->verticalScrollBar()->value(); // a refresh must not jump to the top
    m_body->setHtml(sectionHtml(*agent) + reputationHtml() + historyHtml(*agent));
    m_body->verticalScrollBar()->setValue(scroll);
}

QString AgentDetailWidget::sectionHtml(const Agent &a) const
{
    QString html = QStringLiteral("<table>");
    html += row(tr("Id"), QString::number(a.id.value));
    html += row(tr("Swarm"), m_swarms.name(a.swarmId));
    html += row(tr("Role"), DisplayText::agentRole(a.spec.role));
    html += row(tr("State"),
                tr("%1 since %2").arg(DisplayText::agentState(a.state), DisplayText::dateTime(a.stateSinceMs)));
    if (!a.stateReason.isEmpty())
        html += row(tr("Reason"), a.stateReason);
    html += row(tr("Provider"), a.spec.provider);
    html += row(tr("Model"), a.spec.model);
    html += row(tr("Parameters"), QString::fromUtf8(QJsonDocument(a.spec.parameters).toJson(QJsonDocument::Compact)));
    html += row(tr("Tags"), a.spec.tags.join(QStringLiteral(", ")));
    html += row(
        tr("Limits"),
        tr("%1 concurrent calls, budget %2")
            .arg(a.spec.limits.maxConcurrency == 0 ? tr("unlimited") : QString::number(a.spec.limits.maxConcurrency))
            .arg(a.spec.limits.budgetUsd == 0 ? tr("unlimited") : DisplayText::money(a.spec.limits.budgetUsd)));
    html += row(tr("Calls"),
                tr("%1 (%2 errors, %3 in flight)")
                    .arg(DisplayText::count(double(a.stats.calls)))
                    .arg(DisplayText::count(double(a.stats.errors)))
                    .arg(a.stats.inFlight));
    html += row(tr("Tokens"),
                tr("%1 prompt, %2 completion")
                    .arg(DisplayText::count(double(a.stats.promptTokens)),
                         DisplayText::count(double(a.stats.completionTokens))));
    html += row(tr("Cost"), DisplayText::money(a.stats.costUsd));
    html += row(tr("Created"), DisplayText::dateTime(a.createdMs));
    html += QStringLiteral("</table>");
    if (!a.spec.systemPrompt.isEmpty())
        html += heading(tr("System prompt")) + QStringLiteral("<pre>") + a.spec.systemPrompt.toHtmlEscaped()
            + QStringLiteral("</pre>");
    return html;
}

QString AgentDetailWidget::reputationHtml() const
{
    QString html = heading(tr("Reputation"));
    if (!m_reputationError.isEmpty())
        return html + tr("<p>Cannot be read: %1</p>").arg(m_reputationError.toHtmlEscaped());
    if (!m_reputationsLoaded)
        return html + tr("<p>Loading…</p>");
    if (m_reputations.isEmpty())
        return html + tr("<p>Nothing learned yet.</p>");
    html += QStringLiteral("<table>");
    for (const Reputation &r : m_reputations) {
        const QString value = tr("%1 right (Beta %2, %3; %n update(s))", nullptr, int(r.updates))
                                  .arg(DisplayText::percent(r.mean()), QLocale().toString(r.alpha, 'f', 1),
                                       QLocale().toString(r.beta, 'f', 1));
        html += row(r.tag.isEmpty() ? tr("overall") : tr("tag “%1”").arg(r.tag), value);
    }
    return html + QStringLiteral("</table>");
}

QString AgentDetailWidget::historyHtml(const Agent &a) const
{
    QString html = heading(tr("State history (since this page opened)"));
    const QList<AgentsModel::Transition> history = m_agents.history(a.id);
    const int flips = m_agents.idleBusyFlips(a.id);
    if (history.isEmpty())
        html += tr("<p>No lifecycle change seen yet.</p>");
    html += QStringLiteral("<table>");
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const QString change = tr("%1 → %2").arg(DisplayText::agentState(it->from), DisplayText::agentState(it->to));
        html += row(DisplayText::time(it->timeMs),
                    it->cause.isEmpty() ? change : QString(change + QStringLiteral(" — ") + it->cause));
    }
    html += QStringLiteral("</table>");
    if (flips > 0)
        html += tr("<p>Plus %n idle ⇄ busy change(s) as calls started and finished.</p>", nullptr, flips);
    return html;
}

} // namespace QwenSwarm::Ui
