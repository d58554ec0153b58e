#pragma once

#include "api/error.h"

#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace QwenSwarm::Api {

/// A step's condition: a small expression over references to a run's values.
///
///     expr    := and ('||' and)*
///     and     := unary ('&&' unary)*
///     unary   := '!' unary | compare
///     compare := operand (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains') operand)?
///     operand := "text" | number | true | false | reference | '(' expr ')'
///     reference := inputs.<name> | steps.<id>.output | steps.<id>.agreement
///
/// Texts compare without regard to case or surrounding white space; two values that both read as
/// numbers compare as numbers; `contains` finds a text in a text (ignoring case) or an element in a
/// list. A value is true when it is a true boolean, a non-zero number, a non-empty text or list.
class WorkflowExpression
{
public:
    using Resolver = std::function<std::optional<QJsonValue>(const QString &reference)>;

    /// InvalidArgument naming the position of the first thing that does not parse.
    static Result<WorkflowExpression> parse(const QString &text);

    /// The references it reads, each once, in order of appearance.
    QStringList references() const;
    /// The value of the expression; InvalidArgument for a reference `resolve` does not know.
    Result<bool> evaluate(const Resolver &resolve) const;

    static bool isTrue(const QJsonValue &value);

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace QwenSwarm::Api
