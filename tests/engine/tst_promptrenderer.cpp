#include "prompt/promptrenderer.h"

#include <testsupport.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

namespace {

PromptRenderer::AgentContext agentContext()
{
    PromptRenderer::AgentContext agent;
    agent.name = u"alice"_s;
    agent.index = 3;
    agent.role = u"judge"_s;
    agent.taskId = Api::TaskId(42);
    return agent;
}

} // namespace

class TestPromptRenderer : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void render_data();
    void render();
    void renderIsPerAgent();
};

void TestPromptRenderer::check_data()
{
    QTest::addColumn<QString>("promptTemplate");
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<QString>("problem"); // empty: accepted; else a text the message must contain

    const QJsonObject question {{u"question"_s, u"What is 2+2?"_s}};

    QTest::newRow("no placeholders") << u"Answer with A or B."_s << QJsonObject() << QString();
    QTest::newRow("single braces are text") << u"Return {\"answer\": ...} } {"_s << QJsonObject() << QString();
    QTest::newRow("bound variable") << u"Q: {{question}}"_s << question << QString();
    QTest::newRow("spaces inside braces") << u"Q: {{  question  }}"_s << question << QString();
    QTest::newRow("null value is still bound") << u"{{x}}"_s << QJsonObject {{u"x"_s, QJsonValue::Null}} << QString();
    QTest::newRow("built-ins") << u"{{agent.name}} #{{agent.index}} as {{agent.role}} on {{task.id}}"_s << QJsonObject()
                               << QString();
    QTest::newRow("built-ins and variables") << u"{{agent.name}}: {{question}}"_s << question << QString();

    QTest::newRow("unknown name") << u"Q: {{questoin}}"_s << question << u"questoin"_s;
    QTest::newRow("second placeholder unknown") << u"{{question}} and {{context}}"_s << question << u"context"_s;
    QTest::newRow("unknown built-in-like name") << u"{{agent.mood}}"_s << QJsonObject() << u"agent.mood"_s;
    QTest::newRow("names are case-sensitive") << u"{{Question}}"_s << question << u"Question"_s;
    QTest::newRow("unterminated") << u"Q: {{question"_s << question << u"unterminated"_s;
    QTest::newRow("unterminated after a good one") << u"{{question}} {{question}"_s << question << u"unterminated"_s;
    QTest::newRow("empty placeholder") << u"Q: {{}}"_s << QJsonObject() << u"empty"_s;
    QTest::newRow("blank placeholder") << u"Q: {{   }}"_s << QJsonObject() << u"empty"_s;
}

void TestPromptRenderer::check()
{
    QFETCH(QString, promptTemplate);
    QFETCH(QJsonObject, variables);
    QFETCH(QString, problem);

    const Api::Result<void> result = PromptRenderer::check(promptTemplate, variables);
    if (problem.isEmpty()) {
        QS_VERIFY_OK(result);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
    QVERIFY2(result.error().message.contains(problem), qPrintable(result.error().message));
    QCOMPARE(result.error().details.value(u"path"_s).toString(), u"prompt"_s);
}

void TestPromptRenderer::render_data()
{
    QTest::addColumn<QString>("promptTemplate");
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<QString>("expected");

    const QJsonObject bob {{u"name"_s, u"Bob"_s}};

    QTest::newRow("no placeholders: unchanged")
        << u"Plain {text} with } braces {"_s << bob << u"Plain {text} with } braces {"_s;
    QTest::newRow("string") << u"Hi {{name}}!"_s << bob << u"Hi Bob!"_s;
    QTest::newRow("string inserted as it is")
        << u"<{{s}}>"_s << QJsonObject {{u"s"_s, u"  \"quoted\" {{x}}  "_s}} << u"<  \"quoted\" {{x}}  >"_s;
    QTest::newRow("spaces inside braces") << u"Hi {{ name }} and {{   name}}"_s << bob << u"Hi Bob and Bob"_s;
    QTest::newRow("repeated") << u"{{name}}{{name}}"_s << bob << u"BobBob"_s;
    QTest::newRow("integer") << u"n={{n}}"_s << QJsonObject {{u"n"_s, 42}} << u"n=42"_s;
    QTest::newRow("integral double has no .0") << u"n={{n}}"_s << QJsonObject {{u"n"_s, 42.0}} << u"n=42"_s;
    QTest::newRow("negative integer") << u"{{n}}"_s << QJsonObject {{u"n"_s, -7}} << u"-7"_s;
    QTest::newRow("large integer") << u"{{n}}"_s << QJsonObject {{u"n"_s, 9007199254740992.0}} << u"9007199254740992"_s;
    QTest::newRow("zero") << u"{{n}}"_s << QJsonObject {{u"n"_s, 0}} << u"0"_s;
    QTest::newRow("double") << u"{{x}}"_s << QJsonObject {{u"x"_s, 0.25}} << u"0.25"_s;
    QTest::newRow("negative double") << u"{{x}}"_s << QJsonObject {{u"x"_s, -1.5}} << u"-1.5"_s;
    // "Numbers in their shortest form": what the operator typed, not its binary expansion.
    QTest::newRow("double in shortest form")
        << u"What is {{x}} * 2?"_s << QJsonObject {{u"x"_s, 3.14}} << u"What is 3.14 * 2?"_s;
    QTest::newRow("tenth in shortest form") << u"{{x}}"_s << QJsonObject {{u"x"_s, 0.1}} << u"0.1"_s;
    QTest::newRow("true") << u"flag={{b}}"_s << QJsonObject {{u"b"_s, true}} << u"flag=true"_s;
    QTest::newRow("false") << u"flag={{b}}"_s << QJsonObject {{u"b"_s, false}} << u"flag=false"_s;
    QTest::newRow("array, compact JSON") << u"{{list}}"_s << QJsonObject {{u"list"_s, QJsonArray {1, u"two"_s, true}}}
                                         << u"[1,\"two\",true]"_s;
    QTest::newRow("object, compact JSON")
        << u"ctx: {{obj}}"_s << QJsonObject {{u"obj"_s, QJsonObject {{u"k"_s, u"v"_s}, {u"n"_s, 1}}}}
        << u"ctx: {\"k\":\"v\",\"n\":1}"_s;
    QTest::newRow("null is empty") << u"[{{x}}]"_s << QJsonObject {{u"x"_s, QJsonValue::Null}} << u"[]"_s;
    QTest::newRow("built-ins") << u"{{agent.name}} #{{agent.index}} ({{agent.role}}) on task {{task.id}}"_s
                               << QJsonObject() << u"alice #3 (judge) on task 42"_s;
    QTest::newRow("built-ins with spaces") << u"{{ agent.name }}"_s << QJsonObject() << u"alice"_s;
    QTest::newRow("placeholder at both ends") << u"{{name}} says hi to {{name}}"_s << bob << u"Bob says hi to Bob"_s;
    QTest::newRow("unicode around") << u"Grüße, {{name}} ✓"_s << bob << u"Grüße, Bob ✓"_s;
}

void TestPromptRenderer::render()
{
    QFETCH(QString, promptTemplate);
    QFETCH(QJsonObject, variables);
    QFETCH(QString, expected);

    QS_VERIFY_OK(PromptRenderer::check(promptTemplate, variables));
    QCOMPARE(PromptRenderer::render(promptTemplate, variables, agentContext()), expected);
}

void TestPromptRenderer::renderIsPerAgent()
{
    const QString promptTemplate = u"You are {{agent.name}} (agent {{agent.index}}). {{question}}"_s;
    const QJsonObject variables {{u"question"_s, u"Pick A or B."_s}};
    PromptRenderer::AgentContext first = agentContext();
    PromptRenderer::AgentContext second = agentContext();
    second.name = u"bob"_s;
    second.index = 4;

    QCOMPARE(PromptRenderer::render(promptTemplate, variables, first), u"You are alice (agent 3). Pick A or B."_s);
    QCOMPARE(PromptRenderer::render(promptTemplate, variables, second), u"You are bob (agent 4). Pick A or B."_s);
}

QTEST_GUILESS_MAIN(TestPromptRenderer)
#include "tst_promptrenderer.moc"
