#include "mainwindow/commandpalettemodel.h"

#include "agents/agentsmodel.h"
#include "common/displaytext.h"

#include <QAction>
#include <QApplication>
#include <QRegularExpression>
#include <QStyle>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int maxAgents = 20;
constexpr int maxTasks = 8;

// A line of a task's input, around `match` when it is given and found further in.
QString excerpt(const Api::TaskSpec &spec, const QString &match = {})
{
    const QString text = DisplayText::renderedPrompt(spec).simplified();
    const qsizetype at = match.isEmpty() ? -1 : text.indexOf(match, 0, Qt::CaseInsensitive);
    if (at < 50)
        return text.left(80);
    return QString(QStringLiteral("…") + text.mid(at - 30, 80));
}

QString plainText(const QAction *action)
{
    QString text = action->text();
    return text.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}

} // namespace

CommandPaletteModel::CommandPaletteModel(Backend &backend, const AgentsModel &agents, QObject *parent)
    : QAbstractListModel(parent)
    , m_backend(backend)
    , m_agents(agents)
{ }

void CommandPaletteModel::setActions(const QList<QAction *> &actions)
{
    m_actions.clear();
    for (QAction *a : actions)
        m_actions.append(a);
}

void CommandPaletteModel::setQuery(const QString &text)
{
    m_query = text;
    ++m_generation;
    m_pending = 0;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    // "#42", "42", "task 42", "decision 42", "agent 42": ids; anything else: names and text.
    static const QRegularExpression idPattern(QStringLiteral("^(agent|task|decision)?\\s*#?(\\d+)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch id = idPattern.match(trimmed);
    if (id.hasMatch()) {
        const QString kind = id.captured(1).toLower();
        const quint64 value = id.captured(2).toULongLong();
        if (kind.isEmpty() || kind == QLatin1StringView("agent"))
            addAgents({}, value);
        if (kind.isEmpty() || kind == QLatin1StringView("task"))
            lookUpTask(value);
        if (kind.isEmpty() || kind == QLatin1StringView("decision"))
            lookUpDecision(value);
    } else {
        addAgents(trimmed, std::nullopt);
        addActions(trimmed);
        if (trimmed.size() >= 3)
            searchTasks(trimmed);
    }
    if (m_pending == 0)
        Q_EMIT searchFinished();
}

void CommandPaletteModel::addActions(const QString &text)
{
    for (const QPointer<QAction> &action : std::as_const(m_actions)) {
        if (!action || !action->isEnabled())
            continue;
        const QString name = plainText(action);
        if (text.isEmpty() || name.contains(text, Qt::CaseInsensitive))
            append({Kind::Action, 0, name, action->shortcut().toString(QKeySequence::NativeText), action});
    }
}

void CommandPaletteModel::addAgents(const QString &text, std::optional<quint64> id)
{
    if (text.isEmpty() && !id)
        return;
    QList<Entry> prefix;
    QList<Entry> inside;
    for (int row = 0; row < m_agents.rowCount(); ++row) {
        const Agent &a = m_agents.agentAt(row);
        const bool byId = id && a.id.value == *id;
        const bool byName = !text.isEmpty() && a.spec.name.contains(text, Qt::CaseInsensitive);
        if (!byId && !byName)
            continue;
        Entry e {
            Kind::Agent,
            a.id.value,
            tr("Agent %1").arg(a.spec.name),
            tr("%1 · %2 · %3").arg(DisplayText::agentRole(a.spec.role), a.spec.model, DisplayText::agentState(a.state)),
            {}};
        (byId || a.spec.name.startsWith(text, Qt::CaseInsensitive) ? prefix : inside).append(e);
    }
    for (const Entry &e : (prefix + inside).mid(0, maxAgents))
        append(e);
}

void CommandPaletteModel::lookUpTask(quint64 id)
{
    ++m_pending;
    m_backend.task(TaskId(id), this, [this, generation = m_generation](Result<Task> task) {
        if (generation != m_generation)
            return;
        if (task) {
            append({Kind::Task,
                    task->id.value,
                    tr("Task %1").arg(task->id.value),
                    tr("%1 · %2").arg(DisplayText::taskState(task->state), excerpt(task->spec)),
                    {}});
        }
        answered();
    });
}

void CommandPaletteModel::lookUpDecision(quint64 id)
{
    ++m_pending;
    m_backend.decision(DecisionId(id), this, [this, generation = m_generation](Result<Decision> decision) {
        if (generation != m_generation)
            return;
        if (decision) {
            const QString outcome = decision->outcome == DecisionOutcome::Decided
                ? tr("decided “%1” (%2)").arg(decision->answer, DisplayText::percent(decision->agreement))
                : tr("no decision");
            append({Kind::Decision,
                    decision->id.value,
                    tr("Decision %1").arg(decision->id.value),
                    tr("task %1 · %2").arg(decision->taskId.value).arg(outcome),
                    {}});
        }
        answered();
    });
}

void CommandPaletteModel::searchTasks(const QString &text)
{
    ++m_pending;
    TaskQuery query;
    query.text = text;
    query.page.limit = maxTasks;
    m_backend.queryTasks(query, this, [this, text, generation = m_generation](Result<Page<Task>> page) {
        if (generation != m_generation)
            return;
        for (const Task &t : page ? page->items : QList<Task> {}) {
            append({Kind::Task,
                    t.id.value,
                    tr("Task %1").arg(t.id.value),
                    tr("%1 · %2").arg(DisplayText::taskState(t.state), excerpt(t.spec, text)),
                    {}});
        }
        answered();
    });
}

void CommandPaletteModel::append(const Entry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void CommandPaletteModel::answered()
{
    if (--m_pending == 0)
        Q_EMIT searchFinished();
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.detail.isEmpty() ? e.title : QString(e.title + QStringLiteral("  —  ") + e.detail);
    case Qt::ToolTipRole:
        return e.detail;
    case Qt::DecorationRole: {
        if (e.kind == Kind::Action)
            return e.action ? e.action->icon() : QIcon();
        const QStyle::StandardPixmap icon = e.kind == Kind::Agent ? QStyle::SP_ComputerIcon
            : e.kind == Kind::Task                                ? QStyle::SP_FileIcon
                                                                  : QStyle::SP_DialogApplyButton;
        return QApplication::style()->standardIcon(icon);
    }
    case KindRole:
        return int(e.kind);
    case IdRole:
        return e.id;
    default:
        return {};
    }
}

} // namespace QwenSwarm::Ui
