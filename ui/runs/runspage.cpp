#include "runs/runspage.h"

#include "common/bannerwidget.h"
#include "common/displaytext.h"
#include "common/erroradvice.h"
#include "reports/reportexportdialog.h"
#include "runs/approvaldialog.h"
#include "runs/runsmodel.h"

#include <api/jsonworkflow.h>

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

enum StepColumn
{
    StepIdColumn,
    StepKindColumn,
    StepStateColumn,
    StepTasksColumn,
    StepAgreementColumn,
    StepCostColumn,
    StepOutputColumn,
    StepColumnCount,
};

QString outputPreview(const QJsonValue &output)
{
    if (output.isArray()) {
        QStringList parts;
        for (const QJsonValue &element : output.toArray())
            parts.append(element.toString());
        return parts.join(QStringLiteral(" · "));
    }
    return output.toString().simplified();
}

Result<Workflow> readWorkflow(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("RunsPage", "%1 cannot be read: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (!json.isObject())
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("RunsPage", "%1 is not a workflow file: %2")
                .arg(path,
                     error.error == QJsonParseError::NoError ? QStringLiteral("not an object") : error.errorString()));
    return workflowFromJson(json.object());
}

} // namespace

RunsPage::RunsPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new RunsModel(backend, 200, this))
    , m_banner(new BannerWidget(this))
    , m_view(new QTableView(this))
    , m_steps(new QTableWidget(0, StepColumnCount, this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("runs_page"));
    createActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions(pageActions());
    layout->addWidget(toolbar);

    m_view->setObjectName(QStringLiteral("runs_view"));
    m_view->setAccessibleName(tr("Workflow runs"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_pause, m_resume, m_cancel, m_report});

    m_steps->setObjectName(QStringLiteral("run_steps_view"));
    m_steps->setAccessibleName(tr("Steps of the selected run"));
    m_steps->setHorizontalHeaderLabels(
        {tr("Step"), tr("Kind"), tr("State"), tr("Tasks"), tr("Agreement"), tr("Cost"), tr("Output")});
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setWordWrap(false);
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_steps->addActions({m_approve, m_retry});

    m_detail->setObjectName(QStringLiteral("run_step_detail"));
    m_detail->setAccessibleName(tr("The selected step"));
    m_detail->setReadOnly(true);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_steps);
    lower->addWidget(m_detail);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(lower);
    layout->addWidget(split, 1);

    connect(m_model, &RunsModel::failed, m_banner, &BannerWidget::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
        if (m_select.isValid())
            selectRun(m_select);
    });
    // A page holds a few hundred runs at most: fitting the columns to new rows is cheap.
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTableView::resizeColumnsToContents);
    connect(m_model, &RunsModel::runChanged, this, [this](RunId id) {
        if (id == m_select && selectedRun() != id)
            selectRun(id);
        if (id == selectedRun())
            showSteps();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::runSelectionChanged);
    connect(m_steps, &QTableWidget::itemSelectionChanged, this, [this] {
        showStepDetail();
        updateActions();
    });
    connect(m_steps, &QTableWidget::cellDoubleClicked, this, [this] { openApprovalDialog(); });
    connect(&m_reading, &QFutureWatcher<Result<Workflow>>::finished, this, [this] {
        const Result<Workflow> workflow = m_reading.result();
        if (!workflow)
            return m_banner->showError(ErrorAdvice::describe(workflow.error()));
        askInputsAndStart(*workflow);
    });
    updateActions();
}

void RunsPage::createActions()
{
    auto add = [this](const QString &text, const char *name, const char *shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(QLatin1StringView(shortcut)));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_start = add(tr("&Run workflow file…"), "action_run_workflow_file", "Alt+Shift+N", [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Run workflow file"), {},
                                                          tr("Workflow files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openWorkflowFile(path);
    });
    m_approve
        = add(tr("&Approve, edit or reject…"), "action_approve_step", "Alt+Shift+V", [this] { openApprovalDialog(); });
    m_pause = add(tr("&Pause run"), "action_pause_run", "Alt+Shift+P", [this] { command(RunCommand::Pause); });
    m_resume = add(tr("Res&ume run"), "action_resume_run", "Alt+Shift+U", [this] { command(RunCommand::Resume); });
    m_cancel = add(tr("&Cancel run"), "action_cancel_run", "Alt+Shift+K", [this] { command(RunCommand::Cancel); });
    m_retry = add(tr("Re&try from step"), "action_retry_run_step", "Alt+Shift+Y", [this] { retrySelectedStep(); });
    m_report = add(tr("&Export report…"), "action_export_run_report", "Alt+Shift+O", [this] { openReportDialog(); });
    m_refresh = add(tr("Re&fresh runs"), "action_refresh_runs", "Alt+Shift+F", [this] { m_model->reload(); });
}

QList<QAction *> RunsPage::pageActions() const
{
    return {m_start, m_approve, m_pause, m_resume, m_cancel, m_retry, m_report, m_refresh};
}

void RunsPage::start()
{
    m_model->start();
}

void RunsPage::selectRun(RunId id)
{
    m_select = id;
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

RunId RunsPage::selectedRun() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? RunId() : RunId(rows.constFirst().data(RunsModel::IdRole).toULongLong());
}

void RunsPage::selectStep(const QString &stepId)
{
    for (int row = 0; row < m_steps->rowCount(); ++row) {
        if (m_steps->item(row, StepIdColumn)->text() == stepId)
            return m_steps->selectRow(row);
    }
}

QString RunsPage::selectedStep() const
{
    const QList<QTableWidgetItem *> items = m_steps->selectedItems();
    return items.isEmpty() ? QString() : m_steps->item(items.constFirst()->row(), StepIdColumn)->text();
}

const Run *RunsPage::currentRun() const
{
    return m_model->run(selectedRun());
}

const StepRun *RunsPage::currentStep() const
{
    const Run *run = currentRun();
    return run ? run->step(selectedStep()) : nullptr;
}

QString RunsPage::stepDetail() const
{
    return m_detail->toPlainText();
}

void RunsPage::runSelectionChanged()
{
    if (const RunId id = selectedRun(); id.isValid())
        m_select = id;
    showSteps();
}

void RunsPage::showSteps()
{
    const Run *run = currentRun();
    const QString keep = selectedStep();
    const QSignalBlocker quiet(m_steps);
    m_steps->setRowCount(run ? static_cast<int>(run->steps.size()) : 0);
    for (int row = 0; run && row < run->steps.size(); ++row) {
        const StepRun &step = run->steps.at(row);
        const WorkflowStep *definition = run->workflow.step(step.stepId);
        const bool approval = definition && definition->kind == StepKind::Approval;
        const bool map = definition && definition->map.has_value();
        const QString cells[StepColumnCount] = {
            step.stepId,
            approval  ? tr("approval")
                : map ? tr("task (map)")
                      : tr("task"),
            DisplayText::stepState(step.state),
            QString::number(step.taskIds.size()),
            approval || step.state != StepState::Succeeded ? QString() : DisplayText::percent(step.agreement),
            approval || step.state == StepState::Pending ? QString() : DisplayText::money(step.costUsd),
            outputPreview(step.output),
        };
        for (int column = 0; column < StepColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == StepStateColumn && step.state == StepState::AwaitingApproval)
                item->setForeground(QColor(0xc7, 0x7c, 0x02));
            if (column == StepStateColumn && step.state == StepState::Failed)
                item->setForeground(QColor(0xd9, 0x3f, 0x36));
            m_steps->setItem(row, column, item);
        }
    }
    m_steps->resizeColumnsToContents();
    m_steps->horizontalHeader()->setSectionResizeMode(StepOutputColumn, QHeaderView::Stretch);
    if (!keep.isEmpty())
        selectStep(keep);
    showStepDetail();
    updateActions();
}

void RunsPage::showStepDetail()
{
    const Run *run = currentRun();
    const StepRun *step = currentStep();
    if (!run) {
        m_detail->clear();
        return;
    }
    QStringList lines;
    if (!step) {
        lines << tr("Run %1 of %2: %3").arg(run->id.value).arg(run->workflow.name, DisplayText::runState(run->state));
        if (!run->stateReason.isEmpty())
            lines << run->stateReason;
        if (!run->outputs.isEmpty())
            lines << QString() << tr("Outputs:")
                  << QString::fromUtf8(QJsonDocument(run->outputs).toJson(QJsonDocument::Indented));
        lines << QString() << tr("Inputs:")
              << QString::fromUtf8(QJsonDocument(run->inputs).toJson(QJsonDocument::Indented));
    } else {
        lines << tr("Step %1: %2").arg(step->stepId, DisplayText::stepState(step->state));
        if (!step->reason.isEmpty())
            lines << step->reason;
        if (!step->taskIds.isEmpty()) {
            QStringList ids;
            for (TaskId id : step->taskIds)
                ids << QString::number(id.value);
            lines << tr("Tasks: %1").arg(ids.join(QStringLiteral(", ")));
        }
        if (step->generation > 0)
            lines << tr("Run again %n time(s)", nullptr, step->generation);
        if (!step->output.isNull()) {
            lines << QString() << tr("Output:");
            lines << (step->output.isArray() ? QString::fromUtf8(QJsonDocument(step->output.toArray()).toJson())
                                             : step->output.toString());
        }
    }
    m_detail->setPlainText(lines.join(u'\n'));
}

void RunsPage::updateActions()
{
    const Run *run = currentRun();
    const StepRun *step = currentStep();
    const bool unfinished = run && !isTerminal(run->state);
    m_pause->setEnabled(unfinished && run->state != RunState::Paused);
    m_resume->setEnabled(run && run->state == RunState::Paused);
    m_cancel->setEnabled(unfinished);
    m_retry->setEnabled(run && isTerminal(run->state) && step);
    m_approve->setEnabled(step && step->state == StepState::AwaitingApproval);
    m_report->setEnabled(run != nullptr);
}

void RunsPage::answered(const Result<Run> &run, const QString &done)
{
    if (!run)
        return m_banner->showError(ErrorAdvice::describe(run.error()));
    m_model->update(*run);
    Q_EMIT statusMessage(done);
}

void RunsPage::openWorkflowFile(const QString &path)
{
    m_reading.setFuture(QtConcurrent::run([path] { return readWorkflow(path); }));
}

RunInputsDialog *RunsPage::askInputsAndStart(const Workflow &workflow)
{
    auto *dialog = new RunInputsDialog(workflow, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, workflow] {
        m_backend.startRun(RunSpec {workflow, dialog->inputs(), {}}, this, [this](Result<Run> run) {
            answered(run, run ? tr("Run %1 started").arg(run->id.value) : QString());
            if (run) {
                selectRun(run->id);
                Q_EMIT runStarted(run->id);
            }
        });
    });
    dialog->open();
    return dialog;
}

ApprovalDialog *RunsPage::openApprovalDialog()
{
    const Run *run = currentRun();
    const StepRun *step = currentStep();
    if (!run || !step || step->state != StepState::AwaitingApproval)
        return nullptr;
    auto *dialog = new ApprovalDialog(*run, step->stepId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const RunId id = run->id;
    const QString stepId = step->stepId;
    connect(dialog, &ApprovalDialog::decided, this, [this, id, stepId](const Approval &approval) {
        m_backend.approveStep(id, stepId, approval, this, [this, stepId](Result<Run> decided) {
            answered(decided, tr("Step %1 decided").arg(stepId));
        });
    });
    dialog->open();
    return dialog;
}

ReportExportDialog *RunsPage::openReportDialog()
{
    const RunId id = selectedRun();
    if (!id.isValid())
        return nullptr;
    auto *dialog = new ReportExportDialog(m_backend, ReportSubject::forRun(id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReportExportDialog::exported, this,
            [this](const QString &path) { Q_EMIT statusMessage(tr("Report written to %1").arg(path)); });
    dialog->open();
    return dialog;
}

void RunsPage::command(RunCommand command)
{
    const RunId id = selectedRun();
    if (!id.isValid())
        return;
    m_backend.commandRun(id, command, {}, this, [this, id](Result<Run> run) {
        answered(run, run ? tr("Run %1 is %2").arg(id.value).arg(DisplayText::runState(run->state)) : QString());
    });
}

void RunsPage::retrySelectedStep()
{
    const RunId id = selectedRun();
    const QString step = selectedStep();
    if (!id.isValid() || step.isEmpty())
        return;
    m_backend.retryRun(id, step, this, [this, id, step](Result<Run> run) {
        answered(run, tr("Run %1 runs again from step %2").arg(id.value).arg(step));
    });
}

} // namespace QwenSwarm::Ui
