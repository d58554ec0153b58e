#include "providers/providerconfig.h"

namespace QwenSwarm::Engine {

namespace {

struct Preset
{
    QLatin1StringView name;
    ProviderKind kind;
    QLatin1StringView baseUrl;
    QLatin1StringView model;
    QLatin1StringView keyVariable; // empty: no key
};

const Preset presets[] = {
    {QLatin1StringView("openai"), ProviderKind::OpenAi, QLatin1StringView("https://api.openai.com/v1"),
     QLatin1StringView("gpt-4o-mini"), QLatin1StringView("OPENAI_API_KEY")},
    {QLatin1StringView("qwen"), ProviderKind::OpenAi,
     QLatin1StringView("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"), QLatin1StringView("qwen-plus"),
     QLatin1StringView("DASHSCOPE_API_KEY")},
    {QLatin1StringView("dashscope-intl"), ProviderKind::OpenAi,
     QLatin1StringView("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"), QLatin1StringView("qwen-plus"),
     QLatin1StringView("DASHSCOPE_API_KEY")},
    {QLatin1StringView("dashscope-cn"), ProviderKind::OpenAi,
     QLatin1StringView("https://dashscope.aliyuncs.com/compatible-mode/v1"), QLatin1StringView("qwen-plus"),
     QLatin1StringView("DASHSCOPE_API_KEY")},
    {QLatin1StringView("anthropic"), ProviderKind::Anthropic, QLatin1StringView("https://api.anthropic.com"),
     QLatin1StringView("claude-3-5-haiku-latest"), QLatin1StringView("ANTHROPIC_API_KEY")},
    {QLatin1StringView("vllm"), ProviderKind::OpenAi, QLatin1StringView("http://localhost:8000/v1"),
     QLatin1StringView(""), QLatin1StringView("")},
    {QLatin1StringView("ollama"), ProviderKind::OpenAi, QLatin1StringView("http://localhost:11434/v1"),
     QLatin1StringView("qwen2.5"), QLatin1StringView("")},
    {QLatin1StringView("llamacpp"), ProviderKind::OpenAi, QLatin1StringView("http://localhost:8080/v1"),
     QLatin1StringView(""), QLatin1StringView("")},
    {QLatin1StringView("simulated"), ProviderKind::Simulated, QLatin1StringView(""), QLatin1StringView(""),
     QLatin1StringView("")},
};

} // namespace

QString providerKindName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return QStringLiteral("openai");
    case ProviderKind::Anthropic:
        return QStringLiteral("anthropic");
    case ProviderKind::Simulated:
        return QStringLiteral("simulated");
    }
    return {};
}

std::optional<ProviderKind> providerKindFromName(QStringView name)
{
    for (ProviderKind kind : {ProviderKind::OpenAi, ProviderKind::Anthropic, ProviderKind::Simulated}) {
        if (name == providerKindName(kind))
            return kind;
    }
    return std::nullopt;
}

ModelPrice ProviderConfig::priceOf(const QString &model) const
{
    if (const auto it = prices.constFind(model); it != prices.constEnd())
        return it.value();
    return prices.value(QStringLiteral("*"));
}

double ProviderConfig::costUsd(const QString &model, int promptTokens, int completionTokens) const
{
    const ModelPrice price = priceOf(model);
    return (promptTokens * price.inputPerMTok + completionTokens * price.outputPerMTok) / 1e6;
}

std::optional<ProviderConfig> ProviderConfig::preset(QStringView name)
{
    for (const Preset &p : presets) {
        if (name != p.name)
            continue;
        ProviderConfig config;
        config.name = p.name;
        config.kind = p.kind;
        config.baseUrl = p.baseUrl;
        config.defaultModel = p.model;
        if (!p.keyVariable.isEmpty())
            config.keyRef = QStringLiteral("env:") + p.keyVariable;
        return config;
    }
    return std::nullopt;
}

QStringList ProviderConfig::presetModels(QStringView name)
{
    if (name == u"qwen" || name == u"dashscope-intl" || name == u"dashscope-cn")
        return {QStringLiteral("qwen-max"), QStringLiteral("qwen-plus"), QStringLiteral("qwen-turbo")};
    if (name == u"openai")
        return {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
    if (name == u"anthropic")
        return {QStringLiteral("claude-3-5-sonnet-latest"), QStringLiteral("claude-3-5-haiku-latest")};
    return {};
}

QStringList ProviderConfig::presetNames()
{
    QStringList names;
    for (const Preset &p : presets)
        names << p.name;
    return names;
}

} // namespace QwenSwarm::Engine
