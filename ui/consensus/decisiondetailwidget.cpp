#include "consensus/decisiondetailwidget.h"

#include "common/displaytext.h"
#include "consensus/consensuswhy.h"
#include "consensus/decisionchartswidget.h"
#include "consensus/reputationchartwidget.h"
#include "consensus/voteanalysis.h"

#include <api/enumnames.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

DecisionDetailWidget::DecisionDetailWidget(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_flow(new QLabel(this))
    , m_raw(new QCheckBox(tr("Raw answers"), this))
    , m_right(new QPushButton(tr("✓ Right"), this))
    , m_wrong(new QPushButton(tr("✗ Wrong"), this))
    , m_feedback(new QLabel(this))
    , m_grid(new QTableWidget(this))
    , m_why(new QPlainTextEdit(this))
    , m_charts(new DecisionChartsWidget(this))
    , m_reputation(new ReputationChartWidget(backend, this))
{
    setObjectName(QStringLiteral("decision_detail"));
    m_grid->setObjectName(QStringLiteral("decision_grid"));
    m_why->setObjectName(QStringLiteral("decision_why"));
    m_why->setReadOnly(true);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setWordWrap(true);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_flow->setWordWrap(true);
    m_flow->setTextFormat(Qt::RichText);
    m_flow->setObjectName(QStringLiteral("decision_flow"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildHeader());
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_grid);
    auto *whyBox = new QWidget(top);
    auto *whyLayout = new QVBoxLayout(whyBox);
    whyLayout->setContentsMargins(0, 0, 0, 0);
    auto *whyTitle = new QLabel(tr("<b>Why</b>"), whyBox);
    whyLayout->addWidget(whyTitle);
    whyLayout->addWidget(m_why, 1);
    whyLayout->addWidget(m_flow);
    top->addWidget(whyBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_charts);
    bottom->addWidget(m_reputation);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_raw, &QCheckBox::toggled, this, [this] { fillGrid(); });
    connect(m_right, &QPushButton::clicked, this, [this] { giveFeedback(true); });
    connect(m_wrong, &QPushButton::clicked, this, [this] { giveFeedback(false); });
    render();
}

QWidget *DecisionDetailWidget::buildHeader()
{
    auto *header = new QWidget(this);
    auto *column = new QVBoxLayout(header);
    column->setContentsMargins(0, 0, 0, 0);
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_title);
    column->addWidget(m_summary);
    auto *row = new QHBoxLayout;
    m_raw->setObjectName(QStringLiteral("decision_show_raw"));
    m_right->setObjectName(QStringLiteral("decision_feedback_right"));
    m_wrong->setObjectName(QStringLiteral("decision_feedback_wrong"));
    m_right->setToolTip(tr("This decision was right: trust the agents that agreed with it more"));
    m_wrong->setToolTip(tr("This decision was wrong: trust the agents that agreed with it less"));
    row->addWidget(m_raw);
    row->addStretch(1);
    row->addWidget(m_feedback);
    row->addWidget(m_right);
    row->addWidget(m_wrong);
    column->addLayout(row);
    return header;
}

void DecisionDetailWidget::setCompact(bool compact)
{
    m_reputation->setVisible(!compact);
    m_right->setVisible(!compact);
    m_wrong->setVisible(!compact);
    m_feedback->setVisible(!compact);
}

void DecisionDetailWidget::setDark(bool dark)
{
    m_charts->setDark(dark);
    m_reputation->setDark(dark);
}

void DecisionDetailWidget::setShowRaw(bool raw)
{
    m_raw->setChecked(raw);
}

QString DecisionDetailWidget::whyText() const
{
    return m_why->toPlainText();
}

QString DecisionDetailWidget::summaryText() const
{
    return m_summary->text();
}

QString DecisionDetailWidget::flowText() const
{
    return m_flow->isVisible() || !m_flow->text().isEmpty() ? m_flow->text() : QString();
}

QString DecisionDetailWidget::agentName(AgentId id) const
{
    const auto it = m_agents.constFind(id);
    return it == m_agents.cend() ? QStringLiteral("#%1").arg(id.value) : it->spec.name;
}

void DecisionDetailWidget::showDecision(DecisionId id)
{
    const int request = ++m_request;
    m_backend.decision(id, this, [this, request, id](Result<Decision> decision) {
        if (request != m_request)
            return;
        if (!decision)
            return Q_EMIT failed(tr("Decision %1 cannot be read: %2").arg(id.value).arg(decision.error().message));
        setDecision(*decision);
    });
}

void DecisionDetailWidget::setDecision(const Decision &decision)
{
    const bool sameDecision = decision.id == m_decision.id;
    m_decision = decision;
    if (decision.swarmId != m_agentsOf)
        loadAgents(decision.swarmId);
    render();
    if (!sameDecision) {
        QList<std::pair<AgentId, QString>> agents;
        for (const Round &round : decision.rounds) {
            for (const Vote &vote : round.votes) {
                if (std::none_of(agents.cbegin(), agents.cend(),
                                 [&vote](const auto &a) { return a.first == vote.agentId; }))
                    agents.append({vote.agentId, agentName(vote.agentId)});
            }
        }
        if (!m_reputation->isHidden())
            m_reputation->setAgents(agents);
    }
    Q_EMIT decisionShown(decision.id);
}

void DecisionDetailWidget::loadAgents(SwarmId swarm)
{
    m_agentsOf = swarm;
    m_backend.listAgents(swarm, this, [this, swarm](Result<QList<Agent>> agents) {
        if (!agents || swarm != m_agentsOf)
            return;
        for (const Agent &a : *agents)
            m_agents.insert(a.id, a);
        render();
        QList<std::pair<AgentId, QString>> named;
        for (const Round &round : m_decision.rounds) {
            for (const Vote &vote : round.votes) {
                if (std::none_of(named.cbegin(), named.cend(),
                                 [&vote](const auto &a) { return a.first == vote.agentId; }))
                    named.append({vote.agentId, agentName(vote.agentId)});
            }
        }
        if (!m_reputation->isHidden())
            m_reputation->setAgents(named);
    });
}

void DecisionDetailWidget::render()
{
    const bool has = hasDecision();
    m_right->setEnabled(has && m_decision.outcome == DecisionOutcome::Decided);
    m_wrong->setEnabled(has);
    if (!has) {
        m_title->setText(tr("<i>Select a decision to see its rounds, votes and why.</i>"));
        m_summary->clear();
        m_why->clear();
        m_grid->clear();
        m_grid->setRowCount(0);
        m_grid->setColumnCount(0);
        m_flow->hide();
        return;
    }
    m_palette.clear();
    for (const auto &t : VoteAnalysis::tallies(m_decision)) {
        for (const auto &a : t.answers)
            m_palette.add(a.answer);
    }
    const QString params = m_decision.strategy.parameters.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(m_decision.strategy.parameters).toJson(QJsonDocument::Compact));
    m_title->setText(tr("<b>Decision #%1</b> · task #%2 · %3 <span style='color:gray'>%4</span> · %5")
                         .arg(m_decision.id.value)
                         .arg(m_decision.taskId.value)
                         .arg(m_decision.strategy.name.toHtmlEscaped(), params.toHtmlEscaped(),
                              DisplayText::dateTime(m_decision.createdMs)));
    fillSummary();
    fillGrid();
    fillFlow();
    m_why->setPlainText(ConsensusWhy::explain(m_decision, [this](AgentId id) { return agentName(id); }));
    m_charts->setDecision(m_decision, m_palette);
    if (m_decision.feedback) {
        m_feedback->setText(m_decision.feedback->correct ? tr("Marked right by %1").arg(m_decision.feedback->actor)
                                                         : tr("Marked wrong by %1").arg(m_decision.feedback->actor));
    } else {
        m_feedback->setText(tr("Was this decision right?"));
    }
}

void DecisionDetailWidget::fillSummary()
{
    QString text;
    if (m_decision.outcome == DecisionOutcome::Decided) {
        const QColor c = m_palette.color(m_decision.answer);
        text = tr("Winner <b style='color:%1'>'%2'</b> · agreement %3 · rule: %4")
                   .arg(c.name(), m_decision.answer.toHtmlEscaped(), DisplayText::percent(m_decision.agreement),
                        VoteAnalysis::ruleText(m_decision).toHtmlEscaped());
    } else {
        text = tr("<b style='color:#c00'>No decision</b> · rule: %1")
                   .arg(VoteAnalysis::ruleText(m_decision).toHtmlEscaped());
    }
    if (!m_decision.dissenters.isEmpty()) {
        QStringList names;
        for (AgentId id : m_decision.dissenters)
            names << agentName(id).toHtmlEscaped();
        text += tr(" · <span style='color:#c00'>dissenters: %1</span>").arg(names.join(QStringLiteral(", ")));
    }
    if (m_decision.strategy.name == QLatin1StringView("byzantine")) {
        const VoteAnalysis::Byzantine b = VoteAnalysis::byzantine(m_decision);
        text += tr("<br>Byzantine: n = %1, f = %2, 2f+1 = %3; counted toward it: %4 (marked ✓)")
                    .arg(b.n)
                    .arg(b.f)
                    .arg(b.needed)
                    .arg(b.countedForWinner.size());
    }
    m_summary->setText(text);
}

void DecisionDetailWidget::fillGrid()
{
    m_grid->clear();
    QList<AgentId> rows;
    for (const Round &round : m_decision.rounds) {
        for (const Vote &vote : round.votes) {
            if (!rows.contains(vote.agentId))
                rows.append(vote.agentId);
        }
    }
    m_grid->setRowCount(int(rows.size()));
    m_grid->setColumnCount(int(m_decision.rounds.size()));
    const bool byzantine = m_decision.strategy.name == QLatin1StringView("byzantine");
    const QList<AgentId> counted = byzantine ? VoteAnalysis::byzantine(m_decision).countedForWinner : QList<AgentId>();
    const bool raw = m_raw->isChecked();
    for (int c = 0; c < m_decision.rounds.size(); ++c) {
        const Round &round = m_decision.rounds.at(c);
        const bool last = c == m_decision.rounds.size() - 1;
        m_grid->setHorizontalHeaderItem(c, new QTableWidgetItem(tr("Round %1").arg(round.index + 1)));
        for (const Vote &vote : round.votes) {
            const int r = int(rows.indexOf(vote.agentId));
            const bool valid = vote.status == VoteStatus::Valid;
            QString answer = raw ? vote.rawAnswer : valid ? vote.normalizedAnswer : QString();
            if (!valid && !raw)
                answer = QStringLiteral("— %1").arg(enumName(vote.status).toString().replace(u'_', u' '));
            QString text = answer
                + QStringLiteral("\nw %1 · c %2")
                      .arg(QString::number(vote.weight, 'f', 2), QString::number(vote.confidence, 'f', 2));
            if (last && byzantine && valid && counted.contains(vote.agentId))
                text += QStringLiteral(" · ✓ 2f+1");
            auto *item = new QTableWidgetItem(text);
            item->setData(NormalizedRole, vote.normalizedAnswer);
            item->setData(RawRole, vote.rawAnswer);
            item->setData(WeightRole, vote.weight);
            item->setData(ConfidenceRole, vote.confidence);
            item->setData(StatusRole, int(vote.status));
            item->setToolTip(tr("Raw answer:\n%1\n\nRationale: %2\n%3 ms · %4 + %5 tokens · %6")
                                 .arg(vote.rawAnswer, vote.rationale.isEmpty() ? tr("(none)") : vote.rationale)
                                 .arg(vote.latencyMs)
                                 .arg(vote.promptTokens)
                                 .arg(vote.completionTokens)
                                 .arg(DisplayText::money(vote.costUsd)));
            if (valid) {
                QColor back = m_palette.color(vote.normalizedAnswer);
                back.setAlpha(70);
                item->setBackground(back);
            } else {
                item->setForeground(QColor(128, 128, 128));
            }
            if (last && m_decision.outcome == DecisionOutcome::Decided && valid
                && vote.normalizedAnswer == m_decision.answer) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            if (r >= 0)
                m_grid->setItem(r, c, item);
        }
    }
    for (int r = 0; r < rows.size(); ++r) {
        const AgentId id = rows.at(r);
        const bool dissent = m_decision.dissenters.contains(id);
        const auto agent = m_agents.constFind(id);
        const QString role = agent == m_agents.cend() ? QString() : DisplayText::agentRole(agent->spec.role);
        auto *header = new QTableWidgetItem((dissent ? QStringLiteral("⚠ ") : QString()) + agentName(id)
                                            + (role.isEmpty() ? QString() : QStringLiteral("\n") + role));
        header->setData(AgentIdRole, id.value);
        if (dissent) {
            header->setForeground(QColor(200, 0, 0));
            header->setToolTip(tr("Dissenter: voted for another answer than the decided one"));
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
        }
        m_grid->setVerticalHeaderItem(r, header);
    }
}

void DecisionDetailWidget::fillFlow()
{
    if (m_decision.strategy.name != QLatin1StringView("judge") || m_decision.rounds.isEmpty()) {
        m_flow->clear();
        m_flow->hide();
        return;
    }
    auto cell = [this](const Vote &v) {
        const QString answer
            = v.status == VoteStatus::Valid ? v.normalizedAnswer : enumName(v.status).toString().replace(u'_', u' ');
        return QStringLiteral("%1: <span style='color:%2'>'%3'</span>")
            .arg(agentName(v.agentId).toHtmlEscaped(), m_palette.color(v.normalizedAnswer).name(),
                 answer.toHtmlEscaped());
    };
    QStringList stages;
    for (qsizetype i = 0; i < m_decision.rounds.size(); ++i) {
        QStringList votes;
        for (const Vote &v : m_decision.rounds[i].votes)
            votes << cell(v);
        const bool judges = i == m_decision.rounds.size() - 1 && m_decision.rounds.size() > 1;
        stages << QStringLiteral("<b>%1</b> %2")
                      .arg(judges       ? tr("Judge(s)")
                               : i == 0 ? tr("Proposers")
                                        : tr("Refined (layer %1)").arg(i),
                           votes.join(QStringLiteral(", ")));
    }
    m_flow->setText(tr("<b>Flow</b><br>") + stages.join(QStringLiteral("<br>&nbsp;&nbsp;⟶ ")));
    m_flow->show();
}

void DecisionDetailWidget::giveFeedback(bool correct)
{
    if (!hasDecision())
        return;
    DecisionFeedback feedback;
    feedback.correct = correct;
    feedback.note = tr("from the consensus view");
    const DecisionId id = m_decision.id;
    m_right->setEnabled(false);
    m_wrong->setEnabled(false);
    m_backend.giveFeedback(id, feedback, this, [this, id](Result<Decision> decision) {
        if (!decision) {
            render();
            return Q_EMIT failed(tr("Feedback was not recorded: %1").arg(decision.error().message));
        }
        if (decision->id == m_decision.id) {
            m_decision = *decision;
            render();
            m_reputation->reload();
        }
        Q_EMIT feedbackRecorded(id);
    });
}

} // namespace QwenSwarm::Ui
