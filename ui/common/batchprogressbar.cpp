#include "common/batchprogressbar.h"

#include "common/batchoperation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace QwenSwarm::Ui {

namespace {

constexpr int appearAfterMs = 250;

} // namespace

BatchProgressBar::BatchProgressBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("batch_progress"));
    m_text->setObjectName(QStringLiteral("batch_progress_text"));
    m_cancel->setObjectName(QStringLiteral("batch_cancel"));
    m_cancel->setToolTip(tr("Send no more of this action; what was already sent still completes"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 2, 6, 2);
    layout->addWidget(m_text);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    m_appear.setSingleShot(true);
    m_appear.setInterval(appearAfterMs);
    connect(&m_appear, &QTimer::timeout, this, [this] {
        if (m_batch)
            show();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_batch)
            return;
        m_cancel->setEnabled(false);
        m_text->setText(tr("%1: cancelling…").arg(m_batch->action()));
        m_batch->cancel();
    });
    hide();
}

void BatchProgressBar::track(BatchOperation *batch)
{
    if (m_batch) // it goes on quietly; its summary still comes
        disconnect(m_batch, &BatchOperation::progress, this, &BatchProgressBar::showProgress);
    m_batch = batch;
    m_cancel->setEnabled(true);
    showProgress(0, batch->total());
    connect(batch, &BatchOperation::progress, this, &BatchProgressBar::showProgress);
    connect(batch, &BatchOperation::finished, this, [this, batch](int, const QStringList &failures) {
        Q_EMIT finished(batch->summary(), !failures.isEmpty());
        if (m_batch != batch)
            return;
        m_appear.stop();
        hide();
    });
    m_appear.start();
}

void BatchProgressBar::showProgress(int answered, int total)
{
    m_bar->setRange(0, std::max(1, total));
    m_bar->setValue(answered);
    if (m_cancel->isEnabled())
        m_text->setText(tr("%1: %2 of %3").arg(m_batch ? m_batch->action() : QString()).arg(answered).arg(total));
}

} // namespace QwenSwarm::Ui
