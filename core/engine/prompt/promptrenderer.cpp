#include "prompt/promptrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace QwenSwarm::Engine {

namespace {

const QLatin1StringView open("{{");
const QLatin1StringView close("}}");

bool isBuiltin(QStringView name)
{
    return name == u"agent.name" || name == u"agent.index" || name == u"agent.role" || name == u"task.id";
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

Api::Error promptError(const QString &problem)
{
    return Api::makeError(Api::ErrorCode::InvalidArgument, QStringLiteral("prompt: ") + problem,
                          {{QStringLiteral("path"), QStringLiteral("prompt")}});
}

} // namespace

Api::Result<void> PromptRenderer::check(const QString &promptTemplate, const QJsonObject &variables)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype start = promptTemplate.indexOf(open, from);
        if (start < 0)
            return {};
        const qsizetype end = promptTemplate.indexOf(close, start + open.size());
        if (end < 0)
            return promptError(QStringLiteral("unterminated placeholder at offset %1").arg(start));
        const QStringView name
            = QStringView(promptTemplate).mid(start + open.size(), end - start - open.size()).trimmed();
        if (name.isEmpty())
            return promptError(QStringLiteral("empty placeholder at offset %1").arg(start));
        if (!isBuiltin(name) && !variables.contains(name))
            return promptError(QStringLiteral("no variable named '%1'").arg(name));
        from = end + close.size();
    }
}

QString PromptRenderer::render(const QString &promptTemplate, const QJsonObject &variables, const AgentContext &agent)
{
    qsizetype start = promptTemplate.indexOf(open);
    if (start < 0)
        return promptTemplate;
    QString out;
    out.reserve(promptTemplate.size() + 32);
    qsizetype from = 0;
    while (start >= 0) {
        const qsizetype end = promptTemplate.indexOf(close, start + open.size());
        if (end < 0)
            break;
        out += QStringView(promptTemplate).mid(from, start - from);
        const QStringView name
            = QStringView(promptTemplate).mid(start + open.size(), end - start - open.size()).trimmed();
        if (name == u"agent.name")
            out += agent.name;
        else if (name == u"agent.index")
            out += QString::number(agent.index);
        else if (name == u"agent.role")
            out += agent.role;
        else if (name == u"task.id")
            out += agent.taskId.toString();
        else
            out += valueText(variables.value(name));
        from = end + close.size();
        start = promptTemplate.indexOf(open, from);
    }
    out += QStringView(promptTemplate).mid(from);
    return out;
}

} // namespace QwenSwarm::Engine
