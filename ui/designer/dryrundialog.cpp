#include "designer/dryrundialog.h"

#include "common/displaytext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

DryRunDialog::DryRunDialog(const Workflow &workflow, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTableWidget(0, 7, this))
{
    setObjectName(QStringLiteral("dry_run_dialog"));
    setWindowTitle(tr("Dry run of %1").arg(workflow.name));
    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Running the workflow on simulated agents, offline, approving every approval step. "
                          "Nothing is sent to a model provider."));
    layout->addWidget(m_summary);
    m_progress->setRange(0, 0);
    layout->addWidget(m_progress);
    m_table->setObjectName(QStringLiteral("dry_run_table"));
    m_table->setHorizontalHeaderLabels(
        {tr("Step"), tr("State"), tr("Tasks"), tr("Model calls"), tr("Tokens"), tr("Cost"), tr("Time")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->hide();
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

void DryRunDialog::setProgress(int stepsFinished, int steps)
{
    m_progress->setRange(0, steps);
    m_progress->setValue(stepsFinished);
    m_progress->setFormat(tr("%v of %m steps"));
}

void DryRunDialog::showEstimate(const RunEstimate &estimate)
{
    m_progress->hide();
    m_table->show();
    m_table->setRowCount(static_cast<int>(estimate.steps.size()) + 1);
    const auto row = [this](int r, const QStringList &cells) {
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    };
    for (int i = 0; i < estimate.steps.size(); ++i) {
        const StepEstimate &s = estimate.steps.at(i);
        row(i,
            {s.stepId, DisplayText::stepState(s.state), QString::number(s.tasks), QString::number(s.calls),
             DisplayText::count(double(s.promptTokens + s.completionTokens)), DisplayText::money(s.costUsd),
             DisplayText::duration(s.durationMs)});
    }
    row(static_cast<int>(estimate.steps.size()),
        {tr("Total"), DisplayText::runState(estimate.state), QString(), QString::number(estimate.calls),
         DisplayText::count(double(estimate.tokens)), DisplayText::money(estimate.costUsd),
         DisplayText::duration(estimate.durationMs)});
    m_table->resizeColumnsToContents();
    m_summary->setText(estimate.state == RunState::Succeeded
                           ? tr("Estimate from a dry run on simulated agents: %1 model calls, %2, about %3.")
                                 .arg(estimate.calls)
                                 .arg(DisplayText::money(estimate.costUsd), DisplayText::duration(estimate.durationMs))
                           : tr("The dry run ended %1: %2. The figures cover the steps it reached.")
                                 .arg(DisplayText::runState(estimate.state), estimate.stateReason));
}

void DryRunDialog::showError(const QString &message)
{
    m_progress->hide();
    m_summary->setText(tr("The dry run could not run: %1").arg(message));
}

QString DryRunDialog::summary() const
{
    return m_summary->text();
}

} // namespace QwenSwarm::Ui
