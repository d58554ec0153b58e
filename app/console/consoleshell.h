#pragma once

#include "consolesession.h"

#include <connect/connectionprofile.h>
#include <connect/secretstore.h>

#include <QObject>

#include <memory>

class QDialog;

namespace QwenSwarm::Ui {
class MainWindow;
}

namespace QwenSwarm::Console {

/// The console's one window and the connection behind it. Switching connection (File › Connect…)
/// builds the new session and a window of pages against its Backend, shows it, then retires the old
/// pair on a later turn of the event loop, so nothing waits on the old core.
class ConsoleShell : public QObject
{
    Q_OBJECT

public:
    /// `defaults` carries the embedded core's seed and demo rate for every session.
    explicit ConsoleShell(SessionOptions defaults, bool useKeychain = true, QObject *parent = nullptr);
    ~ConsoleShell() override;

    /// Connects with `profile` and `token`; on success the window shows the new connection.
    Api::Result<void> open(const Ui::ConnectionProfile &profile, const QByteArray &token);
    /// The same, with the token saved for the profile in the keychain (asynchronously).
    void openWithSavedToken(const Ui::ConnectionProfile &profile);

    Ui::MainWindow *window() const { return m_window.get(); }
    ConsoleSession *session() const { return m_session.get(); }
    Ui::SecretStore &secrets() { return m_secrets; }
    Ui::ProfileStore &profiles() { return m_profiles; }
    /// Opens the connection dialog over the window and returns it.
    QDialog *showConnectionDialog();
    /// Estimates `workflow` on simulated agents (the designer's Dry run): asks for its inputs, then
    /// shows the estimate per step.
    void dryRun(const Api::Workflow &workflow);

Q_SIGNALS:
    /// A new connection's window is up.
    void switched();

private:
    SessionOptions m_defaults;
    Ui::SecretStore m_secrets;
    Ui::ProfileStore m_profiles;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace QwenSwarm::Console
