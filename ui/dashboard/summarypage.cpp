#include "dashboard/summarypage.h"

#include "dashboard/livesummary.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
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
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tiles = new QGridLayout;
    tiles->setContentsMargins(0, 0, 0, 0);
    tiles->setSpacing(6);
    layout->addLayout(tiles);
    m_submitted = addTile(tiles, QStringLiteral("tile_submitted"), tr("Tasks submitted"), 0);
    m_succeeded = addTile(tiles, QStringLiteral("tile_succeeded"), tr("Succeeded"), 1);
    m_failed = addTile(tiles, QStringLiteral("tile_failed"), tr("Failed or timed out"), 2);
    m_rate = addTile(tiles, QStringLiteral("tile_rate"), tr("Tasks per second"), 3);
    m_running = addTile(tiles, QStringLiteral("tile_running"), tr("Running"), 4);
    m_queued = addTile(tiles, QStringLiteral("tile_queued"), tr("Queued"), 5);
    m_decisions = addTile(tiles, QStringLiteral("tile_decisions"), tr("Decisions"), 6);
    m_agents = addTile(tiles, QStringLiteral("tile_agents"), tr("Agents working"), 7);

    connect(&m_summary, &LiveSummary::changed, this, &SummaryPage::refresh);
    refresh();
}

QLabel *SummaryPage::addTile(QGridLayout *grid, const QString &name, const QString &caption, int column)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    auto *tileLayout = new QVBoxLayout(frame);
    tileLayout->setContentsMargins(10, 6, 10, 6);
    tileLayout->setSpacing(0);
    auto *value = new QLabel(QStringLiteral("0"), frame);
    value->setObjectName(name);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    auto *label = new QLabel(caption, frame);
    label->setForegroundRole(QPalette::PlaceholderText);
    tileLayout->addWidget(value);
    tileLayout->addWidget(label);
    grid->addWidget(frame, 0, column);
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
}

} // namespace QwenSwarm::Ui
