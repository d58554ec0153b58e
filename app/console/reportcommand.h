#pragma once

#include <reports/reportsubject.h>

#include <api/backend.h>

#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>

namespace QwenSwarm::Console {

class ConsoleSession;

/// `qwen-swarm report (--run ID | --decision ID | --from ISO --to ISO) --out OUT.pdf|.html|.csv|.json`:
/// exports a report without a window, from the embedded core's database (--data-dir, or the usual
/// one) or from an attached daemon (--attach URL with --token or QWEN_SWARM_TOKEN).
class ReportCommand : public QObject
{
    Q_OBJECT

public:
    /// Exit codes.
    enum Exit
    {
        Succeeded = 0,
        Failed = 1, ///< Nothing to report (an unknown id) or the report could not be written.
        BadUsage = 2, ///< Bad options.
        Unreachable = 3, ///< The core could not be opened or the daemon reached (or refused us).
    };

    struct Options
    {
        Ui::ReportSubject subject;
        QString out;
        QString attach;
        QByteArray token;
        QString caFile;
        QString dataDir;
    };

    ReportCommand(Options options, QTextStream &out, QTextStream &err);
    ~ReportCommand() override;

    /// Starts; finished(exit code) follows, always later.
    void start();

    /// The report command's whole program: parses `arguments` (after "report"), answers the exit code.
    static int main(const QStringList &arguments);

    /// Exports a report of `subject` to `path` (its format from the extension) through `backend`,
    /// printing each stage to `out`; then `done` with the exit code and, on failure, the message.
    /// `run --report` writes its report through this too. The export lives as long as `context`.
    static void exportReport(Api::Backend &backend, const Ui::ReportSubject &subject, const QString &path,
                             QTextStream &out, QObject *context, std::function<void(int, QString)> done);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fail(int code, const QString &message);

    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ConsoleSession> m_session;
    bool m_done = false;
};

} // namespace QwenSwarm::Console
