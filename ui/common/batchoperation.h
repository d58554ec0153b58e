#pragma once

#include <api/error.h>

#include <QObject>
#include <QStringList>

namespace QwenSwarm::Ui {

/// Collects the answers of one operator action applied to several items ("pause 5 agents") and says
/// once, when all have answered, how many succeeded and what failed. Use it as the context of the
/// calls, so that answers arriving after it is gone are dropped. Deletes itself after finished().
class BatchOperation : public QObject
{
    Q_OBJECT

public:
    BatchOperation(QString action, int expected, QObject *parent);

    void succeeded();
    void failed(const QString &item, const Api::Error &error);

    QString action() const { return m_action; }
    /// One line summing up the outcome, for a banner.
    QString summary() const;

Q_SIGNALS:
    /// All answers are in. `failures` holds "item: message" lines.
    void finished(int succeeded, const QStringList &failures);

private:
    void answered();

    QString m_action;
    int m_expected;
    int m_succeeded = 0;
    QStringList m_failures;
};

} // namespace QwenSwarm::Ui
