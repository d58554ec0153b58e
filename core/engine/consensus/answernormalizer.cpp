#include "consensus/answernormalizer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

#include <cmath>
#include <optional>

namespace QwenSwarm::Engine {

using Api::VoteStatus;

namespace {

QString collapseWhitespace(const QString &text)
{
    QString s = text.simplified();
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

// The rest of the last line that starts with "Answer:" or "Final answer:" (models often restate);
// nothing if there is none.
std::optional<QString> answerLine(const QString &raw)
{
    static const QLatin1StringView markers[] = {QLatin1StringView("final answer:"), QLatin1StringView("answer:")};
    const QStringList lines = raw.split(QLatin1Char('\n'));
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        const QString trimmed = line->trimmed();
        for (QLatin1StringView marker : markers) {
            if (trimmed.startsWith(marker, Qt::CaseInsensitive))
                return trimmed.mid(marker.size());
        }
    }
    return std::nullopt;
}

std::optional<double> parseNumber(QString text)
{
    text.remove(QLatin1Char(','));
    text.remove(QLatin1Char('_'));
    text.remove(QLatin1Char(' '));
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// "B > A > C", "B, A, C" or "B A C": choices best first, each at most once (a ranking may stop
// early). Canonical form "B>A>C" with the choices' own spelling.
std::optional<QString> parseRanking(const QString &text, const QStringList &choices)
{
    // Choices may contain spaces ("New York"): split on spaces only when no other separator is used.
    static const QRegularExpression marks(QStringLiteral("\\s*[>,;]\\s*"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList items = text.split(text.contains(marks) ? marks : spaces, Qt::SkipEmptyParts);
    if (items.isEmpty())
        return std::nullopt;
    QStringList ranked;
    for (const QString &item : items) {
        const auto choice = std::find_if(choices.cbegin(), choices.cend(), [&item](const QString &c) {
            return c.compare(item, Qt::CaseInsensitive) == 0;
        });
        if (choice == choices.cend() || ranked.contains(*choice))
            return std::nullopt;
        ranked.append(*choice);
    }
    return ranked.join(QLatin1Char('>'));
}

QString canonicalNumber(double value)
{
    if (value == 0)
        return QStringLiteral("0"); // also folds -0
    return QString::number(value, 'g', 15);
}

} // namespace

QString AnswerNormalizer::extract(const QString &raw)
{
    // Fast path: a bare short answer has nothing to extract.
    if (raw.size() <= 16 && !raw.contains(QLatin1Char(':')) && !raw.contains(QLatin1Char('{')))
        return raw;
    const QString trimmed = raw.trimmed();
    if (trimmed.startsWith(QLatin1Char('{'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8());
        const QJsonValue answer = doc.object().value(QLatin1StringView("answer"));
        if (answer.isString())
            return answer.toString();
        if (answer.isDouble())
            return QString::number(answer.toDouble(), 'g', 17);
    }
    return answerLine(raw).value_or(raw);
}

AnswerNormalizer::Normalized AnswerNormalizer::normalize(const QString &raw, Api::AnswerFormat format,
                                                         const QStringList &choices)
{
    const QString answer = collapseWhitespace(extract(raw));
    if (answer.isEmpty() || answer.compare(QLatin1StringView("abstain"), Qt::CaseInsensitive) == 0)
        return {VoteStatus::Abstained, {}};
    switch (format) {
    case Api::AnswerFormat::Choice:
        for (const QString &choice : choices) {
            if (answer.compare(choice, Qt::CaseInsensitive) == 0)
                return {VoteStatus::Valid, choice};
        }
        return {VoteStatus::Malformed, {}};
    case Api::AnswerFormat::Number:
        if (const auto number = parseNumber(answer))
            return {VoteStatus::Valid, canonicalNumber(*number)};
        return {VoteStatus::Malformed, {}};
    case Api::AnswerFormat::Ranking:
        if (const auto ranking = parseRanking(answer, choices))
            return {VoteStatus::Valid, *ranking};
        return {VoteStatus::Malformed, {}};
    case Api::AnswerFormat::FreeText:
        break;
    }
    return {VoteStatus::Valid, answer.toCaseFolded()};
}

} // namespace QwenSwarm::Engine
