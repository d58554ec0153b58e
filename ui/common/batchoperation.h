#pragma once

#include <api/error.h>

#include <QObject>
#include <QStringList>

#include <functional>

namespace QwenSwarm::Ui {

/// One operator action applied to several items ("pause 500 agents"). It sends a few calls at a
/// time, so that it can show its progress and be cancelled: after cancel() it sends no more, and
/// the answers already on their way still count. When all sent calls have answered it says once how
/// many succeeded, what failed and how many were not sent, then deletes itself.
class BatchOperation : public QObject
{
    Q_OBJECT

public:
    /// Sends the call for item `index` with `batch` as the call's context (answers that arrive after
    /// the batch is gone are dropped); the answer calls batch->succeeded() or batch->failed().
    using Send = std::function<void(BatchOperation *batch, int index)>;

    static constexpr int defaultWindow = 8; ///< Calls in flight at once.

    BatchOperation(QString action, int total, Send send, QObject *parent);

    void setWindow(int calls) { m_window = std::max(1, calls); }
    void start();
    /// Sends nothing more; finishes when the calls in flight have answered.
    void cancel();

    void succeeded();
    void failed(const QString &item, const Api::Error &error);

    QString action() const { return m_action; }
    int total() const { return m_total; }
    int answered() const { return m_succeeded + int(m_failures.size()); }
    bool isCancelled() const { return m_cancelled; }
    /// One line summing up the outcome, for a banner or the status bar.
    QString summary() const;

Q_SIGNALS:
    void progress(int answered, int total);
    /// All sent calls have answered. `failures` holds "item: message" lines.
    void finished(int succeeded, const QStringList &failures);

private:
    void sendMore();
    void answered(bool countIt);

    QString m_action;
    int m_total;
    Send m_send;
    int m_window = defaultWindow;
    int m_sent = 0;
    int m_succeeded = 0;
    QStringList m_failures;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace QwenSwarm::Ui
