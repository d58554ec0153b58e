#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace QwenSwarm::Ui {

/// Every action of the window's menus with its shortcut, grouped by menu.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QMenuBar &menus, QWidget *parent = nullptr);

    /// "Menu / Action" -> shortcut, as listed.
    QList<std::pair<QString, QString>> entries() const;

private:
    QTreeWidget *m_tree;
};

} // namespace QwenSwarm::Ui
