// qwen-swarm-graphbench: frame times of the agent graph while panning and zooming a big swarm
// population (default 1,000 agents in 20 swarms). Run it on a real display or under Xvfb:
//   xvfb-run -a qwen-swarm-graphbench [--agents N] [--swarms S] [--frames F]
// It prints one JSON line: {"agents","swarms","edges","frames","p50_ms","p95_ms","p99_ms","fps", ...}.
#include "graph/agentgraphscene.h"
#include "graph/graphlayout.h"
#include "graph/graphview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QWindow>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace QwenSwarm;

namespace {

struct Population
{
    QList<Api::Swarm> swarms;
    QList<Api::Agent> agents;
};

Population makePopulation(int agentCount, int swarmCount)
{
    Population p;
    quint64 nextAgent = 1;
    const Api::AgentState states[] = {Api::AgentState::Idle, Api::AgentState::Busy, Api::AgentState::Idle,
                                      Api::AgentState::Paused, Api::AgentState::Failed};
    for (int s = 0; s < swarmCount; ++s) {
        Api::Swarm swarm;
        swarm.id = Api::SwarmId(quint64(s + 1));
        swarm.name = QStringLiteral("swarm-%1").arg(s + 1);
        swarm.topology = Api::Topology(s % 4);
        const int size = agentCount / swarmCount + (s < agentCount % swarmCount ? 1 : 0);
        for (int i = 0; i < size; ++i) {
            Api::Agent agent;
            agent.id = Api::AgentId(nextAgent++);
            agent.swarmId = swarm.id;
            agent.spec.name = QStringLiteral("agent-%1-%2").arg(s + 1).arg(i + 1);
            agent.spec.role = i == 0 ? Api::AgentRole::Coordinator : Api::AgentRole(1 + i % 4);
            agent.state = states[(i * 7 + s) % 5];
            swarm.agentIds.append(agent.id);
            p.agents.append(agent);
        }
        p.swarms.append(swarm);
    }
    return p;
}

double percentile(QList<double> sorted, double q)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype index = std::min(sorted.size() - 1, qsizetype(std::ceil(q * double(sorted.size())) - 1));
    return sorted.at(std::max<qsizetype>(index, 0));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Agent graph frame-time benchmark"));
    parser.addHelpOption();
    const QCommandLineOption agentsOption(QStringLiteral("agents"), QStringLiteral("Agents."), QStringLiteral("n"),
                                          QStringLiteral("1000"));
    const QCommandLineOption swarmsOption(QStringLiteral("swarms"), QStringLiteral("Swarms."), QStringLiteral("n"),
                                          QStringLiteral("20"));
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Frames per phase."),
                                          QStringLiteral("n"), QStringLiteral("120"));
    parser.addOptions({agentsOption, swarmsOption, framesOption});
    parser.process(app);
    const int agentCount = std::max(1, parser.value(agentsOption).toInt());
    const int swarmCount = std::clamp(parser.value(swarmsOption).toInt(), 1, agentCount);
    const int frames = std::max(10, parser.value(framesOption).toInt());

    const Population population = makePopulation(agentCount, swarmCount);
    Ui::AgentGraphScene scene;
    scene.setContent(population.swarms, population.agents);
    QElapsedTimer layoutTimer;
    layoutTimer.start();
    scene.applyLayout(Ui::GraphLayout::compute(scene.layoutInput(7)));
    const qint64 layoutMs = layoutTimer.elapsed();

    Ui::GraphView view(&scene);
    view.resize(1400, 900);
    view.show();
    QElapsedTimer exposure;
    exposure.start();
    while (!(view.windowHandle() && view.windowHandle()->isExposed()) && exposure.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!view.windowHandle() || !view.windowHandle()->isExposed()) {
        std::fprintf(stderr, "the view's window was never shown; is there a display (xvfb-run -a)?\n");
        return 1;
    }
    view.fit();
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents();

    QList<double> times;
    QElapsedTimer total;
    total.start();
    auto frame = [&](auto move) {
        QElapsedTimer t;
        t.start();
        move();
        view.viewport()->repaint();
        QApplication::processEvents();
        times.append(double(t.nsecsElapsed()) / 1e6);
    };
    QScrollBar *h = view.horizontalScrollBar();
    QScrollBar *v = view.verticalScrollBar();
    // Overview pan, zoom in to reading distance and back, then pan at reading distance.
    QJsonObject phases;
    auto phase = [&](const QString &name, auto move) {
        const qsizetype start = times.size();
        for (int i = 0; i < frames; ++i)
            frame([&] { move(i); });
        QList<double> own = times.mid(start);
        std::sort(own.begin(), own.end());
        phases.insert(name,
                      QJsonObject {{QStringLiteral("p50_ms"), percentile(own, 0.5)},
                                   {QStringLiteral("p95_ms"), percentile(own, 0.95)},
                                   {QStringLiteral("p99_ms"), percentile(own, 0.99)}});
    };
    phase(QStringLiteral("pan_overview"), [&](int i) { h->setValue(h->value() + ((i / 20) % 2 ? -15 : 15)); });
    phase(QStringLiteral("zoom"), [&](int i) { view.zoomBy(i < frames / 2 ? 1.04 : 1 / 1.04); });
    view.zoomBy(1.0 / view.zoom());
    phase(QStringLiteral("pan_close"), [&](int i) {
        h->setValue(h->value() + ((i / 30) % 2 ? -25 : 25));
        v->setValue(v->value() + ((i / 45) % 2 ? -12 : 12));
    });
    const double wallMs = double(total.nsecsElapsed()) / 1e6;
    std::sort(times.begin(), times.end());
    double sum = 0;
    for (double t : std::as_const(times))
        sum += t;

    const QJsonObject result {
        {QStringLiteral("agents"), agentCount},
        {QStringLiteral("swarms"), swarmCount},
        {QStringLiteral("edges"), scene.edgeCount()},
        {QStringLiteral("frames"), int(times.size())},
        {QStringLiteral("layout_ms"), layoutMs},
        {QStringLiteral("mean_ms"), sum / double(times.size())},
        {QStringLiteral("p50_ms"), percentile(times, 0.50)},
        {QStringLiteral("p95_ms"), percentile(times, 0.95)},
        {QStringLiteral("p99_ms"), percentile(times, 0.99)},
        {QStringLiteral("max_ms"), times.constLast()},
        {QStringLiteral("fps"), double(times.size()) * 1000.0 / wallMs},
        {QStringLiteral("platform"), QGuiApplication::platformName()},
        {QStringLiteral("phases"), phases},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
