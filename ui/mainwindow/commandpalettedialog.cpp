#include "mainwindow/commandpalettedialog.h"

#include "mainwindow/commandpalettemodel.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include <algorithm>

namespace QwenSwarm::Ui {

CommandPaletteDialog::CommandPaletteDialog(CommandPaletteModel &model, QWidget *parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_model(model)
    , m_input(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("command_palette"));
    setWindowTitle(tr("Go to"));
    setStyleSheet(QStringLiteral("QDialog#command_palette { border: 1px solid palette(mid); }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_input->setObjectName(QStringLiteral("command_palette_input"));
    m_input->setPlaceholderText(tr("Agent name, task or decision id (#42), words of a task, or an action"));
    m_input->installEventFilter(this);
    layout->addWidget(m_input);
    m_list->setModel(&m_model);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setIconSize(QSize(16, 16));
    layout->addWidget(m_list, 1);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPaletteDialog::setQuery);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model.index(0, 0));
        updateHint();
    });
    connect(&m_model, &CommandPaletteModel::searchFinished, this, &CommandPaletteDialog::updateHint);
}

void CommandPaletteDialog::openPalette()
{
    QWidget *host = parentWidget() ? parentWidget()->window() : nullptr;
    const int width = host ? std::clamp(host->width() / 2, 420, 720) : 560;
    resize(width, height());
    if (host)
        move(host->mapToGlobal(QPoint((host->width() - width) / 2, 60)));
    {
        const QSignalBlocker blocker(m_input);
        m_input->clear();
    }
    setQuery(QString());
    show();
    raise();
    activateWindow();
    m_input->setFocus(Qt::PopupFocusReason);
}

void CommandPaletteDialog::setQuery(const QString &text)
{
    if (m_input->text() != text) {
        const QSignalBlocker blocker(m_input);
        m_input->setText(text);
    }
    m_model.setQuery(text);
    m_list->setCurrentIndex(m_model.index(0, 0));
    updateHint();
}

void CommandPaletteDialog::activateRow(int row)
{
    if (row < 0 || row >= m_model.rowCount())
        return;
    const CommandPaletteModel::Entry entry = m_model.entry(row);
    hide();
    switch (entry.kind) {
    case CommandPaletteModel::Kind::Action:
        if (entry.action)
            entry.action->trigger();
        break;
    case CommandPaletteModel::Kind::Agent:
        Q_EMIT agentChosen(Api::AgentId(entry.id));
        break;
    case CommandPaletteModel::Kind::Task:
        Q_EMIT taskChosen(Api::TaskId(entry.id));
        break;
    case CommandPaletteModel::Kind::Decision:
        Q_EMIT decisionChosen(Api::DecisionId(entry.id));
        break;
    }
}

bool CommandPaletteDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_input || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const int rows = m_model.rowCount();
    const int current = m_list->currentIndex().row();
    switch (key->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up: {
        if (rows == 0)
            return true;
        const int step = key->key() == Qt::Key_Down ? 1 : -1;
        m_list->setCurrentIndex(m_model.index((std::max(current, 0) + step + rows) % rows, 0));
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateRow(current < 0 ? 0 : current);
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return QDialog::eventFilter(watched, event);
    }
}

void CommandPaletteDialog::updateHint()
{
    // As tall as the results, up to a dozen rows: a short list reads as a short list.
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    const int rows = std::clamp(m_model.rowCount(), 1, 12);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
    resize(width(), sizeHint().height());
    if (m_model.isSearching())
        m_hint->setText(tr("Searching…"));
    else if (m_model.rowCount() == 0 && !m_model.query().trimmed().isEmpty())
        m_hint->setText(tr("Nothing matches “%1”.").arg(m_model.query().trimmed()));
    else
        m_hint->setText(tr("↑ ↓ to choose · Enter to open · Esc to close"));
}

} // namespace QwenSwarm::Ui
