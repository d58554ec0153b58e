#pragma once

#include <api/decision.h>

#include <QWidget>

class QChart;
class QChartView;

namespace QwenSwarm::Ui {

class AnswerPalette;

/// A decision's per-round vote distribution (stacked bars, one colour per answer) and its agreement
/// over the rounds (the leader's share of the valid votes, with the strategy's required share as a
/// dashed line where it has one).
class DecisionChartsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DecisionChartsWidget(QWidget *parent = nullptr);

    void setDecision(const Api::Decision &decision, const AnswerPalette &palette);
    void setDark(bool dark);
    QChart *distributionChart() const;
    QChart *agreementChart() const;

private:
    QChartView *m_distribution;
    QChartView *m_agreement;
};

} // namespace QwenSwarm::Ui
