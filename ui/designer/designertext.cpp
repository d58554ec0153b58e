#include "designer/designertext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace QwenSwarm::Ui {

using namespace Api;

QString DesignerText::typeName(ValueType type)
{
    switch (type) {
    case ValueType::Text:
        return tr("text");
    case ValueType::Number:
        return tr("number");
    case ValueType::Boolean:
        return tr("boolean");
    case ValueType::List:
        return tr("list");
    }
    return {};
}

QString DesignerText::stepKind(StepKind kind)
{
    return kind == StepKind::Approval ? tr("Approval") : tr("Task");
}

QString DesignerText::answerFormat(AnswerFormat format)
{
    switch (format) {
    case AnswerFormat::FreeText:
        return tr("Free text");
    case AnswerFormat::Choice:
        return tr("Choice");
    case AnswerFormat::Number:
        return tr("Number");
    case AnswerFormat::Ranking:
        return tr("Ranking");
    }
    return {};
}

QColor DesignerText::stepStateColor(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QColor(0xb0, 0xb4, 0xba);
    case StepState::Running:
        return QColor(0x3d, 0x8b, 0xfd);
    case StepState::AwaitingApproval:
        return QColor(0xf0, 0xa2, 0x02);
    case StepState::Succeeded:
        return QColor(0x2e, 0xa0, 0x43);
    case StepState::Skipped:
        return QColor(0x9a, 0x9a, 0x9a);
    case StepState::Failed:
        return QColor(0xd7, 0x3a, 0x49);
    case StepState::Cancelled:
        return QColor(0x6a, 0x6a, 0x6a);
    }
    return Qt::gray;
}

QColor DesignerText::typeColor(ValueType type)
{
    switch (type) {
    case ValueType::Text:
        return QColor(0x4a, 0x7f, 0xc1);
    case ValueType::Number:
        return QColor(0xd9, 0x7b, 0x1c);
    case ValueType::Boolean:
        return QColor(0x3a, 0x9d, 0x5d);
    case ValueType::List:
        return QColor(0x8e, 0x4e, 0xc6);
    }
    return Qt::gray;
}

QString DesignerText::valueText(const QJsonValue &value, int maxLength)
{
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isArray()) {
        QStringList lines;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            lines.append(QStringLiteral("%1. %2").arg(i + 1).arg(valueText(array.at(i), maxLength)));
        text = lines.join(QLatin1Char('\n'));
    } else if (value.isDouble())
        text = QString::number(value.toDouble());
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (text.size() > maxLength)
        text = text.left(maxLength) + QStringLiteral("…");
    return text;
}

} // namespace QwenSwarm::Ui
