#pragma once

#include <api/backend.h>

#include <QFutureWatcher>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QTableWidget;

namespace QwenSwarm::Ui {

class ApprovalDialog;
class ReportExportDialog;
class BannerWidget;
class RunInputsDialog;
class RunsModel;

/// Workflow runs of the core: the newest runs, live; the selected run's steps with their state,
/// tasks, agreement, cost and output; and what an operator does with them: start a workflow file,
/// pause, resume, cancel, retry from a step, and approve, edit or reject what an approval step shows.
/// Every call is asynchronous; failures go to the banner with what to do next.
class RunsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPage(Api::Backend &backend, QWidget *parent = nullptr);

    RunsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTableWidget *stepsView() const { return m_steps; }
    BannerWidget *banner() const { return m_banner; }
    QString stepDetail() const;

    /// Every action of the page, for the window's menus (they carry their shortcuts).
    QList<QAction *> pageActions() const;
    QAction *startAction() const { return m_start; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *retryAction() const { return m_retry; }
    QAction *approveAction() const { return m_approve; }
    QAction *reportAction() const { return m_report; }

    void start();
    void selectRun(Api::RunId id);
    Api::RunId selectedRun() const;
    void selectStep(const QString &stepId);
    QString selectedStep() const;

    /// Reads a workflow file (off the GUI thread), then asks for its inputs.
    void openWorkflowFile(const QString &path);
    /// Asks for the inputs of `workflow` (non-modal) and starts the run once accepted.
    RunInputsDialog *askInputsAndStart(const Api::Workflow &workflow);
    /// Opens the approval dialog of the selected step that waits; null when it does not wait.
    ApprovalDialog *openApprovalDialog();
    void command(Api::RunCommand command);
    void retrySelectedStep();
    /// Opens the report export dialog for the selected run (PDF, HTML, CSV or JSON); null when no
    /// run is selected.
    ReportExportDialog *openReportDialog();

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// A run was started from this page.
    void runStarted(QwenSwarm::Api::RunId id);

private:
    void createActions();
    void runSelectionChanged();
    void showSteps();
    void showStepDetail();
    void updateActions();
    void answered(const Api::Result<Api::Run> &run, const QString &done);
    const Api::Run *currentRun() const;
    const Api::StepRun *currentStep() const;

    Api::Backend &m_backend;
    RunsModel *m_model;
    BannerWidget *m_banner;
    QTableView *m_view;
    QTableWidget *m_steps;
    QPlainTextEdit *m_detail;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_approve = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_report = nullptr;
    QFutureWatcher<Api::Result<Api::Workflow>> m_reading;
    Api::RunId m_select;
};

} // namespace QwenSwarm::Ui
