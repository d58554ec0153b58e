#pragma once

#include <api/task.h>
#include <api/workflow.h>

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace QwenSwarm::Ui {

/// How the designer names and colours workflow values on screen (translated).
class DesignerText
{
    Q_DECLARE_TR_FUNCTIONS(DesignerText)

public:
    static QString typeName(Api::ValueType type);
    static QString stepKind(Api::StepKind kind);
    static QString answerFormat(Api::AnswerFormat format);
    /// The fill of a node in a run: grey pending, blue running, amber waiting, green succeeded, red failed.
    static QColor stepStateColor(Api::StepState state);
    /// The colour of a port and its connections by the type that flows.
    static QColor typeColor(Api::ValueType type);
    /// A run's value as one line of text (a list's elements joined), elided to `maxLength`.
    static QString valueText(const QJsonValue &value, int maxLength = 4000);
};

} // namespace QwenSwarm::Ui
