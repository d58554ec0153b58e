#pragma once

#include <api/backend.h>

#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace QwenSwarm::Ui {

class SwarmDirectory;

/// One task in full: its input and settings, attempts, the timeline of its state changes (replayed
/// from the backend's retained events, then live) and the summary of its decision (answer,
/// agreement, explanation, votes). Cancel and Retry act on it.
class TaskDetailWidget : public QWidget
{
    Q_OBJECT

public:
    TaskDetailWidget(Api::Backend &backend, SwarmDirectory &swarms, QWidget *parent = nullptr);
    ~TaskDetailWidget() override;

    /// Names agents in the votes; without it they show as ids.
    void setAgentNames(std::function<QString(Api::AgentId)> lookup) { m_agentName = std::move(lookup); }
    void showTask(Api::TaskId id);
    Api::TaskId taskId() const { return m_taskId; }
    /// The task as last read, if it was.
    const std::optional<Api::Task> &task() const { return m_task; }
    const std::optional<Api::Decision> &decision() const { return m_decision; }
    /// What the pane shows, as plain text.
    QString text() const;
    void cancelTask();
    void retryTask();

Q_SIGNALS:
    void taskUpdated(const QwenSwarm::Api::Task &task);
    void failed(const QString &message);

private:
    struct Step
    {
        qint64 timeMs = 0;
        Api::TaskEvent change;
    };

    void load();
    void loadDecision();
    void subscribe();
    void unsubscribe();
    void onEvents(Api::SubscriptionId id, const QList<Api::Event> &events);
    void render();
    QString inputHtml(const Api::Task &task) const;
    QString settingsHtml(const Api::Task &task) const;
    QString timelineHtml(const Api::Task &task) const;
    QString decisionHtml() const;
    QString votesHtml(const Api::Decision &decision) const;
    void updateButtons();

    Api::Backend &m_backend;
    SwarmDirectory &m_swarms;
    std::function<QString(Api::AgentId)> m_agentName;
    QLabel *m_title;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QTextBrowser *m_body;
    QTimer m_reload;
    Api::TaskId m_taskId;
    quint64 m_generation = 0;
    Api::SubscriptionId m_subscription;
    std::optional<Api::Task> m_task;
    std::optional<Api::Decision> m_decision;
    QString m_error;
    QList<Step> m_steps;
    bool m_historyIncomplete = false;
};

} // namespace QwenSwarm::Ui
