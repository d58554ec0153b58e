#include "dashboard/summarypage.h"

#include "dashboard/livesummary.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

namespace {

QString count(double value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

} // namespace

SummaryPage::SummaryPage(LiveSummary &summary, QWidget *parent)
    : QWidget(parent)
    , m_summary(summary)
{
    auto *layout = new QVBoxLayout(this);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(12);
    layout->addLayout(tiles);
    m_submitted = addTile(tiles, QStringLiteral("tile_submitted"), tr("Tasks submitted"), 0, 0);
    m_succeeded = addTile(tiles, QStringLiteral("tile_succeeded"), tr("Succeeded"), 0, 1);
    m_failed = addTile(tiles, QStringLiteral("tile_failed"), tr("Failed or timed out"), 0, 2);
    m_rate = addTile(tiles, QStringLiteral("tile_rate"), tr("Tasks per second"), 0, 3);
    m_running = addTile(tiles, QStringLiteral("tile_running"), tr("Running"), 1, 0);
    m_queued = addTile(tiles, QStringLiteral("tile_queued"), tr("Queued"), 1, 1);
    m_decisions = addTile(tiles, QStringLiteral("tile_decisions"), tr("Decisions"), 1, 2);
    m_agents = addTile(tiles, QStringLiteral("tile_agents"), tr("Agents working"), 1, 3);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("summary_error"));
    m_error->setStyleSheet(
        QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 6px; border-radius: 4px;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *recentCaption = new QLabel(tr("Newest decisions"), this);
    recentCaption->setStyleSheet(QStringLiteral("font-weight: 600; margin-top: 8px;"));
    layout->addWidget(recentCaption);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recent_decisions"));
    layout->addWidget(m_recent, 1);

    connect(&m_summary, &LiveSummary::changed, this, &SummaryPage::refresh);
    refresh();
}

QLabel *SummaryPage::addTile(QGridLayout *grid, const QString &name, const QString &caption, int row, int column)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *tileLayout = new QVBoxLayout(frame);
    auto *value = new QLabel(QStringLiteral("0"), frame);
    value->setObjectName(name);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    value->setFont(big);
    auto *label = new QLabel(caption, frame);
    label->setForegroundRole(QPalette::PlaceholderText);
    tileLayout->addWidget(value);
    tileLayout->addWidget(label);
    grid->addWidget(frame, row, column);
    return value;
}

QString SummaryPage::tileText(const QString &tileName) const
{
    const auto *tile = findChild<QLabel *>(tileName);
    return tile ? tile->text() : QString();
}

void SummaryPage::refresh()
{
    const LiveSummary::Counts &c = m_summary.counts();
    m_submitted->setText(count(c.submitted));
    m_succeeded->setText(count(c.succeeded));
    m_failed->setText(count(c.failed));
    m_running->setText(count(c.running));
    m_queued->setText(count(c.queued));
    m_decisions->setText(count(c.decisions));
    m_agents->setText(tr("%1 of %2").arg(count(c.agentsWorking), count(c.agentsTotal)));
    m_rate->setText(QLocale().toString(c.tasksPerSecond, 'f', 1));
    m_error->setVisible(!m_summary.lastError().isEmpty());
    m_error->setText(m_summary.lastError());

    m_recent->clear();
    for (const LiveSummary::RecentDecision &d : m_summary.recentDecisions()) {
        const QString text = d.decided ? tr("Task %1 — decided “%2” with %3% agreement")
                                             .arg(d.task.value)
                                             .arg(d.answer)
                                             .arg(QLocale().toString(d.agreement * 100, 'f', 0))
                                       : tr("Task %1 — no decision").arg(d.task.value);
        m_recent->addItem(text);
    }
}

} // namespace QwenSwarm::Ui
