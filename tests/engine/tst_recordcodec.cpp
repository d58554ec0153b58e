#include "store/binarycodec.h"
#include "store/recordcodec.h"

#include <QTest>

using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using namespace Qt::Literals::StringLiterals;

class TestRecordCodec : public QObject
{
    Q_OBJECT

private:
    static Api::TaskSpec fullSpec()
    {
        Api::TaskSpec spec;
        spec.swarmId = Api::SwarmId(7);
        spec.promptTemplate = u"Translate «{{word}}» — {{n}} times"_s;
        spec.variables = {{u"word"_s, u"ünïcödé"_s}, {u"n"_s, 3}, {u"nested"_s, QJsonObject {{u"a"_s, true}}}};
        spec.answerFormat = Api::AnswerFormat::Choice;
        spec.choices = {u"yes"_s, u"no"_s};
        spec.referenceAnswer = u"yes"_s;
        spec.selection.agentIds = {Api::AgentId(3), Api::AgentId(300000)};
        spec.selection.requiredTags = {u"math"_s};
        spec.selection.maxAgents = 4;
        spec.selection.routing = Api::Routing::Adaptive;
        spec.strategy = Api::StrategySpec {u"plurality"_s, {{u"tie_break"_s, u"first"_s}}};
        spec.priority = -17;
        spec.deadlineMs = 1764237600123;
        spec.timeoutMs = 30000;
        spec.budgetUsd = 0.125;
        spec.retry = {3, 250, 4000, 0.5};
        spec.idempotencyKey = u"key-1"_s;
        spec.tags = {u"demo"_s, u"x"_s};
        return spec;
    }

    static Api::Decision fullDecision()
    {
        Api::Decision d;
        d.id = Api::DecisionId(99);
        d.taskId = Api::TaskId(12);
        d.swarmId = Api::SwarmId(7);
        d.attempt = 2;
        d.strategy = {u"plurality"_s, {{u"min_votes"_s, 2}}};
        Api::Vote a {
            Api::AgentId(1), Api::VoteStatus::Valid, u"Answer: A"_s, u"A"_s, 0.9, 1.5, u"because"_s, 123, 10, 4,
            0.0001};
        Api::Vote b {Api::AgentId(2), Api::VoteStatus::Valid, u"A"_s, u"A"_s, 1, 1, {}, 5, 1, 1, 0};
        Api::Vote c {Api::AgentId(3), Api::VoteStatus::Failed, {}, {}, 1, 1, u"provider said no"_s, 0, 0, 0, 0};
        d.rounds = {Api::Round {0, {a, b, c}}, Api::Round {1, {b}}};
        d.outcome = Api::DecisionOutcome::Decided;
        d.answer = u"A"_s;
        d.agreement = 2.0 / 3.0;
        d.dissenters = {Api::AgentId(4)};
        d.createdMs = 1764237600999;
        return d;
    }

private Q_SLOTS:
    void taskSpecRoundTrip()
    {
        const Api::TaskSpec spec = fullSpec();
        const auto decoded = RecordCodec::decodeTaskSpec(RecordCodec::encode(spec));
        QVERIFY(decoded);
        QCOMPARE(*decoded, spec);
    }

    void defaultTaskSpecRoundTrip()
    {
        const auto decoded = RecordCodec::decodeTaskSpec(RecordCodec::encode(Api::TaskSpec {}));
        QVERIFY(decoded);
        QCOMPARE(*decoded, Api::TaskSpec {});
    }

    void decisionRoundTrip()
    {
        const Api::Decision d = fullDecision();
        const auto decoded = RecordCodec::decodeDecision(RecordCodec::encode(d));
        QVERIFY(decoded);
        QCOMPARE(*decoded, d);
    }

    void decisionIsCompact()
    {
        // Five agreeing votes of the standard workload: the trail must stay far below the ~1 KB the
        // value types take, or the memory store cannot hold 200,000 tasks in 200 MB.
        Api::Decision d;
        d.id = Api::DecisionId(123456);
        d.taskId = Api::TaskId(123456);
        d.swarmId = Api::SwarmId(1);
        d.attempt = 1;
        Api::Round round;
        for (int i = 1; i <= 5; ++i)
            round.votes.append(
                Api::Vote {Api::AgentId(quint64(i)), Api::VoteStatus::Valid, u"A"_s, u"A"_s, 1, 1, {}, 0, 3, 8, 0});
        d.rounds = {round};
        d.outcome = Api::DecisionOutcome::Decided;
        d.answer = u"A"_s;
        d.agreement = 0.8;
        d.createdMs = 1764237600999;
        QVERIFY2(RecordCodec::encode(d).size() < 120, QByteArray::number(RecordCodec::encode(d).size()).constData());
    }

    void outcomeRoundTrip_data()
    {
        QTest::addColumn<bool>("withResult");
        QTest::addColumn<bool>("withError");
        QTest::newRow("neither") << false << false;
        QTest::newRow("result") << true << false;
        QTest::newRow("error") << false << true;
        QTest::newRow("both") << true << true;
    }

    void outcomeRoundTrip()
    {
        QFETCH(bool, withResult);
        QFETCH(bool, withError);
        std::optional<Api::TaskResult> result;
        std::optional<Api::Error> error;
        if (withResult)
            result = Api::TaskResult {u"42"_s, Api::DecisionId(5), 0.75};
        if (withError)
            error = Api::makeError(Api::ErrorCode::NoConsensus, u"no consensus: tie"_s, {{u"reason"_s, u"tie"_s}});
        std::optional<Api::TaskResult> decodedResult = Api::TaskResult {};
        std::optional<Api::Error> decodedError = Api::Error {};
        QVERIFY(RecordCodec::decodeOutcome(RecordCodec::encodeOutcome(result, error), decodedResult, decodedError));
        QCOMPARE(decodedResult, result);
        QCOMPARE(decodedError, error);
    }

    void truncatedOrForeignBytesAreRejected()
    {
        const QByteArray spec = RecordCodec::encode(fullSpec());
        for (qsizetype cut = 0; cut < spec.size(); cut += 7)
            QVERIFY2(!RecordCodec::decodeTaskSpec(spec.left(cut)), qPrintable(QString::number(cut)));
        const QByteArray decision = RecordCodec::encode(fullDecision());
        for (qsizetype cut = 0; cut < decision.size(); cut += 5)
            QVERIFY(!RecordCodec::decodeDecision(decision.left(cut)));
        QVERIFY(!RecordCodec::decodeDecision(QByteArray("\x07garbage", 8)));
        QVERIFY(!RecordCodec::decodeTaskSpec(decision)); // a decision is not a task spec of this version
    }

    void varintsAndDoubles_data()
    {
        QTest::addColumn<qint64>("value");
        for (qint64 v : {qint64(0), qint64(1), qint64(-1), qint64(63), qint64(-64), qint64(127), qint64(128),
                         qint64(300), std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()})
            QTest::addRow("%lld", static_cast<long long>(v)) << v;
    }

    void varintsAndDoubles()
    {
        QFETCH(qint64, value);
        BinaryWriter w;
        w.i64(value);
        w.u64(static_cast<quint64>(value));
        w.f64Compact(static_cast<double>(value) / 3.0);
        const QByteArray bytes = w.take();
        BinaryReader r(bytes);
        QCOMPARE(r.i64(), value);
        QCOMPARE(r.u64(), static_cast<quint64>(value));
        QCOMPARE(r.f64Compact(), static_cast<double>(value) / 3.0);
        QVERIFY(r.ok());
        r.u64();
        QVERIFY(!r.ok()); // reading past the end is noticed
    }
};

QTEST_GUILESS_MAIN(TestRecordCodec)
#include "tst_recordcodec.moc"
