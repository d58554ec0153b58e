#pragma once

#include "api/jsonreader.h"
#include "api/workflow.h"

namespace QwenSwarm::Api {

// JSON codecs of workflows and runs (the wire's and the store's form; a workflow file is
// workflowToJson()/workflowFromJson(), which add the format's name and version).

QJsonValue toJson(const WorkflowInput &input);
QJsonValue toJson(const StepMap &map);
QJsonValue toJson(const WorkflowStep &step);
QJsonValue toJson(const Workflow &workflow);
QJsonValue toJson(const StepRun &step);
QJsonValue toJson(const Run &run);
QJsonValue toJson(const RunSpec &spec);
QJsonValue toJson(const Approval &approval);
QJsonValue toJson(const RunQuery &query);

void readJson(JsonReader &reader, const QJsonValue &json, WorkflowInput &out);
void readJson(JsonReader &reader, const QJsonValue &json, StepMap &out);
void readJson(JsonReader &reader, const QJsonValue &json, WorkflowStep &out);
void readJson(JsonReader &reader, const QJsonValue &json, Workflow &out);
void readJson(JsonReader &reader, const QJsonValue &json, StepRun &out);
void readJson(JsonReader &reader, const QJsonValue &json, Run &out);
void readJson(JsonReader &reader, const QJsonValue &json, RunSpec &out);
void readJson(JsonReader &reader, const QJsonValue &json, Approval &out);
void readJson(JsonReader &reader, const QJsonValue &json, RunQuery &out);

} // namespace QwenSwarm::Api
