#pragma once

#include <QListWidget>

namespace QwenSwarm::Ui {

/// The kinds of step one can add: a task, a map task (one task per element of a list) and an
/// approval gate. Drag one onto the canvas, or double-click it to add it next to the others.
class StepPalette : public QListWidget
{
    Q_OBJECT

public:
    explicit StepPalette(QWidget *parent = nullptr);

    /// "task", "map" or "approval" of the entry at `row`.
    static QString kindAt(int row);

Q_SIGNALS:
    void kindActivated(const QString &kind);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

} // namespace QwenSwarm::Ui
