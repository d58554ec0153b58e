// Conditions of workflow steps: a recursive-descent parser into a small tree, and its evaluation.
#include "api/workflowexpression.h"

#include <QJsonArray>

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

struct WorkflowExpression::Node
{
    enum class Kind
    {
        Literal,
        Reference,
        Not,
        And,
        Or,
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Contains,
    };

    Kind kind = Kind::Literal;
    QJsonValue literal;
    QString reference;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
};

namespace {

using Node = WorkflowExpression::Node;
using NodePtr = std::shared_ptr<const Node>;

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    Result<NodePtr> parseAll()
    {
        NodePtr root = parseOr();
        skipSpace();
        if (!m_error && m_pos < m_text.size())
            fail(u"unexpected '%1'"_s.arg(m_text.mid(m_pos, 12)));
        if (m_error)
            return *m_error;
        return root;
    }

private:
    void fail(const QString &problem)
    {
        if (!m_error)
            m_error = makeError(ErrorCode::InvalidArgument, u"at %1: %2"_s.arg(m_pos + 1).arg(problem),
                                QJsonObject {{u"position"_s, m_pos + 1}});
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    bool take(QStringView token)
    {
        skipSpace();
        if (QStringView(m_text).mid(m_pos).startsWith(token)) {
            m_pos += token.size();
            return true;
        }
        return false;
    }

    bool takeWord(QStringView word)
    {
        skipSpace();
        const QStringView rest = QStringView(m_text).mid(m_pos);
        if (!rest.startsWith(word))
            return false;
        if (rest.size() > word.size() && (rest.at(word.size()).isLetterOrNumber() || rest.at(word.size()) == u'_'))
            return false;
        m_pos += word.size();
        return true;
    }

    static NodePtr binary(Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (!m_error && take(u"||"))
            left = binary(Node::Kind::Or, left, parseAnd());
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (!m_error && take(u"&&"))
            left = binary(Node::Kind::And, left, parseUnary());
        return left;
    }

    NodePtr parseUnary()
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'!' && !QStringView(m_text).mid(m_pos).startsWith(u"!=")) {
            if (++m_depth > kMaxDepth) {
                fail(u"nested too deeply"_s);
                return {};
            }
            ++m_pos;
            NodePtr operand = parseUnary();
            --m_depth;
            return binary(Node::Kind::Not, operand, {});
        }
        return parseCompare();
    }

    NodePtr parseCompare()
    {
        NodePtr left = parseOperand();
        if (m_error)
            return left;
        static constexpr std::pair<QStringView, Node::Kind> operators[] = {
            {u"==", Node::Kind::Equal},          {u"!=", Node::Kind::NotEqual}, {u"<=", Node::Kind::LessOrEqual},
            {u">=", Node::Kind::GreaterOrEqual}, {u"<", Node::Kind::Less},      {u">", Node::Kind::Greater},
        };
        for (const auto &[token, kind] : operators) {
            if (take(token))
                return binary(kind, left, parseOperand());
        }
        if (takeWord(u"contains"))
            return binary(Node::Kind::Contains, left, parseOperand());
        return left;
    }

    NodePtr parseOperand()
    {
        skipSpace();
        if (m_pos >= m_text.size()) {
            fail(u"expected a value"_s);
            return {};
        }
        auto node = std::make_shared<Node>();
        const QChar c = m_text.at(m_pos);
        if (c == u'(') {
            if (++m_depth > kMaxDepth) {
                fail(u"nested too deeply"_s);
                return {};
            }
            ++m_pos;
            NodePtr inner = parseOr();
            --m_depth;
            if (!m_error && !take(u")"))
                fail(u"expected ')'"_s);
            return inner;
        }
        if (c == u'"' || c == u'\'') {
            node->literal = parseString(c);
            return node;
        }
        if (c.isDigit() || c == u'-' || c == u'.') {
            const qsizetype start = m_pos;
            ++m_pos;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
                ++m_pos;
            bool ok = false;
            const double value = QStringView(m_text).mid(start, m_pos - start).toDouble(&ok);
            if (!ok) {
                m_pos = start;
                fail(u"not a number"_s);
            }
            node->literal = value;
            return node;
        }
        if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size()
                   && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_' || m_text.at(m_pos) == u'.'))
                ++m_pos;
            const QString word = m_text.mid(start, m_pos - start);
            if (word == "true"_L1 || word == "false"_L1) {
                node->literal = word == "true"_L1;
            } else {
                node->kind = Node::Kind::Reference;
                node->reference = word;
            }
            return node;
        }
        fail(u"unexpected '%1'"_s.arg(c));
        return {};
    }

    QJsonValue parseString(QChar quote)
    {
        const qsizetype start = m_pos;
        ++m_pos;
        QString value;
        while (m_pos < m_text.size() && m_text.at(m_pos) != quote) {
            if (m_text.at(m_pos) == u'\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            value.append(m_text.at(m_pos++));
        }
        if (m_pos >= m_text.size()) {
            m_pos = start; // name where the text begins, not the end of the expression
            fail(u"unterminated text"_s);
            return {};
        }
        ++m_pos;
        return value;
    }

    static constexpr int kMaxDepth = 64;
    const QString &m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    std::optional<Error> m_error;
};

void collectReferences(const NodePtr &node, QStringList &out)
{
    if (!node)
        return;
    if (node->kind == Node::Kind::Reference && !out.contains(node->reference))
        out.append(node->reference);
    collectReferences(node->left, out);
    collectReferences(node->right, out);
}

std::optional<double> asNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

QString asText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

bool equal(const QJsonValue &a, const QJsonValue &b)
{
    const auto na = asNumber(a);
    const auto nb = asNumber(b);
    if (na && nb)
        return *na == *nb;
    return asText(a).compare(asText(b), Qt::CaseInsensitive) == 0;
}

class Evaluator
{
public:
    explicit Evaluator(const WorkflowExpression::Resolver &resolve)
        : m_resolve(resolve)
    { }

    std::optional<Error> error;

    QJsonValue value(const NodePtr &node)
    {
        if (error)
            return {};
        switch (node->kind) {
        case Node::Kind::Literal:
            return node->literal;
        case Node::Kind::Reference: {
            const auto resolved = m_resolve(node->reference);
            if (!resolved) {
                error = makeError(ErrorCode::InvalidArgument, u"unknown reference '%1'"_s.arg(node->reference),
                                  QJsonObject {{u"reference"_s, node->reference}});
                return {};
            }
            return *resolved;
        }
        case Node::Kind::Not:
            return !WorkflowExpression::isTrue(value(node->left));
        case Node::Kind::And:
            return WorkflowExpression::isTrue(value(node->left)) && WorkflowExpression::isTrue(value(node->right));
        case Node::Kind::Or:
            return WorkflowExpression::isTrue(value(node->left)) || WorkflowExpression::isTrue(value(node->right));
        default:
            return compare(node->kind, value(node->left), value(node->right));
        }
    }

private:
    static QJsonValue compare(Node::Kind kind, const QJsonValue &a, const QJsonValue &b)
    {
        switch (kind) {
        case Node::Kind::Equal:
            return equal(a, b);
        case Node::Kind::NotEqual:
            return !equal(a, b);
        case Node::Kind::Contains:
            if (a.isArray()) {
                const QJsonArray list = a.toArray();
                return std::any_of(list.begin(), list.end(),
                                   [&](const QJsonValue &element) { return equal(element, b); });
            }
            return asText(a).contains(asText(b), Qt::CaseInsensitive);
        default:
            break;
        }
        const auto na = asNumber(a);
        const auto nb = asNumber(b);
        const int order
            = (na && nb) ? (*na < *nb ? -1 : (*na > *nb ? 1 : 0)) : asText(a).compare(asText(b), Qt::CaseInsensitive);
        switch (kind) {
        case Node::Kind::Less:
            return order < 0;
        case Node::Kind::LessOrEqual:
            return order <= 0;
        case Node::Kind::Greater:
            return order > 0;
        default:
            return order >= 0;
        }
    }

    const WorkflowExpression::Resolver &m_resolve;
};

} // namespace

Result<WorkflowExpression> WorkflowExpression::parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"empty expression"_s);
    Parser parser(text);
    auto root = parser.parseAll();
    if (!root)
        return root.error();
    WorkflowExpression expression;
    expression.m_root = std::move(*root);
    return expression;
}

QStringList WorkflowExpression::references() const
{
    QStringList out;
    collectReferences(m_root, out);
    return out;
}

Result<bool> WorkflowExpression::evaluate(const Resolver &resolve) const
{
    Evaluator evaluator(resolve);
    const QJsonValue value = evaluator.value(m_root);
    if (evaluator.error)
        return *evaluator.error;
    return isTrue(value);
}

bool WorkflowExpression::isTrue(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0;
    if (value.isString())
        return !value.toString().trimmed().isEmpty();
    if (value.isArray())
        return !value.toArray().isEmpty();
    return false;
}

} // namespace QwenSwarm::Api
