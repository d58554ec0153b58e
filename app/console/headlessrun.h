#pragma once

#include <api/backend.h>

#include <QObject>
#include <QTextStream>

#include <memory>

namespace QwenSwarm::Console {

class ConsoleSession;

/// `qwen-swarm run FILE`: runs a workflow without a window, against an embedded core or an attached
/// daemon, prints each step's progress and the run's outputs, and writes a report.
class HeadlessRun : public QObject
{
    Q_OBJECT

public:
    /// Exit codes.
    enum Exit
    {
        Succeeded = 0,
        RunFailed = 1, ///< The run failed or was cancelled.
        BadUsage = 2, ///< A bad file, inputs or option.
        Unreachable = 3, ///< The core could not be opened or the daemon reached.
    };

    struct Options
    {
        QString file;
        QString inputs; ///< A JSON object, or @FILE.
        QString attach;
        QByteArray token;
        QString caFile;
        QString dataDir;
        bool inMemory = false;
        QString report; ///< OUT.pdf, .html, .csv or .json
        bool autoApprove = false;
        bool dryRun = false; ///< Estimate on simulated agents instead of running.
        quint64 seed = 1;
    };

    HeadlessRun(Options options, QTextStream &out, QTextStream &err);
    ~HeadlessRun() override;

    /// Starts; finished(exit code) follows, always later.
    void start();

    /// The run command's whole program: parses `arguments` (after "run"), runs, answers the exit code.
    static int main(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fail(int code, const QString &message);
    void ensureDemoSwarm(std::function<void()> then);
    void startRun();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void finish(const Api::Run &run);
    void startDryRun();
    void printEstimate(const Api::RunEstimate &estimate);

    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ConsoleSession> m_session;
    Api::Workflow m_workflow;
    QJsonObject m_inputs;
    Api::RunId m_run;
    Api::SubscriptionId m_subscription;
    bool m_done = false;
};

} // namespace QwenSwarm::Console
