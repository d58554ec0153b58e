#pragma once

#include "reports/reportdata.h"

#include <QJsonObject>

namespace QwenSwarm::Ui {

/// The version of the JSON report's layout (1 had the run alone).
inline constexpr int kReportJsonVersion = 2;

/// The whole of a report's data as JSON (layout in docs/reports.md): "format": "qwen-swarm-report",
/// "version", "generated", "subject", "source", "run" (for a run), "tasks", "decisions" and the
/// reputation history in the API's own JSON codecs (api/json.h), then the agents, the reputation
/// changes, usage by agent and by provider, problems, the timeline and the totals. Times are ISO
/// 8601 UTC, costs in US dollars, ids numbers, states their wire names.
QJsonObject reportToJson(const ReportData &data);

} // namespace QwenSwarm::Ui
