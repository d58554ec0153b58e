#include "mainwindow/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

void addMenu(QTreeWidgetItem *parent, const QMenu *menu)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *sub = action->menu()) {
            addMenu(new QTreeWidgetItem(parent, {plain(sub->title())}), sub);
            continue;
        }
        new QTreeWidgetItem(parent, {plain(action->text()), action->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar &menus, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setObjectName(QStringLiteral("shortcuts_dialog"));
    auto *layout = new QVBoxLayout(this);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    layout->addWidget(m_tree);
    for (QAction *top : menus.actions()) {
        if (const QMenu *menu = top->menu())
            addMenu(new QTreeWidgetItem(m_tree, {plain(menu->title())}), menu);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, 560);
}

QList<std::pair<QString, QString>> ShortcutsDialog::entries() const
{
    QList<std::pair<QString, QString>> list;
    QTreeWidgetItemIterator it(m_tree);
    for (; *it; ++it) {
        if ((*it)->childCount() == 0 && (*it)->parent())
            list.append({(*it)->parent()->text(0) + QStringLiteral(" / ") + (*it)->text(0), (*it)->text(1)});
    }
    return list;
}

} // namespace QwenSwarm::Ui
