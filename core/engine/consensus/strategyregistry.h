#pragma once

#include "consensus/consensusstrategy.h"

#include <api/strategy.h>

#include <memory>
#include <vector>

namespace QwenSwarm::Engine {

/// The consensus strategies an engine offers, by name.
class StrategyRegistry
{
public:
    /// A registry with every built-in strategy.
    static StrategyRegistry withBuiltins();

    void add(std::unique_ptr<ConsensusStrategy> strategy);
    const ConsensusStrategy *find(QStringView name) const;
    QStringList names() const;
    /// NotFound-style InvalidArgument for an unknown name, or the strategy's own parameter error.
    Api::Result<void> validate(const Api::StrategySpec &spec) const;

private:
    std::vector<std::shared_ptr<const ConsensusStrategy>> m_strategies;
};

} // namespace QwenSwarm::Engine
