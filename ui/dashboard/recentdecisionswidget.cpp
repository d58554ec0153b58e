#include "dashboard/recentdecisionswidget.h"

#include "dashboard/livesummary.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

RecentDecisionsWidget::RecentDecisionsWidget(LiveSummary &summary, QWidget *parent)
    : QWidget(parent)
    , m_summary(summary)
    , m_list(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *caption = new QLabel(tr("Newest decisions"), this);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    caption->setAlignment(Qt::AlignHCenter);
    layout->addWidget(caption);
    m_list->setObjectName(QStringLiteral("recent_decisions"));
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_list, 1);
    connect(&m_summary, &LiveSummary::changed, this, &RecentDecisionsWidget::refresh);
    refresh();
}

void RecentDecisionsWidget::refresh()
{
    const QList<LiveSummary::RecentDecision> &recent = m_summary.recentDecisions();
    while (m_list->count() > recent.size())
        delete m_list->takeItem(m_list->count() - 1);
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const LiveSummary::RecentDecision &d = recent.at(i);
        const QString text = d.decided ? tr("Task %1 — decided “%2” with %3% agreement")
                                             .arg(d.task.value)
                                             .arg(d.answer)
                                             .arg(QLocale().toString(d.agreement * 100, 'f', 0))
                                       : tr("Task %1 — no decision").arg(d.task.value);
        if (i < m_list->count())
            m_list->item(int(i))->setText(text); // reuse the items: no flicker, no churn
        else
            m_list->addItem(text);
    }
}

} // namespace QwenSwarm::Ui
