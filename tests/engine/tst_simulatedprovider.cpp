#include "consensus/answernormalizer.h"
#include "providers/simulatedprovider.h"

#include <testsupport.h>

#include <QSet>
#include <QTest>

#include <algorithm>
#include <map>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;

namespace {

// What one call produced, in a comparable form.
struct Outcome
{
    bool ok = false;
    QString text;
    int promptTokens = 0;
    int completionTokens = 0;
    double costUsd = 0;
    Api::ErrorCode errorCode = Api::ErrorCode::Internal;
    QJsonObject errorDetails;

    bool operator==(const Outcome &) const = default;
};

class RecordingSink : public ProviderSink
{
public:
    void providerFinished(quint64 callId, Api::Result<ProviderResponse> result) override
    {
        Outcome o;
        o.ok = result.ok();
        if (result.ok()) {
            o.text = result->text;
            o.promptTokens = result->promptTokens;
            o.completionTokens = result->completionTokens;
            o.costUsd = result->costUsd;
        } else {
            o.errorCode = result.error().code;
            o.errorDetails = result.error().details;
        }
        ++timesFinished[callId];
        outcomes[callId] = o;
        order.append(callId);
    }

    bool has(quint64 callId) const { return outcomes.count(callId) > 0; }
    bool waitFor(int count)
    {
        return Testing::spinUntil([this, count] { return order.size() >= count; });
    }

    std::map<quint64, Outcome> outcomes;
    std::map<quint64, int> timesFinished;
    QList<quint64> order;
};

ProviderRequest request(quint64 callId, quint64 agent, const QJsonObject &parameters, quint64 seedKey = 0,
                        quint64 taskKey = 0)
{
    ProviderRequest r;
    r.callId = callId;
    r.agentId = Api::AgentId(agent);
    r.model = u"sim-1"_s;
    r.parameters = parameters;
    r.systemPrompt = u"You are a careful assistant."_s;
    r.userMessage = u"Which city is the capital of France?"_s;
    r.seedKey = seedKey ? seedKey : callId * 7919;
    r.taskKey = taskKey ? taskKey : callId / 5 + 1;
    return r;
}

const QStringList cities {u"Paris"_s, u"London"_s, u"Rome"_s, u"Madrid"_s};

ProviderRequest choiceRequest(quint64 callId, quint64 agent, const QJsonObject &parameters)
{
    ProviderRequest r = request(callId, agent, parameters);
    r.choices = cities;
    r.referenceAnswer = u"Paris"_s;
    return r;
}

// A mix that exercises every draw: failures, abstentions, malformed answers, wrong and right answers, latency.
const QJsonObject noisy {{u"accuracy"_s, 0.5},        {u"failure_rate"_s, 0.15},   {u"abstain_rate"_s, 0.1},
                         {u"malformed_rate"_s, 0.1},  {u"latency_ms"_s, 2},        {u"latency_spread"_s, 1.0},
                         {u"completion_tokens"_s, 5}, {u"price_in_per_mtok"_s, 3}, {u"price_out_per_mtok"_s, 15}};

std::map<quint64, Outcome> runAll(quint64 seed, const QList<ProviderRequest> &requests)
{
    QObject owner;
    SimulatedProvider provider(&owner, seed);
    RecordingSink sink;
    for (const ProviderRequest &r : requests)
        provider.start(r, &sink);
    if (!sink.waitFor(static_cast<int>(requests.size())))
        return {};
    return sink.outcomes;
}

QList<ProviderRequest> noisyRequests(int count, quint64 seedKeyOffset = 0)
{
    QList<ProviderRequest> requests;
    for (int i = 1; i <= count; ++i) {
        ProviderRequest r = choiceRequest(quint64(i), quint64(i % 5 + 1), noisy);
        r.seedKey += seedKeyOffset;
        requests.append(r);
    }
    return requests;
}

QString normalizedChoice(const Outcome &o)
{
    return AnswerNormalizer::normalize(o.text, Api::AnswerFormat::Choice, cities).answer;
}

} // namespace

class TestSimulatedProvider : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void sameSeedSameOutcomesInAnyStartOrder();
    void outcomesVaryWithSeedKeyAndSeed();
    void accuracyOneAlwaysAnswersTheReference();
    void accurateAgentsAgreeWithoutReference();
    void accuracyZeroPicksAnotherChoice();
    void accuracyZeroMissesNumbers();
    void workloadMode_data();
    void workloadMode();
    void failureRateOneFailsRetriably();
    void abstainAndMalformedRates();
    void usageFollowsParameters();
    void neverAnswersSynchronously();
    void latencyDelaysDelivery();
    void cancelledCallIsNeverReported();
    void peakInFlight();
    void validateParameters_data();
    void validateParameters();
};

void TestSimulatedProvider::name()
{
    QObject owner;
    QCOMPARE(SimulatedProvider(&owner, 1).name(), u"simulated"_s);
    QCOMPARE(SimulatedProvider(&owner, 1, u"sim-b"_s).name(), u"sim-b"_s);
}

void TestSimulatedProvider::sameSeedSameOutcomesInAnyStartOrder()
{
    const QList<ProviderRequest> requests = noisyRequests(60);
    QList<ProviderRequest> reversed = requests;
    std::reverse(reversed.begin(), reversed.end());
    QList<ProviderRequest> interleaved;
    for (qsizetype i = 0; i < requests.size(); i += 2)
        interleaved.append(requests[i]);
    for (qsizetype i = 1; i < requests.size(); i += 2)
        interleaved.append(requests[i]);

    const auto first = runAll(42, requests);
    QCOMPARE(first.size(), std::size_t(60));
    QVERIFY(first == runAll(42, reversed));
    QVERIFY(first == runAll(42, interleaved));
    QVERIFY(first == runAll(42, requests));

    // The run exercised the draws it claims to reproduce.
    int failed = 0;
    int right = 0;
    int wrong = 0;
    for (const auto &[callId, outcome] : first) {
        if (!outcome.ok)
            ++failed;
        else if (normalizedChoice(outcome) == u"Paris"_s)
            ++right;
        else if (!normalizedChoice(outcome).isEmpty())
            ++wrong;
    }
    QVERIFY2(failed > 0 && right > 0 && wrong > 0,
             qPrintable(QStringLiteral("failed %1, right %2, wrong %3").arg(failed).arg(right).arg(wrong)));
}

void TestSimulatedProvider::outcomesVaryWithSeedKeyAndSeed()
{
    const auto base = runAll(42, noisyRequests(40));
    const auto otherSeedKeys = runAll(42, noisyRequests(40, 1000003));
    const auto otherSeed = runAll(43, noisyRequests(40));
    QCOMPARE(base.size(), std::size_t(40));
    QCOMPARE(otherSeedKeys.size(), std::size_t(40));
    QCOMPARE(otherSeed.size(), std::size_t(40));

    auto differences = [&base](const std::map<quint64, Outcome> &other) {
        int n = 0;
        for (const auto &[callId, outcome] : base)
            n += other.at(callId) == outcome ? 0 : 1;
        return n;
    };
    // Independent draws: most calls come out differently (same answer by chance is possible for some).
    QVERIFY2(differences(otherSeedKeys) >= 10, qPrintable(QString::number(differences(otherSeedKeys))));
    QVERIFY2(differences(otherSeed) >= 10, qPrintable(QString::number(differences(otherSeed))));
}

void TestSimulatedProvider::accuracyOneAlwaysAnswersTheReference()
{
    QObject owner;
    SimulatedProvider provider(&owner, 7);
    RecordingSink sink;
    const QJsonObject parameters {{u"accuracy"_s, 1.0}};
    for (quint64 i = 1; i <= 50; ++i) {
        ProviderRequest r = choiceRequest(i, i % 5 + 1, parameters);
        r.referenceAnswer = cities[static_cast<qsizetype>(i % 4)];
        provider.start(r, &sink);
    }
    ProviderRequest numeric = request(51, 1, parameters);
    numeric.referenceAnswer = u"1024"_s;
    provider.start(numeric, &sink);

    QVERIFY(sink.waitFor(51));
    for (quint64 i = 1; i <= 50; ++i) {
        const Outcome &o = sink.outcomes.at(i);
        QVERIFY(o.ok);
        QCOMPARE(normalizedChoice(o), cities[static_cast<qsizetype>(i % 4)]);
    }
    QCOMPARE(AnswerNormalizer::normalize(sink.outcomes.at(51).text, Api::AnswerFormat::Number, {}).answer, u"1024"_s);
}

void TestSimulatedProvider::accurateAgentsAgreeWithoutReference()
{
    QObject owner;
    SimulatedProvider provider(&owner, 7);
    RecordingSink sink;
    // Three tasks, five agents each, no reference answer: accurate agents agree within a task.
    quint64 callId = 0;
    for (quint64 task = 1; task <= 3; ++task) {
        for (quint64 agent = 1; agent <= 5; ++agent) {
            ProviderRequest r = request(++callId, agent, {{u"accuracy"_s, 1.0}}, task * 100 + agent, task);
            r.choices = cities;
            provider.start(r, &sink);
        }
    }
    QVERIFY(sink.waitFor(15));
    for (quint64 task = 0; task < 3; ++task) {
        QSet<QString> answers;
        for (quint64 agent = 1; agent <= 5; ++agent)
            answers.insert(normalizedChoice(sink.outcomes.at(task * 5 + agent)));
        QCOMPARE(answers.size(), 1);
        QVERIFY(cities.contains(*answers.cbegin()));
    }
}

void TestSimulatedProvider::accuracyZeroPicksAnotherChoice()
{
    QObject owner;
    SimulatedProvider provider(&owner, 7);
    RecordingSink sink;
    for (quint64 i = 1; i <= 60; ++i)
        provider.start(choiceRequest(i, i % 5 + 1, {{u"accuracy"_s, 0.0}}), &sink);
    QVERIFY(sink.waitFor(60));

    QSet<QString> seen;
    for (const auto &[callId, outcome] : sink.outcomes) {
        QVERIFY(outcome.ok);
        const auto normalized = AnswerNormalizer::normalize(outcome.text, Api::AnswerFormat::Choice, cities);
        QCOMPARE(normalized.status, Api::VoteStatus::Valid); // a real choice, just the wrong one
        QVERIFY2(normalized.answer != u"Paris"_s, qPrintable(outcome.text));
        seen.insert(normalized.answer);
    }
    QCOMPARE(seen, (QSet<QString> {u"London"_s, u"Rome"_s, u"Madrid"_s}));
}

void TestSimulatedProvider::accuracyZeroMissesNumbers()
{
    QObject owner;
    SimulatedProvider provider(&owner, 7);
    RecordingSink sink;
    for (quint64 i = 1; i <= 40; ++i) {
        ProviderRequest r = request(i, 1, {{u"accuracy"_s, 0.0}});
        r.referenceAnswer = u"144"_s;
        provider.start(r, &sink);
    }
    QVERIFY(sink.waitFor(40));
    for (const auto &[callId, outcome] : sink.outcomes) {
        const auto normalized = AnswerNormalizer::normalize(outcome.text, Api::AnswerFormat::Number, {});
        QCOMPARE(normalized.status, Api::VoteStatus::Valid); // another number, not garbage
        QVERIFY2(normalized.answer != u"144"_s, qPrintable(outcome.text));
    }
}

void TestSimulatedProvider::workloadMode_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("t0 i0: (0)%5 == 0") << u"task 0 agent 0"_s << u"B"_s;
    QTest::newRow("t1 i0") << u"task 1 agent 0"_s << u"A"_s;
    QTest::newRow("t7 i3: 10%5 == 0") << u"task 7 agent 3"_s << u"B"_s;
    QTest::newRow("t7 i4") << u"task 7 agent 4"_s << u"A"_s;
    QTest::newRow("t12 i4") << u"task 12 agent 4"_s << u"A"_s;
    QTest::newRow("t199999 i1") << u"task 199999 agent 1"_s << u"B"_s;
    QTest::newRow("t123456 i2") << u"task 123456 agent 2"_s << u"A"_s;
}

void TestSimulatedProvider::workloadMode()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);

    QObject owner;
    SimulatedProvider provider(&owner, 99);
    RecordingSink sink;
    // Accuracy does not matter in workload mode: the rule decides.
    for (double accuracy : {0.0, 1.0}) {
        const quint64 callId = accuracy > 0 ? 2 : 1;
        ProviderRequest r = request(callId, 1, {{u"mode"_s, u"workload"_s}, {u"accuracy"_s, accuracy}});
        r.userMessage = message;
        provider.start(r, &sink);
    }
    QVERIFY(sink.waitFor(2));
    QCOMPARE(sink.outcomes.at(1).text, expected);
    QCOMPARE(sink.outcomes.at(2).text, expected);
}

void TestSimulatedProvider::failureRateOneFailsRetriably()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5, u"sim-x"_s);
    RecordingSink sink;
    for (quint64 i = 1; i <= 10; ++i)
        provider.start(choiceRequest(i, 1, {{u"failure_rate"_s, 1.0}}), &sink);
    QVERIFY(sink.waitFor(10));
    for (const auto &[callId, outcome] : sink.outcomes) {
        QVERIFY(!outcome.ok);
        QCOMPARE(Api::enumName(outcome.errorCode).toString(), u"provider_error"_s);
        QCOMPARE(outcome.errorDetails.value(u"retriable"_s).toBool(false), true);
    }
    QCOMPARE(provider.stats().failed, quint64(10));
    QCOMPARE(provider.stats().completed, quint64(0));
    QCOMPARE(provider.stats().inFlight, 0);
}

void TestSimulatedProvider::abstainAndMalformedRates()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    for (quint64 i = 1; i <= 10; ++i)
        provider.start(choiceRequest(i, 1, {{u"abstain_rate"_s, 1.0}}), &sink);
    for (quint64 i = 11; i <= 20; ++i)
        provider.start(choiceRequest(i, 2, {{u"malformed_rate"_s, 1.0}}), &sink);
    QVERIFY(sink.waitFor(20));
    for (const auto &[callId, outcome] : sink.outcomes) {
        QVERIFY(outcome.ok);
        const auto status = AnswerNormalizer::normalize(outcome.text, Api::AnswerFormat::Choice, cities).status;
        QCOMPARE(status, callId <= 10 ? Api::VoteStatus::Abstained : Api::VoteStatus::Malformed);
    }
}

void TestSimulatedProvider::usageFollowsParameters()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    ProviderRequest r = request(
        1, 1, {{u"completion_tokens"_s, 100}, {u"price_in_per_mtok"_s, 2.0}, {u"price_out_per_mtok"_s, 10.0}});
    provider.start(r, &sink);
    ProviderRequest defaults = request(2, 2, {});
    provider.start(defaults, &sink);
    QVERIFY(sink.waitFor(2));

    const Outcome &priced = sink.outcomes.at(1);
    QCOMPARE(priced.completionTokens, 100);
    QVERIFY(priced.promptTokens > 0);
    QVERIFY(qFuzzyCompare(priced.costUsd, (priced.promptTokens * 2.0 + 100 * 10.0) / 1e6));

    const Outcome &free = sink.outcomes.at(2);
    QCOMPARE(free.completionTokens, 8);
    QCOMPARE(free.costUsd, 0.0);
}

void TestSimulatedProvider::neverAnswersSynchronously()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    provider.start(choiceRequest(1, 1, {}), &sink);
    provider.start(choiceRequest(2, 1, {{u"failure_rate"_s, 1.0}}), &sink);
    QVERIFY(sink.order.isEmpty());
    QCOMPARE(provider.stats().inFlight, 2);
    QVERIFY(sink.waitFor(2));
    QCOMPARE(sink.timesFinished.at(1), 1);
    QCOMPARE(sink.timesFinished.at(2), 1);
}

void TestSimulatedProvider::latencyDelaysDelivery()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    provider.start(choiceRequest(1, 1, {{u"latency_ms"_s, 150}}), &sink);
    provider.start(choiceRequest(2, 2, {{u"latency_ms"_s, 0}}), &sink);
    QVERIFY(sink.order.isEmpty());
    QVERIFY(sink.waitFor(2));
    // The slow call was started first and still comes last.
    QCOMPARE(sink.order, (QList<quint64> {2, 1}));
}

void TestSimulatedProvider::cancelledCallIsNeverReported()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    for (quint64 i = 1; i <= 3; ++i)
        provider.start(choiceRequest(i, 1, {{u"latency_ms"_s, 5}}), &sink);
    provider.cancel(2);
    QCOMPARE(provider.stats().cancelled, quint64(1));
    QCOMPARE(provider.stats().inFlight, 2);

    QVERIFY(sink.waitFor(2));
    Testing::spinFor(30); // give a wrongly delivered cancelled call the chance to show up
    QCOMPARE(sink.order.size(), 2);
    QVERIFY(!sink.has(2));

    provider.cancel(1); // already finished: nothing to cancel
    provider.cancel(99); // never started
    const SimulatedProvider::Stats &stats = provider.stats();
    QCOMPARE(stats.started, quint64(3));
    QCOMPARE(stats.completed, quint64(2));
    QCOMPARE(stats.cancelled, quint64(1));
    QCOMPARE(stats.inFlight, 0);
}

void TestSimulatedProvider::peakInFlight()
{
    QObject owner;
    SimulatedProvider provider(&owner, 5);
    RecordingSink sink;
    for (quint64 i = 1; i <= 3; ++i)
        provider.start(choiceRequest(i, 1, {}), &sink);
    for (quint64 i = 4; i <= 5; ++i)
        provider.start(choiceRequest(i, 2, {}), &sink);
    QCOMPARE(provider.stats().inFlight, 5);
    QVERIFY(sink.waitFor(5));

    provider.start(choiceRequest(6, 2, {}), &sink);
    QVERIFY(sink.waitFor(6));

    const SimulatedProvider::Stats &stats = provider.stats();
    QCOMPARE(stats.inFlight, 0);
    QCOMPARE(stats.peakInFlight, 5);
    QCOMPARE(stats.peakInFlightPerAgent.value(Api::AgentId(1)), 3);
    QCOMPARE(stats.peakInFlightPerAgent.value(Api::AgentId(2)), 2);
    QCOMPARE(stats.started, quint64(6));
    QCOMPARE(stats.completed, quint64(6));
}

void TestSimulatedProvider::validateParameters_data()
{
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("badPath"); // empty: valid

    QTest::newRow("none") << QJsonObject() << QString();
    QTest::newRow("every simulated parameter")
        << QJsonObject {{u"mode"_s, u"reference"_s},   {u"accuracy"_s, 0.9},         {u"latency_ms"_s, 20},
                        {u"latency_spread"_s, 0.5},    {u"failure_rate"_s, 0.01},    {u"abstain_rate"_s, 0.02},
                        {u"malformed_rate"_s, 0.03},   {u"completion_tokens"_s, 16}, {u"price_in_per_mtok"_s, 0.5},
                        {u"price_out_per_mtok"_s, 1.5}}
        << QString();
    QTest::newRow("workload mode") << QJsonObject {{u"mode"_s, u"workload"_s}} << QString();
    QTest::newRow("real model parameters are accepted")
        << QJsonObject {{u"temperature"_s, 0.7}, {u"top_p"_s, 0.9}, {u"max_tokens"_s, 256}, {u"seed"_s, 1234}}
        << QString();
    QTest::newRow("range ends") << QJsonObject {{u"accuracy"_s, 0},
                                                {u"failure_rate"_s, 1},
                                                {u"latency_ms"_s, 600000},
                                                {u"latency_spread"_s, 3},
                                                {u"completion_tokens"_s, 0}}
                                << QString();

    QTest::newRow("unknown key") << QJsonObject {{u"acuracy"_s, 0.9}} << u"parameters.acuracy"_s;
    QTest::newRow("unknown mode") << QJsonObject {{u"mode"_s, u"chaos"_s}} << u"parameters.mode"_s;
    QTest::newRow("accuracy above 1") << QJsonObject {{u"accuracy"_s, 1.01}} << u"parameters.accuracy"_s;
    QTest::newRow("accuracy negative") << QJsonObject {{u"accuracy"_s, -0.1}} << u"parameters.accuracy"_s;
    QTest::newRow("accuracy as string") << QJsonObject {{u"accuracy"_s, u"0.9"_s}} << u"parameters.accuracy"_s;
    QTest::newRow("latency too long") << QJsonObject {{u"latency_ms"_s, 600001}} << u"parameters.latency_ms"_s;
    QTest::newRow("latency negative") << QJsonObject {{u"latency_ms"_s, -1}} << u"parameters.latency_ms"_s;
    QTest::newRow("spread too wide") << QJsonObject {{u"latency_spread"_s, 3.5}} << u"parameters.latency_spread"_s;
    QTest::newRow("failure rate above 1") << QJsonObject {{u"failure_rate"_s, 2}} << u"parameters.failure_rate"_s;
    QTest::newRow("abstain rate negative") << QJsonObject {{u"abstain_rate"_s, -1}} << u"parameters.abstain_rate"_s;
    QTest::newRow("malformed rate above 1")
        << QJsonObject {{u"malformed_rate"_s, 1.5}} << u"parameters.malformed_rate"_s;
    QTest::newRow("fractional tokens") << QJsonObject {{u"completion_tokens"_s, 1.5}}
                                       << u"parameters.completion_tokens"_s;
    QTest::newRow("too many tokens") << QJsonObject {{u"completion_tokens"_s, 100001}}
                                     << u"parameters.completion_tokens"_s;
    QTest::newRow("negative price") << QJsonObject {{u"price_out_per_mtok"_s, -1}}
                                    << u"parameters.price_out_per_mtok"_s;
}

void TestSimulatedProvider::validateParameters()
{
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, badPath);

    QObject owner;
    const SimulatedProvider provider(&owner, 1);
    const auto result = provider.validateParameters(parameters);
    if (badPath.isEmpty()) {
        QS_VERIFY_OK(result);
        return;
    }
    QS_VERIFY_ERROR(result, Api::ErrorCode::InvalidArgument);
    QCOMPARE(result.error().details.value(u"path"_s).toString(), badPath);
    QVERIFY2(result.error().message.startsWith(badPath), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestSimulatedProvider)
#include "tst_simulatedprovider.moc"
