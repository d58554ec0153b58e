#include "consoleshell.h"

#include "dryrun.h"

#include <backend/inprocessbackend.h>
#include <connect/connectiondialog.h>
#include <designer/designerpage.h>
#include <designer/dryrundialog.h>
#include <mainwindow/mainwindow.h>
#include <runs/approvaldialog.h>

#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>

namespace QwenSwarm::Console {

ConsoleShell::ConsoleShell(SessionOptions defaults, bool useKeychain, QObject *parent)
    : QObject(parent)
    , m_defaults(std::move(defaults))
    , m_secrets(nullptr, useKeychain)
{ }

ConsoleShell::~ConsoleShell()
{
    m_window.reset(); // its pages use the session's backend
    m_session.reset();
}

Api::Result<void> ConsoleShell::open(const Ui::ConnectionProfile &profile, const QByteArray &token)
{
    SessionOptions options = m_defaults;
    options.profile = profile;
    options.token = token;
    auto opened = ConsoleSession::open(options);
    if (!opened)
        return opened.error();

    std::unique_ptr<ConsoleSession> oldSession = std::exchange(m_session, std::move(opened).value());
    std::unique_ptr<Ui::MainWindow> oldWindow = std::move(m_window);
    if (oldWindow)
        oldWindow->saveLayout(); // the new window takes over the same place and docks
    m_session->start(); // before the pages: a remote backend queues their first calls once it is connecting
    m_window = std::make_unique<Ui::MainWindow>(m_session->backend());
    m_window->setConnectionMonitor(&m_session->monitor());
    if (auto *embedded = qobject_cast<Engine::InProcessBackend *>(&m_session->backend())) {
        // Keys in the system keychain reach an embedded core only this way: they never cross a wire.
        m_window->setProviderKeyHook(m_secrets,
                                     [embedded = QPointer(embedded)](const QString &provider, const QByteArray &key) {
                                         if (embedded)
                                             embedded->setProviderKey(provider, key);
                                     });
    }
    const QString where = m_session->monitor().endpoint();
    m_window->setWindowTitle(profile.name.isEmpty() ? tr("Qwen Swarm — %1").arg(where)
                                                    : tr("Qwen Swarm — %1 (%2)").arg(profile.name, where));
    connect(m_window.get(), &Ui::MainWindow::connectRequested, this, &ConsoleShell::showConnectionDialog);
    connect(m_session.get(), &ConsoleSession::demoFailed, m_window.get(), [this](const QString &message) {
        m_window->statusBar()->showMessage(tr("Demo stopped: %1").arg(message));
    });
    m_window->designerPage()->setDryRunHandler([this](const Api::Workflow &workflow) { dryRun(workflow); });
    m_window->show();
    if (oldWindow) {
        oldWindow->hide();
        // Later: the dialog that asked for the switch is the old window's child and still on the stack.
        QMetaObject::invokeMethod(
            this,
            [window = oldWindow.release(), session = oldSession.release()] {
                delete window;
                delete session;
            },
            Qt::QueuedConnection);
    }
    Q_EMIT switched();
    return {};
}

void ConsoleShell::openWithSavedToken(const Ui::ConnectionProfile &profile)
{
    m_secrets.read(profile.secretKey(), this, [this, profile](std::optional<QByteArray> secret, const QString &note) {
        const Api::Result<void> opened = open(profile, secret.value_or(QByteArray()));
        if (m_window && !note.isEmpty())
            m_window->statusBar()->showMessage(note, 15000);
        if (!opened && m_window)
            m_window->statusBar()->showMessage(opened.error().message);
    });
}

QDialog *ConsoleShell::showConnectionDialog()
{
    auto *dialog = new Ui::ConnectionDialog(m_profiles, m_secrets, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session)
        dialog->showProfile(m_session->profile());
    connect(dialog, &Ui::ConnectionDialog::connectRequested, this,
            [this](const Ui::ConnectionProfile &profile, const QByteArray &token) {
                const Api::Result<void> opened = open(profile, token);
                if (opened)
                    return;
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot connect"),
                                            tr("%1\n\nThe current connection stays open. Correct the profile in "
                                               "File › Connect… and try again.")
                                                .arg(opened.error().message),
                                            QMessageBox::Close, m_window.get());
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    dialog->open();
    return dialog;
}

void ConsoleShell::dryRun(const Api::Workflow &workflow)
{
    // The inputs first (one field per declared input), then the core's swarms to mirror: the dry run
    // runs on a throwaway core of simulated agents shaped like them (like the demo swarm offline).
    auto *inputs = new Ui::RunInputsDialog(workflow, m_window.get());
    inputs->setAttribute(Qt::WA_DeleteOnClose);
    inputs->setWindowTitle(tr("Dry run of %1").arg(workflow.name));
    connect(inputs, &QDialog::accepted, this, [this, inputs, workflow] {
        const QJsonObject values = inputs->inputs();
        auto *dialog = new Ui::DryRunDialog(workflow, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        Api::Backend &backend = m_session->backend();
        backend.listSwarms(dialog, [dialog, &backend, workflow, values](Api::Result<QList<Api::Swarm>> swarms) {
            backend.listAgents({}, dialog, [dialog, swarms, workflow, values](Api::Result<QList<Api::Agent>> agents) {
                QList<Api::SwarmSpec> mirrored;
                for (const Api::Swarm &swarm : swarms &&agents ? swarms.value() : QList<Api::Swarm> {})
                    mirrored.append(DryRun::simulatedSwarm(swarm, agents.value()));
                auto *dry = new DryRun(workflow, values, mirrored, 10, dialog); // closing the dialog stops it
                connect(dry, &DryRun::progress, dialog, &Ui::DryRunDialog::setProgress);
                connect(dry, &DryRun::finished, dialog, [dialog](const Api::Result<Api::RunEstimate> &estimate) {
                    if (estimate)
                        dialog->showEstimate(estimate.value());
                    else
                        dialog->showError(estimate.error().message);
                });
                dry->start();
            });
        });
    });
    inputs->open();
}

} // namespace QwenSwarm::Console
