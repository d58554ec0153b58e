#include "reports/reportexporter.h"

#include "reports/reportwriter.h"

#include <QPromise>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace QwenSwarm::Ui {

namespace {

/// Reading takes this share of the progress, writing the rest.
constexpr int kReadShare = 60;

} // namespace

ReportExporter::ReportExporter(Api::Backend &backend, ReportSubject subject, ReportFormat format, QString path,
                               QObject *parent)
    : QObject(parent)
    , m_collector(backend, subject)
    , m_format(format)
    , m_path(std::move(path))
{
    connect(&m_collector, &ReportCollector::progress, this,
            [this](int percent, const QString &stage) { Q_EMIT progress(percent * kReadShare / 100, stage); });
    connect(&m_collector, &ReportCollector::finished, this, &ReportExporter::collected);
    connect(&m_collector, &ReportCollector::failed, this, &ReportExporter::fail);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int percent) {
        if (m_running && !m_cancelled)
            Q_EMIT progress(kReadShare + percent * (100 - kReadShare) / 100, m_stage);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReportExporter::written);
}

ReportExporter::~ReportExporter()
{
    m_collector.cancel();
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

void ReportExporter::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_collector.start();
}

void ReportExporter::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    if (m_collector.isRunning()) {
        m_collector.cancel();
        QTimer::singleShot(0, this, [this] { fail(cancelledError()); });
        return;
    }
    m_watcher.cancel(); // written() follows once the worker has stopped and discarded the file
}

Api::Error ReportExporter::cancelledError()
{
    return Api::makeError(Api::ErrorCode::Cancelled, tr("The report was cancelled."));
}

void ReportExporter::collected(const ReportData &data)
{
    m_data = data;
    if (m_cancelled)
        return;
    m_stage = tr("Writing the %1 report").arg(reportFormatName(m_format).toUpper());
    Q_EMIT progress(kReadShare, m_stage);
    m_watcher.setFuture(
        QtConcurrent::run([data, format = m_format, path = m_path](QPromise<Api::Result<void>> &promise) {
            promise.setProgressRange(0, 100);
            ReportHooks hooks;
            hooks.progress = [&promise](int percent) { promise.setProgressValue(percent); };
            hooks.cancelled = [&promise] { return promise.isCanceled(); };
            promise.addResult(ReportWriter::write(data, format, path, hooks));
        }));
}

void ReportExporter::written()
{
    const QFuture<Api::Result<void>> future = m_watcher.future();
    if (future.resultCount() == 0) // cancelled before the writer answered: it kept no file
        return fail(cancelledError());
    const Api::Result<void> result = future.result();
    if (!result)
        return fail(result.error());
    m_running = false;
    Q_EMIT progress(100, tr("Written"));
    Q_EMIT finished(m_path);
}

void ReportExporter::fail(const Api::Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT failed(error);
}

} // namespace QwenSwarm::Ui
