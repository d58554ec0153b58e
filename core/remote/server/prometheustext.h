#pragma once

#include <api/metrics.h>

#include <QByteArray>

namespace QwenSwarm::Remote {

/// The Prometheus text exposition format (version 0.0.4) of a metrics snapshot: HELP and TYPE lines
/// per family, one line per sample, histograms as cumulative _bucket series (with le="+Inf") plus
/// _sum and _count. Label values and help text are escaped as the format requires.
class PrometheusText
{
public:
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }
    static QByteArray format(const Api::MetricsSnapshot &snapshot);
};

} // namespace QwenSwarm::Remote
