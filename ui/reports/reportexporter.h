#pragma once

#include "reports/reportcollector.h"
#include "reports/reportdata.h"

#include <api/backend.h>

#include <QFutureWatcher>
#include <QObject>

namespace QwenSwarm::Ui {

/// Exports a report: reads its data through the Backend (ReportCollector, on this object's thread),
/// then writes the file on a worker thread (ReportWriter). Emits progress throughout and exactly one
/// of finished() or failed(); cancel() makes it failed() with ErrorCode::Cancelled, and no file is
/// written (one already there stays as it was), unless the file was complete already: then
/// finished() follows. Destroying a running exporter cancels it and waits for the worker.
class ReportExporter : public QObject
{
    Q_OBJECT

public:
    ReportExporter(Api::Backend &backend, ReportSubject subject, ReportFormat format, QString path,
                   QObject *parent = nullptr);
    ~ReportExporter() override;

    /// Starts (once); the signals follow, always later.
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    /// What was read, once the reading finished (for callers that show it or test it).
    const ReportData &data() const { return m_data; }
    const QString &path() const { return m_path; }
    ReportFormat format() const { return m_format; }

Q_SIGNALS:
    /// 0..100 over reading and writing; `stage` says what happens, for people.
    void progress(int percent, const QString &stage);
    void finished(const QString &path);
    void failed(const QwenSwarm::Api::Error &error);

private:
    void collected(const ReportData &data);
    void written();
    void fail(const Api::Error &error);
    static Api::Error cancelledError();

    ReportCollector m_collector;
    ReportFormat m_format;
    QString m_path;
    ReportData m_data;
    QFutureWatcher<Api::Result<void>> m_watcher;
    QString m_stage;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace QwenSwarm::Ui
