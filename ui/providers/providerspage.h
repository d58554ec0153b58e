#pragma once

#include "providers/providerkeychain.h"

#include <api/backend.h>

#include <QWidget>

class QAction;
class QLabel;
class QMessageBox;
class QTableView;

namespace QwenSwarm::Ui {

class BannerWidget;
class ProviderEditDialog;
class ProvidersModel;

/// The model providers of the core in a table (kind, URL, default model, origin, key status, circuit,
/// agents, limits), with add, edit, remove and "test connection" for the operator's own providers;
/// built-in and file providers are shown read-only, with why. Every call is asynchronous; failures go
/// to the banner. With a keychain (embedded core) it hands the core, on first load, the saved keys of
/// providers whose key lives in the system keychain.
class ProvidersPage : public QWidget
{
    Q_OBJECT

public:
    explicit ProvidersPage(Api::Backend &backend, QWidget *parent = nullptr);

    ProvidersModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    BannerWidget *banner() const { return m_banner; }
    /// Why the selected provider is read-only (or what can be done with it).
    QString selectionNote() const;
    /// What the last connection test showed (or that it is under way).
    QString testResult() const;

    /// Every action of the page, for the window's menus (they carry their shortcuts).
    QList<QAction *> pageActions() const;
    QAction *addProviderAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *testAction() const { return m_test; }
    QAction *refreshAction() const { return m_refresh; }

    /// Offers the system keychain for keys (an embedded core): `hook` hands the core a key.
    void setKeychain(SecretStore &secrets, ProviderKeychain::Hook hook);
    ProviderKeychain *keychain() const { return m_keychain; }

    void start();
    /// Lists the providers again (a listing under way is followed by one more).
    void refresh();
    bool isLoaded() const { return m_loaded; }
    void selectProvider(const QString &name);
    QString selectedProvider() const;

    /// Opens the dialog for a new provider (non-modal to the event loop) and returns it.
    ProviderEditDialog *openAddDialog();
    /// Opens the dialog for the selected operator provider; null (with a note why) for any other.
    ProviderEditDialog *openEditDialog();
    /// Tests the selected provider as the core has it; the result shows below the table.
    void testSelected();
    bool isTesting() const { return m_testing; }
    /// Asks to confirm removing the selected operator provider; null when there is none to remove.
    QMessageBox *confirmRemove();
    void removeProvider(const QString &name);

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// A listing arrived (the model holds it).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    QWidget *buildResultBar();
    void selectionChanged();
    void listed(const QList<Api::ProviderInfo> &providers);
    void saved(const Api::ProviderInfo &info, const QString &where);
    void restoreKeychainKeys();
    void showTestResult(const QString &text, const QColor &color);
    const Api::ProviderInfo *selectedInfo() const;

    Api::Backend &m_backend;
    ProvidersModel *m_model;
    BannerWidget *m_banner;
    QTableView *m_view;
    QLabel *m_note = nullptr;
    QLabel *m_testResult = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_test = nullptr;
    QAction *m_refresh = nullptr;
    ProviderKeychain *m_keychain = nullptr;
    QString m_select; // to select once listed
    bool m_loaded = false;
    bool m_listing = false;
    bool m_listAgain = false;
    bool m_listFailed = false;
    bool m_keysRestored = false;
    bool m_testing = false;
};

} // namespace QwenSwarm::Ui
