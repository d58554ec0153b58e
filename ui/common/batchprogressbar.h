#pragma once

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace QwenSwarm::Ui {

class BatchOperation;

/// A strip under a page's banner that shows how far a batch action has got ("Pause: 120 of 500")
/// with a Cancel button. It appears only when the batch takes a moment, so one or two items do not
/// make it flicker; when the batch ends it hides and hands on the batch's summary.
class BatchProgressBar : public QFrame
{
    Q_OBJECT

public:
    explicit BatchProgressBar(QWidget *parent = nullptr);

    /// Follows `batch` until it finishes (a newer batch takes the strip over).
    void track(BatchOperation *batch);
    BatchOperation *current() const { return m_batch; }

Q_SIGNALS:
    /// The tracked batch finished; `withFailures` when some item failed.
    void finished(const QString &summary, bool withFailures);

private:
    void showProgress(int answered, int total);

    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer m_appear;
    QPointer<BatchOperation> m_batch;
};

} // namespace QwenSwarm::Ui
