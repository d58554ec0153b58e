#include "common/batchoperation.h"

namespace QwenSwarm::Ui {

BatchOperation::BatchOperation(QString action, int total, Send send, QObject *parent)
    : QObject(parent)
    , m_action(std::move(action))
    , m_total(std::max(0, total))
    , m_send(std::move(send))
{ }

void BatchOperation::start()
{
    sendMore();
    answered(false); // an empty batch finishes at once
}

void BatchOperation::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    answered(false); // nothing in flight: finished now
}

void BatchOperation::succeeded()
{
    ++m_succeeded;
    answered(true);
}

void BatchOperation::failed(const QString &item, const Api::Error &error)
{
    m_failures.append(tr("%1: %2").arg(item, error.message));
    answered(true);
}

QString BatchOperation::summary() const
{
    const int done = answered();
    QString text;
    if (m_failures.isEmpty())
        text = tr("%1: done for %n item(s).", nullptr, done).arg(m_action);
    else
        text = tr("%1 failed for %2 of %3: %4")
                   .arg(m_action)
                   .arg(m_failures.size())
                   .arg(done)
                   .arg(m_failures.join(QStringLiteral("; ")));
    if (m_cancelled && m_sent < m_total)
        text += QLatin1Char(' ') + tr("Cancelled: %n item(s) left as they were.", nullptr, m_total - m_sent);
    return text;
}

void BatchOperation::sendMore()
{
    while (!m_cancelled && m_sent < m_total && m_sent - answered() < m_window)
        m_send(this, m_sent++);
}

void BatchOperation::answered(bool countIt)
{
    if (m_finished)
        return;
    if (countIt)
        Q_EMIT progress(answered(), m_total);
    sendMore();
    const int expected = m_cancelled ? m_sent : m_total;
    if (answered() < expected)
        return;
    m_finished = true;
    Q_EMIT finished(m_succeeded, m_failures);
    deleteLater();
}

} // namespace QwenSwarm::Ui
