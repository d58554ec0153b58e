#pragma once

#include "reports/reportsubject.h"

#include <api/backend.h>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace QwenSwarm::Ui {

class ReportExporter;

/// Asks where and in which format to export a report of `subject`, then exports it with a progress
/// bar (reading and writing happen off the GUI thread) and a Cancel button.
class ReportExportDialog : public QDialog
{
    Q_OBJECT

public:
    ReportExportDialog(Api::Backend &backend, ReportSubject subject, QWidget *parent = nullptr);
    ~ReportExportDialog() override;

    void setPath(const QString &path);
    QString path() const;
    ReportFormat format() const;
    /// Starts the export as the Export button does.
    void exportReport();
    bool isExporting() const;

Q_SIGNALS:
    void exported(const QString &path);

protected:
    void reject() override;

private:
    void formatChosen();
    void browse();
    void exportFinished(const QString &path);
    void exportFailed(const QString &message);
    void setBusy(bool busy);
    static QString defaultFileName(const ReportSubject &subject);

    Api::Backend &m_backend;
    ReportSubject m_subject;
    QComboBox *m_format;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_stage;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    ReportExporter *m_exporter = nullptr;
};

} // namespace QwenSwarm::Ui
