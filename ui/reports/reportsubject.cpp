#include "reports/reportsubject.h"

#include <QFileInfo>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

ReportSubject ReportSubject::forRun(Api::RunId id)
{
    ReportSubject subject;
    subject.kind = Kind::Run;
    subject.run = id;
    return subject;
}

ReportSubject ReportSubject::forDecision(Api::DecisionId id)
{
    ReportSubject subject;
    subject.kind = Kind::Decision;
    subject.decision = id;
    return subject;
}

ReportSubject ReportSubject::forPeriod(qint64 fromMs, qint64 toMs)
{
    ReportSubject subject;
    subject.kind = Kind::Period;
    subject.fromMs = fromMs;
    subject.toMs = toMs;
    return subject;
}

QString ReportSubject::kindName() const
{
    switch (kind) {
    case Kind::Run:
        return u"run"_s;
    case Kind::Decision:
        return u"decision"_s;
    case Kind::Period:
        return u"period"_s;
    }
    return {};
}

std::optional<ReportFormat> reportFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf"_s)
        return ReportFormat::Pdf;
    if (suffix == u"html"_s || suffix == u"htm"_s)
        return ReportFormat::Html;
    if (suffix == u"csv"_s)
        return ReportFormat::Csv;
    if (suffix == u"json"_s)
        return ReportFormat::Json;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Json:
        return u"json"_s;
    }
    return {};
}

} // namespace QwenSwarm::Ui
