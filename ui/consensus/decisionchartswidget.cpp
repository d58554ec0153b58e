#include "consensus/decisionchartswidget.h"

#include "consensus/answerpalette.h"
#include "consensus/voteanalysis.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

QChartView *makeView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(190);
    return view;
}

} // namespace

DecisionChartsWidget::DecisionChartsWidget(QWidget *parent)
    : QWidget(parent)
    , m_distribution(makeView(tr("Votes per round"), this))
    , m_agreement(makeView(tr("Agreement over rounds"), this))
{
    m_distribution->setObjectName(QStringLiteral("decision_distribution_chart"));
    m_agreement->setObjectName(QStringLiteral("decision_agreement_chart"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_distribution, 3);
    row->addWidget(m_agreement, 2);
}

QChart *DecisionChartsWidget::distributionChart() const
{
    return m_distribution->chart();
}

QChart *DecisionChartsWidget::agreementChart() const
{
    return m_agreement->chart();
}

void DecisionChartsWidget::setDark(bool dark)
{
    const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    m_distribution->chart()->setTheme(theme);
    m_agreement->chart()->setTheme(theme);
}

void DecisionChartsWidget::setDecision(const Decision &decision, const AnswerPalette &palette)
{
    QChart *bars = m_distribution->chart();
    bars->removeAllSeries();
    for (QAbstractAxis *axis : bars->axes()) {
        bars->removeAxis(axis);
        delete axis; // removeAxis() hands the axis back to its caller
    }
    const QList<VoteAnalysis::RoundTally> tallies = VoteAnalysis::tallies(decision);
    auto *stacked = new QStackedBarSeries;
    QStringList categories;
    for (const auto &t : tallies)
        categories << tr("R%1").arg(t.index + 1);
    int maxVotes = 1;
    for (const QString &answer : palette.answers()) {
        auto *set = new QBarSet(answer.size() > 18 ? answer.left(17) + QChar(0x2026) : answer);
        set->setColor(palette.color(answer));
        for (const auto &t : tallies) {
            int votes = 0;
            for (const auto &a : t.answers) {
                if (a.answer == answer)
                    votes = a.votes;
            }
            *set << votes;
        }
        stacked->append(set);
    }
    for (const auto &t : tallies)
        maxVotes = std::max(maxVotes, t.validVotes);
    bars->addSeries(stacked);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(0, maxVotes);
    y->setTickCount(std::min(maxVotes, 10) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    bars->addAxis(x, Qt::AlignBottom);
    bars->addAxis(y, Qt::AlignLeft);
    stacked->attachAxis(x);
    stacked->attachAxis(y);

    QChart *line = m_agreement->chart();
    line->removeAllSeries();
    for (QAbstractAxis *axis : line->axes()) {
        line->removeAxis(axis);
        delete axis; // removeAxis() hands the axis back to its caller
    }
    auto *agreement = new QLineSeries;
    agreement->setName(tr("leader's share"));
    agreement->setPointsVisible(true);
    for (const auto &t : tallies)
        agreement->append(t.index + 1, t.answers.isEmpty() ? 0 : t.shareOf(0) * 100);
    line->addSeries(agreement);
    auto *rx = new QCategoryAxis;
    rx->setRange(0.5, double(std::max<qsizetype>(tallies.size(), 1)) + 0.5);
    rx->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (const auto &t : tallies)
        rx->append(tr("R%1").arg(t.index + 1), t.index + 1);
    auto *ry = new QValueAxis;
    ry->setRange(0, 100);
    ry->setLabelFormat(QStringLiteral("%d%%"));
    line->addAxis(rx, Qt::AlignBottom);
    line->addAxis(ry, Qt::AlignLeft);
    agreement->attachAxis(rx);
    agreement->attachAxis(ry);
    const double required = VoteAnalysis::requiredShare(decision);
    if (required >= 0) {
        auto *threshold = new QLineSeries;
        threshold->setName(tr("required"));
        threshold->append(0.5, required * 100);
        threshold->append(std::max<qsizetype>(tallies.size(), 1) + 0.5, required * 100);
        QPen pen(QColor(200, 60, 60));
        pen.setStyle(Qt::DashLine);
        threshold->setPen(pen);
        line->addSeries(threshold);
        threshold->attachAxis(rx);
        threshold->attachAxis(ry);
    }
}

} // namespace QwenSwarm::Ui
