#pragma once

#include "reports/reportdata.h"

#include <api/backend.h>

#include <QObject>

namespace QwenSwarm::Ui {

/// Gathers a report's data through an Api::Backend alone, asynchronously: the run (or decision, or
/// the period's tasks and decisions), the tasks, every attempt's decision, the agents that voted and
/// how their reputations moved, then summarize(). Emits progress as it goes and exactly one of
/// finished() or failed() (a NotFound or other error of the first call that failed, its message
/// saying what was being read), unless cancel() comes first. Lives on the backend's thread.
class ReportCollector : public QObject
{
    Q_OBJECT

public:
    /// At most this many tasks, decisions and reputation changes are read for a period.
    static constexpr qsizetype kMaxItems = 20000;

    ReportCollector(Api::Backend &backend, ReportSubject subject, QObject *parent = nullptr);
    ~ReportCollector() override;

    /// Starts reading (once); the signals follow, always later.
    void start();
    /// Stops reading: answers still to come are dropped, and neither finished() nor failed() follows.
    void cancel();
    bool isRunning() const { return m_active; }

Q_SIGNALS:
    /// `percent` of the reading done, 0..100; `stage` says what is being read, for people.
    void progress(int percent, const QString &stage);
    void finished(const QwenSwarm::Ui::ReportData &data);
    void failed(const QwenSwarm::Api::Error &error);

private:
    void readRun();
    void readDecision();
    void readPeriodTasks();
    void readPeriodDecisions();
    void readTasks(const QList<Api::TaskId> &ids, std::function<void()> then);
    void readDecisionsOfTasks();
    void readAgents();
    void readReputationHistory();
    void readReputationBefore();
    /// The span [from, to) whose reputation changes the report shows; 0 = open.
    std::pair<qint64, qint64> reputationWindow() const;
    void complete();
    void fail(const Api::Error &error, const QString &what);
    void stop();
    void report(int percent, const QString &stage);

    Api::Backend &m_backend;
    ReportSubject m_subject;
    ReportData m_data;
    /// Receives the answers; deleted when the collector is done or cancelled, which drops the rest.
    QObject *m_context = nullptr;
    bool m_active = false;
};

} // namespace QwenSwarm::Ui
