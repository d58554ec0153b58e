#include "logs/logspage.h"

#include "common/bannerwidget.h"
#include "common/updatecoalescer.h"
#include "logs/auditmodel.h"
#include "logs/logfilterproxymodel.h"
#include "logs/logmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

constexpr int auditPageSize = 200;

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const char *name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

} // namespace

LogsPage::LogsPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new LogModel(20000, this))
    , m_proxy(new LogFilterProxyModel(this))
    , m_audit(new AuditModel(20000, this))
    , m_coalescer(new UpdateCoalescer(10, this))
    , m_banner(new BannerWidget(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("logs_page"));
    m_proxy->setSourceModel(m_model);
    createActions();
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildLogTab(), tr("Live log"));
    m_tabs->addTab(buildAuditTab(), tr("Audit trail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    connect(m_coalescer, &UpdateCoalescer::flush, this, &LogsPage::flush);
    connect(m_model, &LogModel::sourcesChanged, this, &LogsPage::fillSources);
    connect(&m_backend, &Backend::eventsReceived, this, &LogsPage::onEvents);
    connect(&m_backend, &Backend::eventsDropped, this, &LogsPage::onDropped);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1 && m_audit->rowCount() == 0 && m_auditAllowed)
            reloadAudit();
    });
}

void LogsPage::createActions()
{
    m_pause = new QAction(tr("&Pause log"), this);
    m_pause->setObjectName(QStringLiteral("action_pause_log"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+L")));
    connect(m_pause, &QAction::toggled, this, &LogsPage::setPaused);
    m_copy = new QAction(tr("&Copy log lines"), this);
    m_copy->setObjectName(QStringLiteral("action_copy_log"));
    m_copy->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    m_copy->setToolTip(tr("Copy the selected lines, or every line shown when none is selected"));
    connect(m_copy, &QAction::triggered, this, [this] { copyLines(); });
    m_clear = new QAction(tr("C&lear log"), this);
    m_clear->setObjectName(QStringLiteral("action_clear_log"));
    m_clear->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+K")));
    connect(m_clear, &QAction::triggered, this, [this] {
        m_waiting.clear();
        m_model->clear();
        updateCount();
    });
    m_loadOlder = new QAction(tr("Load &older audit entries"), this);
    m_loadOlder->setObjectName(QStringLiteral("action_older_audit"));
    m_loadOlder->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+O")));
    connect(m_loadOlder, &QAction::triggered, this, &LogsPage::loadOlderAudit);
}

QList<QAction *> LogsPage::pageActions() const
{
    return {m_pause, m_copy, m_clear, m_loadOlder};
}

QWidget *LogsPage::buildLogTab()
{
    auto *tab = new QWidget(this);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 6);
    m_level = new QComboBox(tab);
    m_level->setObjectName(QStringLiteral("log_level_filter"));
    m_level->addItem(tr("Debug and above"), int(LogLevel::Debug));
    m_level->addItem(tr("Info and above"), int(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_level->addItem(tr("Errors only"), int(LogLevel::Error));
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumLevel(LogLevel(m_level->currentData().toInt()));
        updateCount();
    });
    m_source = new QComboBox(tab);
    m_source->setObjectName(QStringLiteral("log_source_filter"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->addItem(tr("All sources"), QString());
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setSource(m_source->currentData().toString());
        updateCount();
    });
    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("log_search"));
    m_search->setPlaceholderText(tr("Search the log…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    m_count = new QLabel(tab);
    m_count->setObjectName(QStringLiteral("log_count"));
    bar->addWidget(m_level);
    bar->addWidget(m_source);
    bar->addWidget(m_search, 1);
    for (QAction *action : {m_pause, m_copy, m_clear}) {
        auto *button = new QToolButton(tab);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    bar->addWidget(m_count);
    m_view = makeTable(m_proxy, tab, "log_view");
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    m_view->setColumnWidth(LogModel::TimeColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000__")));
    m_view->setColumnWidth(LogModel::LevelColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("warning___")));
    m_view->setColumnWidth(LogModel::SourceColumn,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("provider.openai__")));
    updateCount();
    return tab;
}

QWidget *LogsPage::buildAuditTab()
{
    auto *tab = new QWidget(this);
    m_auditNote = new QLabel(tab);
    m_auditNote->setObjectName(QStringLiteral("audit_note"));
    m_auditNote->setWordWrap(true);
    m_auditNote->setContentsMargins(8, 6, 8, 6);
    m_older = new QPushButton(tab);
    m_older->setObjectName(QStringLiteral("audit_older"));
    m_older->setText(m_loadOlder->text());
    m_older->setEnabled(false);
    connect(m_older, &QPushButton::clicked, this, &LogsPage::loadOlderAudit);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_auditNote, 1);
    bar->addWidget(m_older);
    m_auditView = makeTable(m_audit, tab, "audit_view");
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_auditView, 1);
    m_auditView->setColumnWidth(AuditModel::TimeColumn,
                                m_auditView->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00__")));
    return tab;
}

void LogsPage::start()
{
    subscribe();
    if (m_auditAllowed)
        subscribeAudit();
}

void LogsPage::refresh()
{
    m_banner->dismiss();
    if (!m_logSubscription.isValid())
        subscribe();
    if (m_auditAllowed) {
        if (!m_auditSubscription.isValid())
            subscribeAudit();
        reloadAudit();
    }
}

void LogsPage::subscribe()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Logs, Topic::Agents, Topic::Tasks, Topic::Decisions};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!subscribed)
            return m_banner->showError(tr("The live log is not followed: %1. Press F5 to try again; if it "
                                          "persists, check the connection in the status bar.")
                                           .arg(subscribed.error().message));
        m_logSubscription = subscribed->id;
    });
}

void LogsPage::subscribeAudit()
{
    SubscriptionSpec spec;
    spec.topics = {Topic::Audit};
    m_backend.subscribe(spec, this, [this](Result<Subscription> subscribed) {
        if (!m_auditAllowed)
            return; // the role note says why
        if (!subscribed) {
            m_auditNote->setText(tr("Live audit events are not followed: %1").arg(subscribed.error().message));
            return;
        }
        m_auditSubscription = subscribed->id;
    });
}

void LogsPage::onEvents(SubscriptionId id, const QList<Event> &events)
{
    if (id.isValid() && id == m_auditSubscription) {
        QList<AuditEntry> entries;
        for (auto it = events.crbegin(); it != events.crend(); ++it) { // newest first
            if (const auto *audit = std::get_if<AuditEvent>(&it->payload))
                entries.append(AuditModel::fromEvent(it->timeMs, *audit));
        }
        m_audit->prepend(entries);
        return;
    }
    if (!id.isValid() || id != m_logSubscription)
        return;
    for (const Event &event : events) {
        if (std::optional<LogEntry> entry = LogEntry::fromEvent(event))
            m_waiting.append(std::move(*entry));
    }
    // A paused tail still keeps only what the model could show.
    if (m_waiting.size() > m_model->capacity())
        m_waiting.remove(0, m_waiting.size() - m_model->capacity());
    if (!m_paused)
        m_coalescer->markDirty();
    else
        updateCount();
}

void LogsPage::onDropped(SubscriptionId id, quint64 first, quint64 last)
{
    if (!id.isValid() || (id != m_logSubscription && id != m_auditSubscription))
        return;
    LogEntry gap;
    gap.seq = last;
    gap.timeMs = QDateTime::currentMSecsSinceEpoch();
    gap.level = LogLevel::Warning;
    gap.source = QStringLiteral("console");
    gap.message = tr("%n event(s) were not received (seq %1–%2): the console was too slow or reconnected late.",
                     nullptr, int(std::min<quint64>(last - first + 1, INT_MAX)))
                      .arg(first)
                      .arg(last);
    m_waiting.append(gap);
    if (!m_paused)
        m_coalescer->markDirty();
}

void LogsPage::flush()
{
    if (m_paused || m_waiting.isEmpty())
        return;
    QScrollBar *scroll = m_view->verticalScrollBar();
    const bool atBottom = scroll->value() >= scroll->maximum() - 2;
    m_model->append(std::exchange(m_waiting, {}));
    if (atBottom)
        m_view->scrollToBottom();
    updateCount();
}

void LogsPage::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume &log") : tr("&Pause log"));
    if (!paused)
        flush();
    updateCount();
}

void LogsPage::setMinimumLevel(LogLevel level)
{
    m_level->setCurrentIndex(m_level->findData(int(level)));
}

void LogsPage::setSourceFilter(const QString &source)
{
    fillSources();
    m_source->setCurrentIndex(std::max(0, m_source->findData(source)));
}

void LogsPage::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void LogsPage::fillSources()
{
    const QString current = m_source->currentData().toString();
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"), QString());
    for (const QString &source : m_model->sources())
        m_source->addItem(source, source);
    m_source->setCurrentIndex(std::max(0, m_source->findData(current)));
}

QString LogsPage::copyLines()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(m_proxy->index(row, 0));
    }
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows))
        lines.append(m_model->entry(m_proxy->mapToSource(index).row()).toText());
    const QString text = lines.join(u'\n');
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("%n log line(s) copied.", nullptr, int(lines.size())));
    return text;
}

void LogsPage::setRole(const QString &role)
{
    const bool allowed = role.isEmpty() || role == QLatin1StringView("admin");
    if (allowed == m_auditAllowed)
        return;
    m_auditAllowed = allowed;
    m_audit->clear();
    m_older->setEnabled(false);
    m_loadOlder->setEnabled(allowed);
    if (!allowed) {
        m_auditNote->setText(tr("The audit trail is for administrators; this connection's role is %1. Connect "
                                "with an admin token to see it.")
                                 .arg(role));
        return;
    }
    subscribeAudit();
    reloadAudit();
}

void LogsPage::reloadAudit()
{
    m_audit->clear();
    m_auditCursor.clear();
    loadOlderAudit();
}

void LogsPage::loadOlderAudit()
{
    if (!m_auditAllowed || m_auditLoading)
        return;
    if (m_audit->rowCount() > 0 && m_auditCursor.isEmpty())
        return; // everything is loaded
    m_auditLoading = true;
    m_older->setEnabled(false);
    m_auditNote->setText(tr("Loading the audit trail…"));
    AuditQuery query;
    query.page.limit = auditPageSize;
    query.page.cursor = m_auditCursor;
    m_backend.queryAudit(query, this, [this](Result<Page<AuditEntry>> page) {
        m_auditLoading = false;
        if (!page) {
            m_auditNote->setText(
                tr("The audit trail cannot be read: %1. Press F5 to try again.").arg(page.error().message));
            return;
        }
        m_audit->appendOlder(page->items);
        m_auditCursor = page->nextCursor;
        m_older->setEnabled(!m_auditCursor.isEmpty());
        m_auditNote->setText(
            m_auditCursor.isEmpty()
                ? tr("%n audit entry(ies), all loaded; new ones appear on top.", nullptr, m_audit->rowCount())
                : tr("%n audit entry(ies) loaded, newest first.", nullptr, m_audit->rowCount()));
    });
}

void LogsPage::updateCount()
{
    QString text = tr("%1 of %n line(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount());
    if (m_paused)
        text += tr(" · paused, %n new", nullptr, int(m_waiting.size()));
    m_count->setText(text);
}

void LogsPage::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace QwenSwarm::Ui
