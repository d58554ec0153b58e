#include "reports/reportexportdialog.h"

#include "reports/reportdocument.h"
#include "reports/reportexporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

ReportExportDialog::ReportExportDialog(Api::Backend &backend, ReportSubject subject, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_subject(subject)
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_stage(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_export(m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Export a report"));
    m_format->addItem(tr("PDF document"), int(ReportFormat::Pdf));
    m_format->addItem(tr("HTML page"), int(ReportFormat::Html));
    m_format->addItem(tr("CSV tables"), int(ReportFormat::Csv));
    m_format->addItem(tr("JSON data"), int(ReportFormat::Json));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(defaultFileName(subject)));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_stage->setWordWrap(true);

    auto *where = new QHBoxLayout;
    where->addWidget(m_path, 1);
    where->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), where);
    auto *layout = new QVBoxLayout(this);
    ReportData about;
    about.subject = subject;
    auto *title = new QLabel(tr("Report on: %1").arg(ReportDocumentBuilder::subjectTitle(about)), this);
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_stage);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportExportDialog::formatChosen);
    connect(m_browse, &QPushButton::clicked, this, &ReportExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::exportReport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);
    resize(520, sizeHint().height());
}

ReportExportDialog::~ReportExportDialog() = default;

QString ReportExportDialog::defaultFileName(const ReportSubject &subject)
{
    switch (subject.kind) {
    case ReportSubject::Kind::Run:
        return u"run-%1.pdf"_s.arg(subject.run.value);
    case ReportSubject::Kind::Decision:
        return u"decision-%1.pdf"_s.arg(subject.decision.value);
    case ReportSubject::Kind::Period:
        return u"period-report.pdf"_s;
    }
    return u"report.pdf"_s;
}

void ReportExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    if (const auto format = reportFormatForPath(path))
        m_format->setCurrentIndex(m_format->findData(int(*format)));
}

QString ReportExportDialog::path() const
{
    return m_path->text();
}

ReportFormat ReportExportDialog::format() const
{
    return ReportFormat(m_format->currentData().toInt());
}

bool ReportExportDialog::isExporting() const
{
    return m_exporter && m_exporter->isRunning();
}

void ReportExportDialog::formatChosen()
{
    const QFileInfo info(m_path->text());
    const QString name = info.completeBaseName() + u'.' + reportFormatName(format());
    m_path->setText(info.dir().filePath(name));
}

void ReportExportDialog::browse()
{
    const QString filter = tr("%1 files (*.%2)").arg(reportFormatName(format()).toUpper(), reportFormatName(format()));
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export the report to"), m_path->text(), filter);
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ReportExportDialog::setBusy(bool busy)
{
    m_format->setEnabled(!busy);
    m_path->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_export->setEnabled(!busy);
}

void ReportExportDialog::exportReport()
{
    if (isExporting())
        return;
    if (m_path->text().trimmed().isEmpty()) {
        m_stage->setText(tr("Choose a file to write."));
        return;
    }
    delete m_exporter;
    m_exporter = new ReportExporter(m_backend, m_subject, format(), m_path->text().trimmed(), this);
    connect(m_exporter, &ReportExporter::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_stage->setText(stage);
    });
    connect(m_exporter, &ReportExporter::finished, this, &ReportExportDialog::exportFinished);
    connect(m_exporter, &ReportExporter::failed, this,
            [this](const Api::Error &error) { exportFailed(error.message); });
    setBusy(true);
    m_progress->setValue(0);
    m_exporter->start();
}

void ReportExportDialog::exportFinished(const QString &path)
{
    setBusy(false);
    m_progress->setValue(100);
    m_stage->setText(tr("Written to %1").arg(QDir::toNativeSeparators(path)));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    Q_EMIT exported(path);
}

void ReportExportDialog::exportFailed(const QString &message)
{
    setBusy(false);
    m_progress->setValue(0);
    m_stage->setText(message);
}

void ReportExportDialog::reject()
{
    if (isExporting()) { // the first Cancel stops the export, the next one closes
        m_exporter->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace QwenSwarm::Ui
