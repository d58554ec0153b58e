#pragma once

#include "logs/logentry.h"

#include <api/backend.h>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace QwenSwarm::Ui {

class AuditModel;
class BannerWidget;
class LogFilterProxyModel;
class LogModel;
class UpdateCoalescer;

/// The live log (engine log lines and the swarm's transitions) with level and source filters, search,
/// pause and copy; and, for administrators, the audit trail: the persisted log in pages plus live
/// "audit" events.
class LogsPage : public QWidget
{
    Q_OBJECT

public:
    explicit LogsPage(Api::Backend &backend, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilterProxyModel *proxy() const { return m_proxy; }
    AuditModel *auditModel() const { return m_audit; }
    QTableView *view() const { return m_view; }
    QTableView *auditView() const { return m_auditView; }
    QTabWidget *tabs() const { return m_tabs; }
    BannerWidget *banner() const { return m_banner; }
    QList<QAction *> pageActions() const;

    void start();
    /// Subscribes again where a subscription failed, and reloads the audit trail.
    void refresh();
    /// While paused, new lines wait (counted) and the view holds still; resuming shows them.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    int waitingCount() const { return int(m_waiting.size()); }
    void setMinimumLevel(Api::LogLevel level);
    void setSourceFilter(const QString &source);
    void setSearchText(const QString &text);
    /// The selected lines (or, with none selected, every line shown) to the clipboard; returns the text.
    QString copyLines();
    /// The audit trail is for administrators: other roles see why it is empty.
    void setRole(const QString &role);
    void loadOlderAudit();
    void focusSearch();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QWidget *buildLogTab();
    QWidget *buildAuditTab();
    void createActions();
    void subscribe();
    void subscribeAudit();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void onDropped(Api::SubscriptionId id, quint64 first, quint64 last);
    void flush();
    void fillSources();
    void updateCount();
    void reloadAudit();

    Api::Backend &m_backend;
    LogModel *m_model;
    LogFilterProxyModel *m_proxy;
    AuditModel *m_audit;
    UpdateCoalescer *m_coalescer;
    BannerWidget *m_banner;
    QTabWidget *m_tabs;
    QTableView *m_view = nullptr;
    QTableView *m_auditView = nullptr;
    QComboBox *m_level = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_auditNote = nullptr;
    QPushButton *m_older = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_loadOlder = nullptr;
    Api::SubscriptionId m_logSubscription;
    Api::SubscriptionId m_auditSubscription;
    QList<LogEntry> m_waiting; // received, not yet shown (coalesced, or paused)
    QString m_auditCursor;
    bool m_auditAllowed = true;
    bool m_auditLoading = false;
    bool m_paused = false;
};

} // namespace QwenSwarm::Ui
