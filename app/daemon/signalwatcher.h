#pragma once

#include <QObject>

class QSocketNotifier;

namespace QwenSwarm::Daemon {

/// Turns SIGTERM and SIGINT into a Qt signal on the main thread (a self-pipe: the handler only
/// writes a byte). Counts them: the first asks for a graceful stop, the second for an immediate one.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    /// `count`: how many stop signals arrived so far.
    void stopRequested(int count);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace QwenSwarm::Daemon
