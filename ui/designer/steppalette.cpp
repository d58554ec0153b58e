#include "designer/steppalette.h"

#include "designer/designerview.h"

#include <QMimeData>

namespace QwenSwarm::Ui {

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kKinds {u"task"_s, u"map"_s, u"approval"_s};

} // namespace

StepPalette::StepPalette(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"designer_palette"_s);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSpacing(2);
    const QList<std::pair<QString, QString>> entries {
        {tr("Task"), tr("A task for a swarm, decided by consensus. Its output is the decided answer.")},
        {tr("Map task"), tr("One task per element of a list; its output is the list of the answers.")},
        {tr("Approval"), tr("An operator approves, edits or rejects a value before the run goes on.")},
    };
    for (const auto &[text, tip] : entries) {
        auto *item = new QListWidgetItem(text, this);
        item->setToolTip(tip + u"\n"_s + tr("Drag onto the canvas, or double-click to add."));
    }
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT kindActivated(kindAt(row(item))); });
}

QString StepPalette::kindAt(int row)
{
    return kKinds.value(row);
}

QStringList StepPalette::mimeTypes() const
{
    return {DesignerView::stepKindMimeType};
}

QMimeData *StepPalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(DesignerView::stepKindMimeType, kindAt(row(items.constFirst())).toUtf8());
    return data;
}

} // namespace QwenSwarm::Ui
