#pragma once

#include <api/workflow.h>

#include <QDialog>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace QwenSwarm::Ui {

/// What a dry run of a workflow estimates, step by step: it shows the dry run's progress while it
/// runs (Cancel closes it and stops the dry run with it), then each step's tasks, model calls,
/// tokens, cost and time, and the totals.
class DryRunDialog : public QDialog
{
    Q_OBJECT

public:
    DryRunDialog(const Api::Workflow &workflow, QWidget *parent = nullptr);

    void setProgress(int stepsFinished, int steps);
    void showEstimate(const Api::RunEstimate &estimate);
    void showError(const QString &message);

    QTableWidget *table() const { return m_table; }
    QString summary() const;

private:
    QLabel *m_summary;
    QProgressBar *m_progress;
    QTableWidget *m_table;
};

} // namespace QwenSwarm::Ui
