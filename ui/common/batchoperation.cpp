#include "common/batchoperation.h"

namespace QwenSwarm::Ui {

BatchOperation::BatchOperation(QString action, int expected, QObject *parent)
    : QObject(parent)
    , m_action(std::move(action))
    , m_expected(expected)
{ }

void BatchOperation::succeeded()
{
    ++m_succeeded;
    answered();
}

void BatchOperation::failed(const QString &item, const Api::Error &error)
{
    m_failures.append(tr("%1: %2").arg(item, error.message));
    answered();
}

QString BatchOperation::summary() const
{
    const int total = m_succeeded + int(m_failures.size());
    if (m_failures.isEmpty())
        return tr("%1: done for %n item(s).", nullptr, total).arg(m_action);
    return tr("%1 failed for %2 of %3: %4")
        .arg(m_action)
        .arg(m_failures.size())
        .arg(total)
        .arg(m_failures.join(QStringLiteral("; ")));
}

void BatchOperation::answered()
{
    if (m_succeeded + m_failures.size() < m_expected)
        return;
    Q_EMIT finished(m_succeeded, m_failures);
    deleteLater();
}

} // namespace QwenSwarm::Ui
