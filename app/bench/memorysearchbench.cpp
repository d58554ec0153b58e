// qwen-swarm-memory-bench: how fast memory is searched in a store holding many entries. It fills a
// fresh SQLite file (or an empty PostgreSQL database) with --entries synthetic entries of 1,000
// agents in 100 swarms through Store::importMemory, then runs --queries searches through
// Store::queryMemory, one at a time, as the console and the prompt builder issue them, and prints
// one JSON line: the latency of the searches (p50, p99, max) over all of them and per kind:
//   agent_words    an agent's entries holding a word (Zipf-distributed, as in text), 20 per page
//   agent_context  an agent's newest entries and its swarm's (the prompt builder's query), 20
//   words          every entry holding two words, 50 per page
//   rare_word      every entry holding a rare word, 50
//   tag_word       every entry with a tag and a word, 50
// Texts are 8 to 24 words from a vocabulary of 10,000, drawn with Zipf's law; 5% of the entries are
// swarms' shared ones. The store is called directly on this thread: the figure is the store's.
//
//   qwen-swarm-memory-bench --entries 1000000 --queries 5000 --store sqlite
//
// --filled searches a store an earlier run filled (the same --entries, with --db or --pg), so that
// what changes between runs is only the searching.
#include "store/postgresstore.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <vector>

using namespace QwenSwarm;

namespace {

constexpr int vocabulary = 10000;
constexpr int agents = 1000;
constexpr int agentsPerSwarm = 10;
constexpr int tags = 30;

[[noreturn]] void fail(const QString &message)
{
    QTextStream(stderr) << "qwen-swarm-memory-bench: " << message << '\n';
    std::exit(2);
}

struct Options
{
    int entries = 1000000;
    int queries = 5000;
    QString store = QStringLiteral("sqlite");
    QString pg;
    QString db;
    bool filled = false;
};

int positive(const QCommandLineParser &parser, const QString &name, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1 || value > max)
        fail(QStringLiteral("--%1 expects 1..%2").arg(name).arg(max));
    return value;
}

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures memory search: fills a store with synthetic memory entries, then times full-text "
                       "and filtered searches; prints one JSON line."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("entries"), QStringLiteral("Entries to fill the store with."), QStringLiteral("N"),
         QStringLiteral("1000000")},
        {QStringLiteral("queries"), QStringLiteral("Searches to time."), QStringLiteral("N"), QStringLiteral("5000")},
        {QStringLiteral("store"), QStringLiteral("sqlite or postgres."), QStringLiteral("KIND"),
         QStringLiteral("sqlite")},
        {QStringLiteral("pg"), QStringLiteral("The PostgreSQL database (an empty one), for --store postgres."),
         QStringLiteral("URL")},
        {QStringLiteral("db"), QStringLiteral("The SQLite file to create (default: in a temporary folder)."),
         QStringLiteral("PATH")},
        {QStringLiteral("filled"),
         QStringLiteral("The store already holds the entries an earlier run with the same --entries wrote: search "
                        "without filling (--db or --pg names it).")},
    });
    parser.process(app);
    Options o;
    o.entries = positive(parser, QStringLiteral("entries"), 100000000);
    o.queries = positive(parser, QStringLiteral("queries"), 10000000);
    o.store = parser.value(QStringLiteral("store"));
    o.pg = parser.value(QStringLiteral("pg"));
    o.db = parser.value(QStringLiteral("db"));
    o.filled = parser.isSet(QStringLiteral("filled"));
    if (o.filled && o.store == u"sqlite" && !QFileInfo::exists(o.db))
        fail(QStringLiteral("--filled needs --db naming a file an earlier run filled"));
    if (o.store != u"sqlite" && o.store != u"postgres")
        fail(QStringLiteral("--store expects sqlite or postgres"));
    if (o.store == u"postgres" && o.pg.isEmpty())
        fail(QStringLiteral("--store postgres needs --pg URL"));
    return o;
}

// SplitMix64: a small, fast, seeded generator, so that every run fills and asks the same.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// A rank in 0..n-1 with probability about proportional to 1 / (rank + 1) (Zipf's law).
    int zipf(int n) { return std::min(n - 1, static_cast<int>(std::pow(double(n), unit())) - 1); }

private:
    quint64 m_state;
};

QString word(int rank)
{
    QString w = QStringLiteral("w");
    for (int r = rank;; r /= 26) {
        w += QChar(u'a' + r % 26);
        if (r < 26)
            break;
    }
    return w;
}

Api::MemoryEntry entry(Random &random, int index, qint64 baseMs)
{
    Api::MemoryEntry e;
    const int agent = random.below(agents);
    e.swarmId = Api::SwarmId(quint64(agent / agentsPerSwarm + 1));
    if (random.below(20) != 0)
        e.agentId = Api::AgentId(quint64(agent + 1));
    e.kind = static_cast<Api::MemoryKind>(random.below(3));
    const int length = 8 + random.below(17);
    QStringList words;
    for (int i = 0; i < length; ++i)
        words.append(word(random.zipf(vocabulary)));
    e.text = words.join(QLatin1Char(' '));
    for (int i = random.below(3); i > 0; --i)
        e.tags.append(QStringLiteral("tag%1").arg(random.below(tags)));
    e.tags.removeDuplicates();
    e.source = QStringLiteral("engine");
    e.createdMs = baseMs + qint64(index) * 100;
    e.lastUsedMs = e.createdMs;
    return e;
}

template<typename T>
Api::Result<T> sync(const std::function<void(Engine::Store::Reply<T>)> &call)
{
    std::optional<Api::Result<T>> answer;
    call([&answer](Api::Result<T> result) { answer.emplace(std::move(result)); });
    if (!answer)
        fail(QStringLiteral("the store did not answer at once"));
    return std::move(*answer);
}

double fill(Engine::Store &store, int entries)
{
    Random random(42);
    const qint64 baseMs = 1764000000000;
    QElapsedTimer clock;
    clock.start();
    constexpr int batch = 50000;
    for (int first = 0; first < entries; first += batch) {
        QList<Api::MemoryEntry> chunk;
        for (int i = first; i < std::min(entries, first + batch); ++i)
            chunk.append(entry(random, i, baseMs));
        const auto done = sync<void>([&](auto reply) { store.importMemory(chunk, reply); });
        if (!done)
            fail(QStringLiteral("filling the store failed: ") + done.error().message);
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

enum class Kind
{
    AgentWords,
    AgentContext,
    Words,
    RareWord,
    TagWord,
};
constexpr int kinds = 5;
const char *const kindNames[kinds] = {"agent_words", "agent_context", "words", "rare_word", "tag_word"};

Api::MemoryQuery query(Random &random, Kind kind)
{
    Api::MemoryQuery q;
    const int agent = random.below(agents);
    switch (kind) {
    case Kind::AgentWords:
        q.agentId = Api::AgentId(quint64(agent + 1));
        q.text = word(random.zipf(vocabulary));
        q.page.limit = 20;
        break;
    case Kind::AgentContext:
        q.agentId = Api::AgentId(quint64(agent + 1));
        q.swarmId = Api::SwarmId(quint64(agent / agentsPerSwarm + 1));
        q.includeSwarmEntries = true;
        q.page.limit = 20;
        break;
    case Kind::Words:
        q.text = word(random.zipf(vocabulary)) + QLatin1Char(' ') + word(random.zipf(vocabulary));
        q.page.limit = 50;
        break;
    case Kind::RareWord:
        q.text = word(vocabulary / 2 + random.below(vocabulary / 2));
        q.page.limit = 50;
        break;
    case Kind::TagWord:
        q.tag = QStringLiteral("tag%1").arg(random.below(tags));
        q.text = word(random.zipf(vocabulary));
        q.page.limit = 50;
        break;
    }
    return q;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(p * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

QJsonObject summary(const std::vector<double> &ms, qint64 results)
{
    return QJsonObject {
        {QStringLiteral("queries"), qint64(ms.size())},
        {QStringLiteral("p50_ms"), std::round(percentile(ms, 0.50) * 1000) / 1000},
        {QStringLiteral("p99_ms"), std::round(percentile(ms, 0.99) * 1000) / 1000},
        {QStringLiteral("max_ms"), std::round(percentile(ms, 1.0) * 1000) / 1000},
        {QStringLiteral("mean_results"), ms.empty() ? 0.0 : std::round(double(results) / double(ms.size()) * 10) / 10}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qwen-swarm-memory-bench"));
    const Options o = parse(app);

    QTemporaryDir dir;
    std::unique_ptr<Engine::Store> store;
    if (o.store == u"postgres") {
        auto opened = Engine::PostgresStore::open(o.pg);
        if (!opened)
            fail(opened.error().message);
        store = std::move(opened).value();
    } else {
        const QString path = o.db.isEmpty() ? dir.filePath(QStringLiteral("memory.sqlite3")) : o.db;
        auto opened = Engine::SqliteStore::open(path);
        if (!opened)
            fail(opened.error().message);
        store = std::move(opened).value();
    }
    const double fillSeconds = o.filled ? 0.0 : fill(*store, o.entries);

    Random random(7);
    const qint64 nowMs = 1764000000000 + qint64(o.entries) * 100;
    const auto run = [&](int count, std::vector<double> *times, qint64 *results) {
        for (int i = 0; i < count; ++i) {
            const Kind kind = static_cast<Kind>(i % kinds);
            const Api::MemoryQuery q = query(random, kind);
            QElapsedTimer clock;
            clock.start();
            const auto page
                = sync<Api::Page<Api::MemoryEntry>>([&](auto reply) { store->queryMemory(q, nowMs, reply); });
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            if (!page)
                fail(QStringLiteral("a search failed: ") + page.error().message);
            if (times) {
                times[int(kind)].push_back(ms);
                results[int(kind)] += page->items.size();
            }
        }
    };
    run(std::min(o.queries, 500), nullptr, nullptr); // warm the caches, as a running store's are
    std::vector<double> times[kinds];
    qint64 results[kinds] = {};
    run(o.queries, times, results);

    std::vector<double> all;
    qint64 allResults = 0;
    QJsonObject perKind;
    for (int k = 0; k < kinds; ++k) {
        all.insert(all.end(), times[k].begin(), times[k].end());
        allResults += results[k];
        perKind.insert(QLatin1StringView(kindNames[k]), summary(times[k], results[k]));
    }
    QJsonObject line = summary(all, allResults);
    line.insert(QStringLiteral("store"), o.store);
    line.insert(QStringLiteral("entries"), o.entries);
    if (o.filled)
        line.insert(QStringLiteral("filled_before"), true);
    else
        line.insert(QStringLiteral("fill_s"), std::round(fillSeconds * 10) / 10);
    line.insert(QStringLiteral("kinds"), perKind);
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
