#include "consensus/strategyregistry.h"

#include "consensus/bordastrategy.h"
#include "consensus/byzantinestrategy.h"
#include "consensus/debatestrategy.h"
#include "consensus/judgestrategy.h"
#include "consensus/majoritystrategy.h"
#include "consensus/medoidstrategy.h"
#include "consensus/pluralitystrategy.h"
#include "consensus/thresholdstrategy.h"
#include "consensus/unanimitystrategy.h"
#include "consensus/weightedstrategy.h"

namespace QwenSwarm::Engine {

StrategyRegistry StrategyRegistry::withBuiltins()
{
    StrategyRegistry registry;
    registry.add(std::make_unique<PluralityStrategy>());
    registry.add(std::make_unique<MajorityStrategy>());
    registry.add(std::make_unique<ThresholdStrategy>());
    registry.add(std::make_unique<UnanimityStrategy>());
    registry.add(std::make_unique<WeightedStrategy>());
    registry.add(std::make_unique<BordaStrategy>());
    registry.add(std::make_unique<MedoidStrategy>());
    registry.add(std::make_unique<ByzantineStrategy>());
    registry.add(std::make_unique<DebateStrategy>());
    registry.add(std::make_unique<JudgeStrategy>());
    return registry;
}

void StrategyRegistry::add(std::unique_ptr<ConsensusStrategy> strategy)
{
    m_strategies.push_back(std::move(strategy));
}

const ConsensusStrategy *StrategyRegistry::find(QStringView name) const
{
    for (const auto &s : m_strategies) {
        if (s->name() == name)
            return s.get();
    }
    return nullptr;
}

QStringList StrategyRegistry::names() const
{
    QStringList names;
    for (const auto &s : m_strategies)
        names << s->name();
    return names;
}

Api::Result<void> StrategyRegistry::validate(const Api::StrategySpec &spec) const
{
    const ConsensusStrategy *strategy = find(spec.name);
    if (!strategy) {
        return Api::makeError(Api::ErrorCode::InvalidArgument,
                              QStringLiteral("name: unknown strategy '%1' (known: %2)")
                                  .arg(spec.name, names().join(QStringLiteral(", "))),
                              {{QStringLiteral("path"), QStringLiteral("name")}});
    }
    return strategy->validateParameters(spec.parameters);
}

} // namespace QwenSwarm::Engine
