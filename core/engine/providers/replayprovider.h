#pragma once

#include "providers/chatprotocol.h"
#include "providers/provider.h"
#include "providers/providerconfig.h"
#include "providers/providerservices.h"
#include "scheduler/timerqueue.h"

#include <QSet>

#include <memory>

namespace QwenSwarm::Engine {

/// Answers a provider's calls from its recordings (ProviderRecording, through the store), with no
/// network: it writes each request as the live provider of the same configuration would, looks its key
/// up and answers what was recorded, the answer or the typed error. A run re-executed this way meets
/// the same answers and so reaches the same decisions. A request that matches no recording is a typed
/// error (ProviderError, type "replay_mismatch", not retriable), never a silent fallback. It records
/// nothing. Streams deliver the recorded text as one delta. Engine thread only.
class ReplayProvider final : public Provider
{
public:
    ReplayProvider(ProviderConfig config, std::unique_ptr<ChatProtocol> protocol, ProviderServices services);
    ~ReplayProvider() override;

    /// A replay of `config`'s provider, with its protocol.
    static std::unique_ptr<ReplayProvider> of(const ProviderConfig &config, ProviderServices services);

    QString name() const override { return m_config.name; }
    Api::Result<void> validateParameters(const QJsonObject &parameters) const override;
    void start(const ProviderRequest &request, ProviderSink *sink) override;
    void cancel(quint64 callId) override;

private:
    struct Answer
    {
        quint64 callId = 0;
        ProviderSink *sink = nullptr;
        bool stream = false;
        Api::Result<ProviderResponse> outcome = ProviderResponse {};
    };

    void deliver(Answer &&answer);
    Api::Error mismatch(const QString &key, const Api::Error &why) const;

    ProviderConfig m_config;
    std::unique_ptr<ChatProtocol> m_protocol;
    ProviderServices m_services;
    std::unique_ptr<QObject> m_context;
    TimerQueue<Answer> m_answers;
    QSet<quint64> m_live; // calls started and neither answered nor cancelled
};

} // namespace QwenSwarm::Engine
