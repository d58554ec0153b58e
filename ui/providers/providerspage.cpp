#include "providers/providerspage.h"

#include "common/bannerwidget.h"
#include "common/erroradvice.h"
#include "providers/providereditdialog.h"
#include "providers/providersmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

const QColor errorColor(0xd9, 0x3f, 0x36);
const QColor okColor(0x2e, 0x8b, 0x57);

bool keyInKeychain(const ProviderInfo &info)
{
    return info.origin == ProviderOrigin::Operator && info.settings.keyRef == QLatin1StringView("keychain");
}

} // namespace

ProvidersPage::ProvidersPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ProvidersModel(this))
    , m_banner(new BannerWidget(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("providers_page"));
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly); // text reads on light and dark palettes alike
    toolbar->addActions(pageActions());
    layout->addWidget(toolbar);

    m_view->setObjectName(QStringLiteral("providers_view"));
    m_view->setAccessibleName(tr("Model providers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(pageActions());
    layout->addWidget(m_view, 1);
    layout->addWidget(buildResultBar());

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvidersPage::selectionChanged);
    connect(m_view, &QTableView::doubleClicked, this, [this] { openEditDialog(); });
    // Providers come and go rarely: fit the columns whenever the rows change, not on every refresh.
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTableView::resizeColumnsToContents);
    selectionChanged();
}

void ProvidersPage::createActions()
{
    auto add = [this](const QString &text, const char *name, const char *shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(QLatin1StringView(shortcut)));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_add = add(tr("&Add provider…"), "action_add_provider", "Alt+Shift+A", [this] { openAddDialog(); });
    m_edit = add(tr("&Edit provider…"), "action_edit_provider", "Alt+Shift+E", [this] { openEditDialog(); });
    m_test = add(tr("&Test connection"), "action_test_provider", "Alt+Shift+T", [this] { testSelected(); });
    m_remove = add(tr("Re&move provider…"), "action_remove_provider", "Alt+Shift+Del", [this] { confirmRemove(); });
    m_refresh = add(tr("&Refresh providers"), "action_refresh_providers", "Alt+Shift+R", [this] { refresh(); });
    m_test->setToolTip(tr("Send one tiny request to the selected provider (%1)")
                           .arg(m_test->shortcut().toString(QKeySequence::NativeText)));
}

QWidget *ProvidersPage::buildResultBar()
{
    auto *bar = new QWidget(this);
    auto *column = new QVBoxLayout(bar);
    column->setContentsMargins(2, 4, 2, 2);
    m_note = new QLabel(bar);
    m_note->setObjectName(QStringLiteral("provider_note"));
    m_note->setAccessibleName(tr("About the selected provider"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_note);
    m_testResult = new QLabel(bar);
    m_testResult->setObjectName(QStringLiteral("provider_test_result"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    column->addWidget(m_testResult);
    return bar;
}

QList<QAction *> ProvidersPage::pageActions() const
{
    return {m_add, m_edit, m_test, m_remove, m_refresh};
}

void ProvidersPage::setKeychain(SecretStore &secrets, ProviderKeychain::Hook hook)
{
    delete m_keychain;
    m_keychain = new ProviderKeychain(secrets, std::move(hook), this);
    m_keysRestored = false;
    restoreKeychainKeys(); // at once if the providers are listed already, else once they are
}

void ProvidersPage::start()
{
    refresh();
}

void ProvidersPage::refresh()
{
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    m_backend.listProviders(this, [this](Result<QList<ProviderInfo>> providers) {
        m_listing = false;
        if (!providers) {
            m_listFailed = true;
            m_banner->showError(tr("The providers are not listed: %1").arg(ErrorAdvice::describe(providers.error())));
        } else {
            if (std::exchange(m_listFailed, false))
                m_banner->dismiss();
            listed(providers.value());
        }
        if (std::exchange(m_listAgain, false))
            refresh();
    });
}

void ProvidersPage::listed(const QList<ProviderInfo> &providers)
{
    const QString selected = m_select.isEmpty() ? selectedProvider() : std::exchange(m_select, {});
    m_model->setProviders(providers);
    m_loaded = true;
    if (!selected.isEmpty() && selected != selectedProvider())
        selectProvider(selected);
    selectionChanged();
    Q_EMIT loaded();
    restoreKeychainKeys();
}

void ProvidersPage::restoreKeychainKeys()
{
    if (!m_keychain || !m_loaded || m_keysRestored)
        return;
    m_keysRestored = true;
    QStringList wanting;
    for (const ProviderInfo &info : m_model->providers()) {
        if (keyInKeychain(info) && info.keyStatus != QLatin1StringView("present"))
            wanting.append(info.settings.name);
    }
    if (wanting.isEmpty())
        return;
    auto missing = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(int(wanting.size()));
    for (const QString &name : std::as_const(wanting)) {
        m_keychain->restore(name, this, [this, name, missing, pending, total = wanting.size()](bool found) {
            if (!found)
                missing->append(name);
            if (--*pending > 0)
                return;
            if (missing->size() < total)
                refresh(); // the core has keys now
            if (!missing->isEmpty())
                m_banner->showInfo(tr("The system keychain holds no key for %1: edit the provider and paste its key.")
                                       .arg(missing->join(QStringLiteral(", "))));
        });
    }
}

void ProvidersPage::selectProvider(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QString ProvidersPage::selectedProvider() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(ProvidersModel::NameRole).toString();
}

const ProviderInfo *ProvidersPage::selectedInfo() const
{
    const QString name = selectedProvider();
    return name.isEmpty() ? nullptr : m_model->provider(name);
}

QString ProvidersPage::selectionNote() const
{
    return m_note->text();
}

QString ProvidersPage::testResult() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

void ProvidersPage::selectionChanged()
{
    const ProviderInfo *info = selectedInfo();
    const bool editable = info && info->origin == ProviderOrigin::Operator;
    m_edit->setEnabled(editable);
    m_remove->setEnabled(editable);
    m_test->setEnabled(info && !m_testing);
    if (!info)
        return m_note->setText(tr("Select a provider to test it. Providers you add here can be edited and removed."));
    const QString &name = info->settings.name;
    QString note;
    switch (info->origin) {
    case ProviderOrigin::Builtin:
        note = tr("%1 is built into the core (simulated answers, no network): it can be tested, not edited or "
                  "removed.")
                   .arg(name);
        break;
    case ProviderOrigin::File:
        note = tr("%1 is defined by the configuration file of the core: it is read-only here. Change it in that "
                  "file, then restart the core.")
                   .arg(name);
        break;
    case ProviderOrigin::Operator:
        note = tr("%1 was added from the console: edit, test or remove it here.").arg(name);
        if (info->agents > 0)
            note += u' ' + tr("%n agent(s) call it: remove them before removing it.", nullptr, info->agents);
        break;
    }
    if (const QString problem = ProvidersModel::keyProblem(*info); !problem.isEmpty())
        note += u' ' + tr("Its API key is missing: %1.").arg(problem);
    m_note->setText(note);
}

ProviderEditDialog *ProvidersPage::openAddDialog()
{
    auto *dialog = new ProviderEditDialog(m_backend, m_keychain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderEditDialog::saved, this, &ProvidersPage::saved);
    dialog->open();
    return dialog;
}

ProviderEditDialog *ProvidersPage::openEditDialog()
{
    const ProviderInfo *info = selectedInfo();
    if (!info) {
        m_banner->showInfo(tr("Select the provider to edit first."));
        return nullptr;
    }
    if (info->origin != ProviderOrigin::Operator) {
        m_banner->showInfo(selectionNote());
        return nullptr;
    }
    auto *dialog = new ProviderEditDialog(m_backend, m_keychain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSettings(info->settings, true);
    connect(dialog, &ProviderEditDialog::saved, this, &ProvidersPage::saved);
    dialog->open();
    return dialog;
}

void ProvidersPage::saved(const ProviderInfo &info, const QString &where)
{
    Q_EMIT statusMessage(where.isEmpty()
                             ? tr("Provider %1 saved.").arg(info.settings.name)
                             : tr("Provider %1 saved; its key is kept in %2.").arg(info.settings.name, where));
    m_select = info.settings.name;
    refresh();
}

void ProvidersPage::testSelected()
{
    const ProviderInfo *info = selectedInfo();
    if (!info)
        return m_banner->showInfo(tr("Select the provider to test first."));
    if (m_testing)
        return;
    const QString name = info->settings.name;
    m_testing = true;
    m_test->setEnabled(false);
    showTestResult(tr("Testing %1… (a tiny request, at most 30 s)").arg(name), {});
    m_backend.testProvider(info->settings, this, [this, name](Result<ProviderCheck> check) {
        m_testing = false;
        selectionChanged();
        if (!check)
            return showTestResult(tr("%1 was not tested: %2").arg(name, ErrorAdvice::describe(check.error())),
                                  errorColor);
        showTestResult(tr("%1: %2").arg(name, ProviderEditDialog::checkText(check.value())),
                       check->ok() ? okColor : errorColor);
    });
}

void ProvidersPage::showTestResult(const QString &text, const QColor &color)
{
    QPalette p = palette();
    if (color.isValid())
        p.setColor(QPalette::WindowText, color);
    m_testResult->setPalette(p);
    m_testResult->setText(text);
    m_testResult->show();
}

QMessageBox *ProvidersPage::confirmRemove()
{
    const ProviderInfo *info = selectedInfo();
    if (!info) {
        m_banner->showInfo(tr("Select the provider to remove first."));
        return nullptr;
    }
    if (info->origin != ProviderOrigin::Operator) {
        m_banner->showInfo(selectionNote());
        return nullptr;
    }
    const QString name = info->settings.name;
    auto *box
        = new QMessageBox(QMessageBox::Question, tr("Remove provider"),
                          tr("Remove provider %1? Agents can no longer name it.").arg(name), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirm_remove_provider"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("remove_button"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name] {
        if (box->clickedButton() == remove)
            removeProvider(name);
    });
    box->open();
    return box;
}

void ProvidersPage::removeProvider(const QString &name)
{
    const ProviderInfo *info = m_model->provider(name);
    const bool keychainKey = info && keyInKeychain(*info);
    m_backend.removeProvider(name, this, [this, name, keychainKey](Result<void> removed) {
        if (!removed) {
            const Error &error = removed.error();
            // InvalidState says what to do (remove the agents first); the generic advice would not.
            m_banner->showError(error.code == ErrorCode::InvalidState
                                    ? tr("Provider %1 was not removed: %2.").arg(name, error.message)
                                    : tr("Provider %1 was not removed: %2").arg(name, ErrorAdvice::describe(error)));
            return refresh();
        }
        if (keychainKey && m_keychain)
            m_keychain->forget(name);
        Q_EMIT statusMessage(tr("Provider %1 removed.").arg(name));
        refresh();
    });
}

void ProvidersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_loaded)
        refresh(); // agents and circuits move while the page is hidden
}

} // namespace QwenSwarm::Ui
