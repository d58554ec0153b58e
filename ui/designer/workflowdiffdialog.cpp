#include "designer/workflowdiffdialog.h"

#include "designer/designertext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

namespace {

QString shown(const QJsonValue &value)
{
    if (value.isUndefined())
        return WorkflowDiffDialog::tr("(none)");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return DesignerText::valueText(value, 300).simplified();
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &title, int count, const QColor &colour)
{
    auto *item = new QTreeWidgetItem(tree, {title.arg(count)});
    item->setForeground(0, colour);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setExpanded(true);
    return item;
}

} // namespace

WorkflowDiffDialog::WorkflowDiffDialog(const WorkflowDiff &diff, const QString &beforeName, const QString &afterName,
                                       QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("designer_diff"));
    setWindowTitle(tr("Compare workflows"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(diff.isEmpty() ? tr("%1 and %2 describe the same workflow.").arg(beforeName, afterName)
                                              : tr("From %1 to %2:").arg(beforeName, afterName),
                               this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("What"), beforeName, afterName});
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 220);
    m_tree->setColumnWidth(1, 260);
    layout->addWidget(m_tree, 1);

    if (!diff.added.isEmpty()) {
        QTreeWidgetItem *added
            = group(m_tree, tr("Added steps (%1)"), int(diff.added.size()), QColor(0x2e, 0xa0, 0x43));
        for (const QString &id : diff.added)
            new QTreeWidgetItem(added, {id});
    }
    if (!diff.removed.isEmpty()) {
        QTreeWidgetItem *removed
            = group(m_tree, tr("Removed steps (%1)"), int(diff.removed.size()), QColor(0xd7, 0x3a, 0x49));
        for (const QString &id : diff.removed)
            new QTreeWidgetItem(removed, {id});
    }
    if (!diff.changed.isEmpty()) {
        QTreeWidgetItem *changed
            = group(m_tree, tr("Changed steps (%1)"), int(diff.changed.size()), QColor(0xd9, 0x7b, 0x1c));
        for (const StepChange &change : diff.changed) {
            auto *step = new QTreeWidgetItem(changed,
                                             {tr("%1: %2").arg(change.id, change.members.join(QStringLiteral(", ")))});
            for (const QString &member : change.members) {
                auto *row = new QTreeWidgetItem(
                    step, {member, shown(change.before.value(member)), shown(change.after.value(member))});
                row->setToolTip(1, row->text(1));
                row->setToolTip(2, row->text(2));
            }
        }
    }
    if (!diff.workflowMembers.isEmpty()) {
        QTreeWidgetItem *workflow = group(m_tree, tr("Workflow (%1 changed)"), int(diff.workflowMembers.size()),
                                          palette().color(QPalette::Text));
        for (const QString &member : diff.workflowMembers)
            new QTreeWidgetItem(workflow, {member});
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 520);
}

} // namespace QwenSwarm::Ui
