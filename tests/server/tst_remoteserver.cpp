// RemoteServer as clients meet it, good and bad: credentials, roles, the protocol, limits.
#include "../remote/remotesamples.h"

#include <backendfixture.h>
#include <rawwebsocket.h>

#include <server/clientsession.h>

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QWebSocket>

using namespace QwenSwarm;
using namespace QwenSwarm::Testing;
using namespace Qt::Literals::StringLiterals;
using Api::ErrorCode;

class TestRemoteServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BackendFixture> m_fixture;

    QByteArray key(Remote::Role role) { return m_fixture->keys().create(role, u"t"_s)->key.toUtf8(); }

    std::unique_ptr<Remote::RemoteBackend> client(const QByteArray &token)
    {
        Remote::RemoteOptions options;
        options.url = m_fixture->server()->url();
        options.token = token;
        auto c = std::make_unique<Remote::RemoteBackend>(options);
        c->connectToServer();
        return c;
    }

    static bool connected(Remote::RemoteBackend &c)
    {
        return spinUntil([&] { return c.state() == Remote::RemoteBackend::State::Connected; }, 5000);
    }

    // An HTTP request on a fresh socket; the whole response.
    QByteArray http(const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_fixture->server()->port());
        spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; });
        socket.write(request);
        QByteArray response;
        spinUntil([&] {
            response += socket.readAll();
            return socket.state() != QAbstractSocket::ConnectedState;
        });
        return response + socket.readAll();
    }

    // Reads the text frames a raw socket receives (server frames are not masked).
    static QList<QByteArray> frames(QByteArray &buffer)
    {
        QList<QByteArray> out;
        while (buffer.size() >= 2) {
            quint64 n = static_cast<quint8>(buffer[1]) & 0x7f;
            qsizetype at = 2;
            if (n == 126 && buffer.size() >= 4) {
                n = (quint64(quint8(buffer[2])) << 8) | quint8(buffer[3]);
                at = 4;
            } else if (n == 127) {
                break; // not needed here
            }
            if (buffer.size() < at + qsizetype(n))
                break;
            out.append(buffer.mid(at, qsizetype(n)));
            buffer.remove(0, at + qsizetype(n));
        }
        return out;
    }

private:
    static Remote::ServerOptions slowReaderOptions()
    {
        // Small limits, so a few thousand events overflow them.
        Remote::ServerOptions options;
        options.session.softOutgoingBytes = 16 * 1024;
        options.session.hardOutgoingBytes = 256 * 1024;
        options.session.maxHeldEvents = 200;
        options.session.socketSendBufferBytes = 16 * 1024; // the kernel holds little for it either
        return options;
    }

    /// Restarts the server with `options` and an agent that never runs anything, so tasks only queue.
    std::optional<Api::Swarm> startWithIdleSwarm(const Remote::ServerOptions &options)
    {
        m_fixture = std::make_unique<BackendFixture>(BackendKind::Remote);
        if (!m_fixture->start(Remote::Role::Admin, options))
            return std::nullopt;
        Api::SwarmSpec spec;
        spec.name = u"busy"_s;
        spec.agents = {Api::AgentSpec {}};
        spec.agents[0].name = u"a"_s;
        spec.agents[0].limits.maxConcurrency = 0;
        const auto swarm
            = await<Api::Swarm>([&](QObject *c, auto d) { m_fixture->engineBackend().createSwarm(spec, c, d); });
        if (!swarm)
            return std::nullopt;
        return swarm.value();
    }

    void subscribeAndStopReading(RawWebSocket &raw)
    {
        QVERIFY(raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer), {}, 4096).contains("101"));
        raw.sendFrame(R"({"type":"hello","versions":{"min":1,"max":1},"client":"t"})");
        raw.sendFrame(
            R"({"type":"request","id":1,"method":"events.subscribe","params":{"spec":{"topics":["tasks"]}}})");
        spinFor(100);
        raw.socket().setReadBufferSize(1); // from now on it does not read
        raw.socket().readAll();
    }

    /// Some 15 MB of events for 15,000 tasks: more than the kernel's socket buffers hold.
    bool floodWithTasks(Api::SwarmId swarm, int count)
    {
        QList<Api::TaskSpec> specs;
        for (int i = 0; i < count; ++i) {
            Api::TaskSpec t;
            t.swarmId = swarm;
            t.promptTemplate = u"t"_s;
            specs.append(t);
        }
        for (qsizetype from = 0; from < specs.size(); from += 5000) {
            const QList<Api::TaskSpec> batch = specs.mid(from, 5000);
            const auto submitted = await<QList<Api::Task>>(
                [&](QObject *c, auto d) { m_fixture->engineBackend().submitTasks(batch, c, d); });
            if (!submitted)
                return false;
        }
        return true;
    }

    /// `count` log events numbered from `first`.
    static QList<Api::Event> logs(quint64 first, int count)
    {
        QList<Api::Event> events;
        for (int i = 0; i < count; ++i)
            events.append(Api::Event {first + quint64(i), 1'795'000'000'000,
                                      Api::LogEvent {Api::LogLevel::Info, u"t"_s, u"m"_s}});
        return events;
    }

    /// A raw client subscribed to logs; the subscription's backend id.
    std::optional<Api::SubscriptionId> subscribeRaw(RawWebSocket &raw, QByteArray &buffer)
    {
        if (!raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer)).contains("101"))
            return std::nullopt;
        raw.sendFrame(R"({"type":"hello","versions":{"min":1,"max":1},"client":"t"})");
        raw.sendFrame(R"({"type":"request","id":1,"method":"events.subscribe","params":{"spec":{"topics":["logs"]}}})");
        std::optional<Api::SubscriptionId> subscription;
        spinUntil([&] {
            buffer += raw.socket().readAll();
            for (const QByteArray &frame : frames(buffer)) {
                const QJsonObject message = QJsonDocument::fromJson(frame).object();
                if (message.value(u"id"_s).toInteger() == 1)
                    subscription = Api::SubscriptionId(
                        quint64(message.value(u"result"_s).toObject().value(u"id"_s).toInteger()));
            }
            return subscription.has_value();
        });
        return subscription;
    }

    /// The seqs of each event message the raw client receives, until `events` arrived (and a
    /// moment more, to see that nothing else does); empty on anything but event messages.
    static QList<QList<quint64>> eventMessages(RawWebSocket &raw, QByteArray &buffer, int events)
    {
        QList<QList<quint64>> messages;
        int received = 0;
        bool onlyEvents = true;
        const auto read = [&] {
            buffer += raw.socket().readAll();
            for (const QByteArray &frame : frames(buffer)) {
                const Remote::DecodeResult decoded = Remote::MessageCodec().decode(QByteArrayView(frame));
                const auto *batch = decoded.ok() ? std::get_if<Remote::EventBatch>(&*decoded.message) : nullptr;
                if (!batch) {
                    onlyEvents = false;
                    continue;
                }
                QList<quint64> seqs;
                for (const Api::Event &event : batch->events)
                    seqs.append(event.seq);
                received += int(seqs.size());
                messages.append(seqs);
            }
            return received >= events;
        };
        spinUntil(read);
        spinFor(100);
        read();
        return onlyEvents ? messages : QList<QList<quint64>> {};
    }

private Q_SLOTS:
    void init()
    {
        Engine::EngineConfig config;
        m_fixture = std::make_unique<BackendFixture>(BackendKind::Remote, config);
        QVERIFY(m_fixture->start());
    }
    void cleanup() { m_fixture.reset(); }

    void refusesMissingOrBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("bearer");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("garbage") << QByteArray("not-a-token");
        QTest::newRow("unknown key") << QByteArray("qs_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("alg none") << QByteArray("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    }

    void refusesMissingOrBadCredentials()
    {
        QFETCH(QByteArray, bearer);
        QList<Api::AuditEvent> audit;
        connect(m_fixture->server(), &Remote::RemoteServer::audited, this,
                [&](const Api::AuditEvent &e) { audit.append(e); });
        RawWebSocket raw;
        QCOMPARE(raw.open(m_fixture->server()->port(), bearer), QByteArray("HTTP/1.1 401 Unauthorized"));
        QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [](const Api::AuditEvent &e) { return !e.allowed; }));
        // The same refusal reaches a RemoteBackend as a final Unauthenticated error.
        auto c = client(bearer);
        std::optional<Api::Error> error;
        connect(c.get(), &Remote::RemoteBackend::connectionError, this, [&](const Api::Error &e) { error = e; });
        QVERIFY(spinUntil([&] { return error.has_value(); }));
        QCOMPARE(error->code, ErrorCode::Unauthenticated);
        spinFor(700);
        QCOMPARE(c->state(), Remote::RemoteBackend::State::Disconnected); // no retrying a refused credential
    }

    void rolesAreCheckedOnEveryCall()
    {
        auto viewer = client(key(Remote::Role::Viewer));
        QVERIFY(connected(*viewer));
        QCOMPARE(viewer->role(), Remote::Role::Viewer);
        QS_VERIFY_OK((await<QList<Api::Swarm>>([&](QObject *c, auto d) { viewer->listSwarms(c, d); })));
        Api::SwarmSpec spec;
        spec.name = u"nope"_s;
        const auto denied = await<Api::Swarm>([&](QObject *c, auto d) { viewer->createSwarm(spec, c, d); });
        QS_VERIFY_ERROR(denied, ErrorCode::PermissionDenied);
        QVERIFY(denied.error().message.contains(u"operator"_s));
        Api::SubscriptionSpec audit;
        audit.topics = {Api::Topic::Audit};
        QS_VERIFY_ERROR((await<Api::Subscription>([&](QObject *c, auto d) { viewer->subscribe(audit, c, d); })),
                        ErrorCode::PermissionDenied);
        auto operatorClient = client(key(Remote::Role::Operator));
        QVERIFY(connected(*operatorClient));
        QS_VERIFY_OK((await<Api::Swarm>([&](QObject *c, auto d) { operatorClient->createSwarm(spec, c, d); })));
        QS_VERIFY_ERROR((await<Api::LearningState>([&](QObject *c, auto d) {
                            operatorClient->importLearning({}, c, [d](Api::Result<void> r) {
                                d(r ? Api::Result<Api::LearningState>(Api::LearningState {})
                                    : Api::Result<Api::LearningState>(r.error()));
                            });
                        })),
                        ErrorCode::PermissionDenied);
    }

    // Every method, called by every role over the wire: refused with permission_denied exactly when
    // the role is below the method's, and every refusal lands in the audit log.
    void rbacMatrixOfRoleByCall_data()
    {
        QTest::addColumn<Remote::Role>("role");
        QTest::newRow("viewer") << Remote::Role::Viewer;
        QTest::newRow("operator") << Remote::Role::Operator;
        QTest::newRow("admin") << Remote::Role::Admin;
    }

    void rbacMatrixOfRoleByCall()
    {
        QFETCH(Remote::Role, role);
        const QByteArray token = key(role);
        RawWebSocket raw;
        QVERIFY(raw.open(m_fixture->server()->port(), token).contains("101"));
        raw.sendFrame(R"({"type":"hello","versions":{"min":1,"max":1},"client":"t"})");
        for (std::size_t i = 0; i < Remote::methodCount; ++i) {
            const auto method = static_cast<Remote::Method>(i);
            raw.sendFrame(Remote::MessageCodec::encode(Remote::Request {i + 1, Samples::call(method)}));
        }
        QHash<quint64, QString> answers; // request id -> "ok" or the error code
        QByteArray buffer;
        QVERIFY(spinUntil([&] {
            buffer += raw.socket().readAll();
            for (const QByteArray &frame : frames(buffer)) {
                const QJsonObject message = QJsonDocument::fromJson(frame).object();
                const QString type = message.value(u"type"_s).toString();
                const auto id = static_cast<quint64>(message.value(u"id"_s).toInteger());
                if (type == u"result"_s)
                    answers.insert(id, u"ok"_s);
                else if (type == u"error"_s)
                    answers.insert(id, message.value(u"error"_s).toObject().value(u"code"_s).toString());
            }
            return answers.size() == qsizetype(Remote::methodCount);
        }));
        QStringList denied;
        for (std::size_t i = 0; i < Remote::methodCount; ++i) {
            const auto method = static_cast<Remote::Method>(i);
            const QString name = Remote::methodName(method).toString();
            const bool allowed = Remote::roleAllows(role, Remote::requiredRole(method));
            QVERIFY2((answers.value(i + 1) == u"permission_denied"_s) != allowed,
                     qPrintable(name + u": "_s + answers.value(i + 1)));
            if (!allowed)
                denied.append(name);
        }
        QCOMPARE(denied.isEmpty(), role == Remote::Role::Admin);

        Api::AuditQuery refusals;
        refusals.actor = u"api-key:"_s + QString::fromUtf8(token.mid(3, 16));
        refusals.allowed = false;
        QStringList audited;
        QVERIFY(spinUntil([&] {
            const auto page = await<Api::Page<Api::AuditEntry>>(
                [&](QObject *c, auto d) { m_fixture->backend().queryAudit(refusals, c, d); });
            audited.clear();
            for (const Api::AuditEntry &entry : page->items)
                audited.prepend(entry.action);
            return audited.size() >= denied.size();
        }));
        QCOMPARE(audited, denied);
    }

    void theAuditLogIsForAdminsAndRecordsLoginsAndChanges()
    {
        auto viewer = client(key(Remote::Role::Viewer));
        QVERIFY(connected(*viewer));
        QS_VERIFY_ERROR((await<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) { viewer->queryAudit({}, c, d); })),
                        ErrorCode::PermissionDenied);
        const QByteArray operatorKey = key(Remote::Role::Operator);
        auto operatorClient = client(operatorKey);
        QVERIFY(connected(*operatorClient));
        QS_VERIFY_ERROR(
            (await<Api::Page<Api::AuditEntry>>([&](QObject *c, auto d) { operatorClient->queryAudit({}, c, d); })),
            ErrorCode::PermissionDenied);
        Api::SwarmSpec spec;
        spec.name = u"audited"_s;
        QS_VERIFY_OK((await<Api::Swarm>([&](QObject *c, auto d) { operatorClient->createSwarm(spec, c, d); })));
        RawWebSocket refused;
        QVERIFY(refused.open(m_fixture->server()->port(), "qs_0123456789abcdef_nope").contains("401"));
        QVERIFY(http("POST /v1/tasks HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}").startsWith("HTTP/1.1 401"));

        const QString operatorActor = u"api-key:"_s + QString::fromUtf8(operatorKey.mid(3, 16));
        const auto find = [&](const QString &actor, const QString &action, bool allowed) {
            Api::AuditQuery query;
            query.actor = actor;
            query.action = action;
            query.allowed = allowed;
            return spinUntil([&] {
                const auto page = await<Api::Page<Api::AuditEntry>>(
                    [&](QObject *c, auto d) { m_fixture->backend().queryAudit(query, c, d); });
                return page && !page->items.isEmpty();
            });
        };
        QVERIFY(find(operatorActor, u"connect"_s, true)); // the login, with the role granted
        QVERIFY(find(operatorActor, u"swarms.create"_s, true)); // a state-changing call
        QVERIFY(find(operatorActor, u"audit.query"_s, false)); // a denial
        QVERIFY(find(u"anonymous"_s, u"connect"_s, false)); // a refused credential
        QVERIFY(find(u"anonymous"_s, u"http"_s, false)); // the same over HTTP
    }

    void versionMismatchIsAnErrorThenAClose()
    {
        RawWebSocket raw;
        QCOMPARE(raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer)),
                 QByteArray("HTTP/1.1 101 Switching Protocols"));
        raw.sendFrame(R"({"type":"hello","versions":{"min":7,"max":9},"client":"future"})");
        QByteArray buffer;
        QList<QByteArray> received;
        QVERIFY(spinUntil([&] {
            buffer += raw.socket().readAll();
            received += frames(buffer);
            return !received.isEmpty() && raw.socket().state() != QAbstractSocket::ConnectedState;
        }));
        QVERIFY2(received.constFirst().contains("no common protocol version"), received.constFirst().constData());
    }

    void requestsBeforeHelloCloseTheConnection()
    {
        RawWebSocket raw;
        QVERIFY(raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer)).contains("101"));
        raw.sendFrame(R"({"type":"request","id":1,"method":"info","params":{}})");
        QVERIFY(spinUntil([&] { return raw.socket().state() != QAbstractSocket::ConnectedState; }));
    }

    void badMessagesGetTypedErrorsAndTheConnectionStays_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("not json") << QByteArray("{nope") << u"invalid_argument"_s << QString();
        QTest::newRow("unknown method") << QByteArray(
            R"({"type":"request","id":5,"method":"tasks.explode","params":{}})")
                                        << u"unimplemented"_s << QString();
        QTest::newRow("wrong type with a path")
            << QByteArray(R"({"type":"request","id":6,"method":"tasks.get","params":{"id":"seven"}})")
            << u"invalid_argument"_s << u"params.id"_s;
        QTest::newRow("invalid spec") << QByteArray(
            R"({"type":"request","id":7,"method":"swarms.create","params":{"spec":{"name":"x","agents":[{"name":"a","role":"boss"}]}}})")
                                      << u"invalid_argument"_s << u"agents[0].role"_s;
    }

    void badMessagesGetTypedErrorsAndTheConnectionStays()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, code);
        QFETCH(QString, fragment);
        RawWebSocket raw;
        QVERIFY(raw.open(m_fixture->server()->port(), key(Remote::Role::Admin)).contains("101"));
        raw.sendFrame(R"({"type":"hello","versions":{"min":1,"max":1},"client":"t"})");
        raw.sendFrame(message);
        raw.sendFrame(R"({"type":"request","id":99,"method":"info","params":{}})");
        QByteArray buffer;
        QList<QByteArray> received;
        QVERIFY(spinUntil([&] {
            buffer += raw.socket().readAll();
            received += frames(buffer);
            return received.size() >= 3;
        }));
        const QJsonObject error = QJsonDocument::fromJson(received[1]).object();
        QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(error.value(u"error"_s).toObject().value(u"code"_s).toString(), code);
        if (!fragment.isEmpty())
            QVERIFY2(error.value(u"error"_s).toObject().value(u"message"_s).toString().contains(fragment),
                     received[1].constData());
        QCOMPARE(QJsonDocument::fromJson(received[2]).object().value(u"type"_s).toString(),
                 u"result"_s); // still served
    }

    void oversizedMessagesCloseWith1009AndOthersGoOn_data()
    {
        QTest::addColumn<int>("fragments");
        QTest::newRow("one frame of 1 MiB + 1") << 1;
        QTest::newRow("1 MiB + 1 in two fragments, each under the limit") << 2;
        QTest::newRow("1 MiB + 1 in 64 fragments") << 64;
    }

    void oversizedMessagesCloseWith1009AndOthersGoOn()
    {
        QFETCH(int, fragments);
        auto other = client(key(Remote::Role::Viewer));
        QVERIFY(connected(*other));
        RawWebSocket raw;
        QVERIFY(raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer)).contains("101"));
        raw.sendFrame(R"({"type":"hello","versions":{"min":1,"max":1},"client":"t"})");
        const QByteArray message(1024 * 1024 + 1, 'x');
        const qsizetype step = (message.size() + fragments - 1) / fragments;
        for (int i = 0; i < fragments; ++i)
            raw.sendFrame(message.mid(i * step, step), i == 0 ? 1 : 0, i + 1 < fragments);
        QByteArray buffer;
        QVERIFY(spinUntil([&] {
            buffer += raw.socket().readAll();
            return raw.socket().state() != QAbstractSocket::ConnectedState;
        }));
        // The close frame (opcode 8) carries code 1009.
        const qsizetype close = buffer.indexOf(char(0x88));
        QVERIFY(close >= 0 && buffer.size() >= close + 4);
        QCOMPARE((quint8(buffer[close + 2]) << 8) | quint8(buffer[close + 3]), 1009);
        QS_VERIFY_OK((await<QList<Api::Swarm>>([&](QObject *c, auto d) { other->listSwarms(c, d); })));
    }

    void slowLorisSocketsDoNotStopRealClients()
    {
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 200; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(u"127.0.0.1"_s, m_fixture->server()->port());
            slow.push_back(std::move(s));
        }
        QVERIFY(spinUntil([&] {
            return std::all_of(slow.cbegin(), slow.cend(),
                               [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; });
        }));
        for (auto &s : slow)
            s->write("GET / HTTP/1.1\r\nHost: x\r\n"); // and never the end of the head
        auto real = client(key(Remote::Role::Viewer));
        QVERIFY(connected(*real));
        QS_VERIFY_OK((await<Api::BackendInfo>([&](QObject *c, auto d) { real->info(c, d); })));
    }

    void listenQueueHoldsABurstOfClients()
    {
        // A burst of connections beyond the kernel's accept queue has its handshakes dropped and
        // retried seconds later; the server asks for a queue as long as its connection limit (the
        // kernel caps it at net.core.somaxconn). ss (iproute2) shows a listener's queue as its Send-Q.
        QFile somaxconn(u"/proc/sys/net/core/somaxconn"_s);
        QVERIFY(somaxconn.open(QIODevice::ReadOnly));
        const int cap = somaxconn.readAll().trimmed().toInt();
        QProcess ss;
        ss.start(u"ss"_s, {u"-ltnH"_s, u"sport = :%1"_s.arg(m_fixture->server()->port())});
        QVERIFY2(ss.waitForFinished(10000) && ss.exitCode() == 0, "ss (iproute2) is needed");
        const QList<QByteArray> fields = ss.readAllStandardOutput().simplified().split(' ');
        QVERIFY(fields.size() >= 3);
        QCOMPARE(fields[0], QByteArray("LISTEN"));
        QCOMPARE(fields[2].toInt(), std::min(cap, Remote::ServerOptions {}.maxConnections));
    }

    void revokedKeysStopWorkingWithinASecondOrTwo()
    {
        const QByteArray token = key(Remote::Role::Viewer);
        auto c = client(token);
        QVERIFY(connected(*c));
        const QString keyId = QString::fromUtf8(token.mid(3, 16));
        QS_VERIFY_OK(m_fixture->keys().revoke(keyId));
        std::optional<Api::Error> error;
        connect(c.get(), &Remote::RemoteBackend::connectionError, this, [&](const Api::Error &e) { error = e; });
        QVERIFY(spinUntil([&] { return c->state() == Remote::RemoteBackend::State::Disconnected; }, 3000));
        QVERIFY(error && error->code == ErrorCode::Unauthenticated);
    }

    void aReaderThatStopsReadingIsCutOffNotBuffered()
    {
        Remote::ServerOptions options = slowReaderOptions();
        options.session.stalledReaderMs = 1000;
        const auto swarm = startWithIdleSwarm(options);
        QVERIFY(swarm);
        auto healthy = client(key(Remote::Role::Viewer));
        QVERIFY(connected(*healthy));
        const int others = m_fixture->server()->sessionCount();

        RawWebSocket raw;
        subscribeAndStopReading(raw);
        QVERIFY(floodWithTasks(swarm->id, 15000));
        // Memory stays bounded: the server gives up on the stalled reader and goes on serving others.
        QVERIFY(spinUntil([&] { return m_fixture->server()->sessionCount() == others; }, 20000));
        QS_VERIFY_OK((await<QList<Api::Swarm>>([&](QObject *c, auto d) { healthy->listSwarms(c, d); })));
    }

    void aReaderThatFallsBehindIsToldWhatItMissed()
    {
        Remote::ServerOptions options = slowReaderOptions();
        options.session.stalledReaderMs = 60000;
        const auto swarm = startWithIdleSwarm(options);
        QVERIFY(swarm);

        const int others = m_fixture->server()->sessionCount();
        RawWebSocket raw;
        subscribeAndStopReading(raw);
        QVERIFY(floodWithTasks(swarm->id, 15000));
        // It reads again: what was held arrives, preceded by a notice of what was dropped.
        raw.socket().setReadBufferSize(0);
        QByteArray received;
        QVERIFY(spinUntil(
            [&] {
                received += raw.socket().readAll();
                return received.contains(R"("type":"dropped")");
            },
            20000));
        QCOMPARE(m_fixture->server()->sessionCount(), others + 1);
    }

    void eventsThatComeWhileAWriteWaitsShareTheNextMessage()
    {
        RawWebSocket raw;
        QByteArray buffer;
        const auto id = subscribeRaw(raw, buffer);
        QVERIFY(id);
        // Three flushes of the engine in one turn of the server's loop: the first goes out at once,
        // the two that follow wait for that write and then leave together, in order.
        Q_EMIT m_fixture->engineBackend().eventsReceived(*id, logs(1001, 1));
        Q_EMIT m_fixture->engineBackend().eventsReceived(*id, logs(1002, 2));
        Q_EMIT m_fixture->engineBackend().eventsReceived(*id, logs(1004, 1));
        const QList<QList<quint64>> messages = eventMessages(raw, buffer, 4);
        QCOMPARE(messages, (QList<QList<quint64>> {{1001}, {1002, 1003, 1004}}));
    }

    void aReaderThatKeepsUpLosesNothingToCoalescing()
    {
        // More events in one turn than a session holds back: what is held goes out first, nothing
        // is dropped (the reader is not behind, its socket takes everything).
        Remote::ServerOptions options;
        options.session.maxHeldEvents = 200;
        m_fixture = std::make_unique<BackendFixture>(BackendKind::Remote);
        QVERIFY(m_fixture->start(Remote::Role::Admin, options));
        RawWebSocket raw;
        QByteArray buffer;
        const auto id = subscribeRaw(raw, buffer);
        QVERIFY(id);
        for (quint64 first = 1; first <= 600; first += 150)
            Q_EMIT m_fixture->engineBackend().eventsReceived(*id, logs(first, 150));
        QList<quint64> seqs;
        for (const QList<quint64> &message : eventMessages(raw, buffer, 600))
            seqs += message;
        QCOMPARE(seqs.size(), 600);
        QCOMPARE(seqs.first(), quint64(1));
        QCOMPARE(seqs.last(), quint64(600));
        QVERIFY(std::is_sorted(seqs.cbegin(), seqs.cend()));
    }

    void originsOutsideTheListAreRefused()
    {
        RawWebSocket raw;
        QCOMPARE(raw.open(m_fixture->server()->port(), key(Remote::Role::Viewer), "Origin: https://evil.example\r\n"),
                 QByteArray("HTTP/1.1 403 Forbidden"));
    }

    // /metrics read by Prometheus's own parser and linter: promtool check metrics (Debian package
    // prometheus). Without promtool the test is skipped on a workstation and fails in CI.
    void metricsPassPromtool()
    {
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty()) {
            if (qEnvironmentVariableIntValue("CI") == 1)
                QFAIL("promtool is not installed (Debian package prometheus; scripts/dev deps installs it)");
            QSKIP("promtool is not installed (Debian package prometheus)");
        }
        // Some work first, so that the labelled families and the histograms have samples.
        Api::SwarmSpec spec;
        spec.name = u"metrics"_s;
        spec.agents = {Api::AgentSpec {}, Api::AgentSpec {}};
        spec.agents[0].name = u"a"_s;
        spec.agents[1].name = u"b"_s;
        const auto swarm = await<Api::Swarm>([&](QObject *c, auto d) { m_fixture->backend().createSwarm(spec, c, d); });
        QS_VERIFY_OK(swarm);
        Api::TaskSpec task;
        task.swarmId = swarm->id;
        task.promptTemplate = u"2 + 2?"_s;
        const auto submitted
            = await<Api::Task>([&](QObject *c, auto d) { m_fixture->backend().submitTask(task, c, d); });
        QS_VERIFY_OK(submitted);
        QVERIFY(spinUntil([&] {
            const auto t
                = await<Api::Task>([&](QObject *c, auto d) { m_fixture->backend().task(submitted->id, c, d); });
            return t && Api::isTerminal(t->state);
        }));

        const QByteArray response
            = http("GET /metrics HTTP/1.1\r\nAuthorization: Bearer " + key(Remote::Role::Viewer) + "\r\n\r\n");
        QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
        const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
        QVERIFY(body.contains("# TYPE qwen_swarm_tasks_submitted_total counter"));
        QProcess check;
        check.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(check.waitForStarted());
        check.write(body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, said.constData());
        // promtool does parse: a broken exposition is refused.
        QProcess broken;
        broken.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(broken.waitForStarted());
        broken.write(body + "qwen_swarm_broken{label=\"x} 1\n");
        broken.closeWriteChannel();
        QVERIFY(broken.waitForFinished(30000));
        QVERIFY(broken.exitCode() != 0);
    }

    void httpEndpoints()
    {
        QVERIFY(http("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
        QVERIFY(http("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n").contains("\"ready\":true"));
        QVERIFY(http("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 401"));
        QVERIFY(http("GARBAGE\r\n\r\n").startsWith("HTTP/1.1 400"));
        const QByteArray viewer = key(Remote::Role::Viewer);
        const QByteArray operatorKey = key(Remote::Role::Operator);
        const QByteArray metrics = http("GET /metrics HTTP/1.1\r\nAuthorization: Bearer " + viewer + "\r\n\r\n");
        QVERIFY(metrics.contains("text/plain; version=0.0.4"));
        // Every line of the body is a comment or "name{labels} value", as the exposition format says.
        const QByteArray body = metrics.mid(metrics.indexOf("\r\n\r\n") + 4);
        static const QRegularExpression sample(
            QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? "
                           "(-?[0-9.e+-]+|NaN|[+-]Inf)$"));
        for (const QByteArray &line : body.split('\n')) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                continue;
            QVERIFY2(sample.match(QString::fromUtf8(line)).hasMatch(), line.constData());
        }
        const QByteArray swarm = R"({"spec":{"name":"rest","agents":[{"name":"a"}]}})";
        Q_UNUSED(swarm);
        QVERIFY(http("POST /v1/tasks HTTP/1.1\r\nAuthorization: Bearer " + viewer + "\r\nContent-Length: 2\r\n\r\n{}")
                    .startsWith("HTTP/1.1 403"));
        const QByteArray bad = http("POST /v1/tasks HTTP/1.1\r\nAuthorization: Bearer " + operatorKey
                                    + "\r\nContent-Length: 14\r\n\r\n{\"swarm_id\":1}");
        QVERIFY2(bad.startsWith("HTTP/1.1 400") && bad.contains("prompt"), bad.constData());
        QVERIFY(http("GET /v1/tasks/999 HTTP/1.1\r\nAuthorization: Bearer " + viewer + "\r\n\r\n")
                    .startsWith("HTTP/1.1 404"));

        // A workflow run over REST: refused for viewers and for a bad file, started for operators.
        Api::SwarmSpec team;
        team.name = u"rest"_s;
        team.agents = {Api::AgentSpec {}};
        team.agents[0].name = u"a"_s;
        QS_VERIFY_OK(await<Api::Swarm>([&](QObject *c, auto d) { m_fixture->backend().createSwarm(team, c, d); }));
        const auto post = [&](const QByteArray &token, const QByteArray &json) {
            return http("POST /v1/runs HTTP/1.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        };
        const QByteArray flow = R"({"workflow":{"format":"qwen-swarm-workflow","version":2,"name":"rest","steps":[)"
                                R"({"id":"only","swarm":"rest","prompt":"Say hi"}]},"inputs":{}})";
        QVERIFY(post(viewer, flow).startsWith("HTTP/1.1 403"));
        const QByteArray refused
            = post(operatorKey, QByteArray(flow).replace(R"("swarm":"rest")", R"("swarm":"gone")"));
        QVERIFY2(refused.startsWith("HTTP/1.1 400") && refused.contains("steps[only].swarm"), refused.constData());
        const QByteArray unreadable = post(operatorKey, R"({"workflow":{"version":9,"name":"x","steps":[]}})");
        QVERIFY2(unreadable.startsWith("HTTP/1.1 400") && unreadable.contains("version"), unreadable.constData());
        const QByteArray started = post(operatorKey, flow);
        QVERIFY2(started.startsWith("HTTP/1.1 201"), started.constData());
        const QJsonObject run = QJsonDocument::fromJson(started.mid(started.indexOf("\r\n\r\n") + 4)).object();
        const QByteArray id = QByteArray::number(run.value(u"id"_s).toInteger());
        QVERIFY(spinUntil([&] {
            return http("GET /v1/runs/" + id + " HTTP/1.1\r\nAuthorization: Bearer " + viewer + "\r\n\r\n")
                .contains(R"("state":"succeeded")");
        }));
        QVERIFY(http("GET /v1/runs/999 HTTP/1.1\r\nAuthorization: Bearer " + viewer + "\r\n\r\n")
                    .startsWith("HTTP/1.1 404"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteServer)
#include "tst_remoteserver.moc"
