#pragma once

#include <api/backend.h>

#include <QHash>
#include <QObject>

namespace QwenSwarm::Ui {

/// The swarms a backend has, by id, kept current from swarm events: the names pages show in place
/// of ids and offer as filters.
class SwarmDirectory : public QObject
{
    Q_OBJECT

public:
    explicit SwarmDirectory(Api::Backend &backend, QObject *parent = nullptr);
    ~SwarmDirectory() override;

    /// Subscribes to swarm events and loads the list.
    void start();
    void reload();
    /// The swarm's name, or "#id" while it is not known.
    QString name(Api::SwarmId id) const;
    /// In creation order.
    QList<Api::Swarm> swarms() const;
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void changed();
    void failed(const QString &message);

private:
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);

    Api::Backend &m_backend;
    Api::SubscriptionId m_subscription;
    QHash<Api::SwarmId, Api::Swarm> m_swarms;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_reloadAgain = false;
};

} // namespace QwenSwarm::Ui
