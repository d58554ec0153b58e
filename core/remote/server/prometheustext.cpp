#include "server/prometheustext.h"

#include <cmath>

namespace QwenSwarm::Remote {

namespace {

QByteArray number(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', 17);
}

QByteArray escaped(const QString &text, bool quote)
{
    QByteArray out;
    for (char c : text.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (quote && c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

QByteArray labels(const Api::MetricLabels &labels, const QByteArray &extra = {})
{
    QByteArray out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        out += out.isEmpty() ? "" : ",";
        out += it.key().toUtf8() + "=\"" + escaped(it.value(), true) + '"';
    }
    if (!extra.isEmpty())
        out += (out.isEmpty() ? "" : ",") + extra;
    return out.isEmpty() ? QByteArray() : '{' + out + '}';
}

void histogram(QByteArray &out, const QByteArray &name, const Api::MetricSample &s)
{
    for (qsizetype i = 0; i < s.bucketBounds.size(); ++i) {
        out += name + "_bucket" + labels(s.labels, "le=\"" + number(s.bucketBounds[i]) + '"') + ' '
            + number(static_cast<double>(s.bucketCounts.value(i))) + '\n';
    }
    out += name + "_bucket" + labels(s.labels, QByteArrayLiteral("le=\"+Inf\"")) + ' '
        + number(static_cast<double>(s.count)) + '\n';
    out += name + "_sum" + labels(s.labels) + ' ' + number(s.sum) + '\n';
    out += name + "_count" + labels(s.labels) + ' ' + number(static_cast<double>(s.count)) + '\n';
}

} // namespace

QByteArray PrometheusText::format(const Api::MetricsSnapshot &snapshot)
{
    QByteArray out;
    for (const Api::MetricFamily &f : snapshot.families) {
        const QByteArray name = f.name.toUtf8();
        out += "# HELP " + name + ' ' + escaped(f.help, false) + '\n';
        out += "# TYPE " + name + ' ' + Api::enumName(f.type).toString().toUtf8() + '\n';
        for (const Api::MetricSample &s : f.samples) {
            if (f.type == Api::MetricType::Histogram)
                histogram(out, name, s);
            else
                out += name + labels(s.labels) + ' ' + number(s.value) + '\n';
        }
    }
    return out;
}

} // namespace QwenSwarm::Remote
