// The providers page on a real in-process core and a real loopback OpenAI-compatible server: the
// built-in provider read-only, adding through the dialog, "test connection" (OK, and the provider's
// 401 without the key), keys kept in the keychain reaching the core through the hook, and removal.
// Set QS_SCREENSHOT_DIR to save pictures of the page and the dialog there.
#include "common/bannerwidget.h"
#include "connect/secretstore.h"
#include "mainwindow/mainwindow.h"
#include "providers/providereditdialog.h"
#include "providers/providerkeychain.h"
#include "providers/providersmodel.h"
#include "providers/providerspage.h"

#include "uitestsupport.h"

#include <fakeopenaiserver.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::UiTesting;
using Testing::FakeMode;
using Testing::FakeOpenAiServer;
using Ui::ProviderEditDialog;
using Ui::ProvidersModel;
using Ui::ProvidersPage;

namespace {

const QByteArray secretKey = "sk-test-7f3a9c21d4e8b605"_ba;

struct Fixture
{
    std::unique_ptr<Engine::InProcessBackend> backend = makeBackend();
    FakeOpenAiServer server;
    Ui::SecretStore secrets {nullptr, false}; // memory only
    ProvidersPage page {*backend};
    QAbstractItemModelTester tester {page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest};

    bool listen()
    {
        server.setAnswer(u"OK"_s);
        return server.listen();
    }

    /// Hands keys to the core as the console's shell does for an embedded core.
    void useKeychain()
    {
        page.setKeychain(secrets, [core = backend.get()](const QString &provider, const QByteArray &key) {
            core->setProviderKey(provider, key);
        });
    }

    bool start()
    {
        page.resize(1200, 420);
        page.start();
        page.show();
        return Testing::spinUntil([&] { return page.isLoaded(); });
    }

    Api::ProviderSettings settings(const QString &name, const QString &keyRef = {}) const
    {
        Api::ProviderSettings s;
        s.name = name;
        s.baseUrl = server.baseUrl();
        s.defaultModel = u"fake-model"_s;
        s.keyRef = keyRef;
        return s;
    }

    Api::Result<Api::ProviderInfo> put(const Api::ProviderSettings &s)
    {
        return Testing::await<Api::ProviderInfo>([&](QObject *c, auto done) { backend->putProvider(s, c, done); });
    }

    std::optional<Api::ProviderInfo> coreProvider(const QString &name)
    {
        const auto listed
            = Testing::await<QList<Api::ProviderInfo>>([&](QObject *c, auto done) { backend->listProviders(c, done); });
        for (const Api::ProviderInfo &info : listed ? listed.value() : QList<Api::ProviderInfo>()) {
            if (info.settings.name == name)
                return info;
        }
        return std::nullopt;
    }

    /// Refreshes and waits until the model shows `name` (or no longer shows it).
    bool shows(const QString &name, bool present = true)
    {
        page.refresh();
        return Testing::spinUntil([&] { return (page.model()->rowOf(name) >= 0) == present; });
    }

    /// Tests the selected provider and waits for the answer.
    QString testSelected()
    {
        page.testSelected();
        if (!page.isTesting())
            return {};
        Testing::spinUntil([&] { return !page.isTesting(); }, 40000);
        return page.testResult();
    }

    QString cell(const QString &name, int column) const
    {
        return page.model()->index(page.model()->rowOf(name), column).data().toString();
    }
};

template<typename T>
T *field(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qWarning("no widget named %s", qPrintable(name));
    return widget;
}

void chooseKeySource(ProviderEditDialog *dialog, const QString &source)
{
    auto *combo = field<QComboBox>(dialog, u"field_key_source"_s);
    combo->setCurrentIndex(combo->findData(source));
}

/// Every text the widget and its children show (labels, fields, table cells).
QString shownText(QWidget *root)
{
    QStringList texts;
    for (const QLabel *label : root->findChildren<QLabel *>())
        texts.append(label->text());
    for (const QLineEdit *edit : root->findChildren<QLineEdit *>()) {
        if (edit->echoMode() == QLineEdit::Normal)
            texts.append(edit->text());
    }
    for (const QTableView *view : root->findChildren<QTableView *>()) {
        const QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                texts.append(model->index(row, column).data().toString());
                texts.append(model->index(row, column).data(Qt::ToolTipRole).toString());
            }
        }
    }
    return texts.join(u'\n');
}

} // namespace

class TstProvidersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinProviderIsReadOnly();
    void addThroughTheDialog();
    void dialogShowsTheBackendsErrorsNextToTheirFields();
    void presetsFillTheForm_data();
    void presetsFillTheForm();
    void testConnectionShowsLatencyAndAnswer();
    void testConnectionShowsTheProvidersErrorWithoutTheKey();
    void keychainKeyReachesTheCoreThroughTheHook();
    void aKeyTypedOnlyToTestIsTakenBackOnCancel();
    void savedKeysAreHandedOverOnFirstLoad();
    void remoteDaemonKeysLiveInItsEnvironment();
    void removeAskedAndRefusedWhileAgentsCallIt();
    void theWindowHasAProvidersPage();
    void screenshots();
};

void TstProvidersPage::builtinProviderIsReadOnly()
{
    Fixture f;
    QVERIFY(f.start());
    const int row = f.page.model()->rowOf(u"simulated"_s);
    QVERIFY(row >= 0);
    QCOMPARE(f.cell(u"simulated"_s, ProvidersModel::OriginColumn), ProvidersModel::tr("built in"));
    QCOMPARE(f.cell(u"simulated"_s, ProvidersModel::KindColumn), u"simulated"_s);
    QCOMPARE(f.cell(u"simulated"_s, ProvidersModel::KeyColumn), ProvidersModel::tr("not needed"));

    f.page.selectProvider(u"simulated"_s);
    QCOMPARE(f.page.selectedProvider(), u"simulated"_s);
    QVERIFY(!f.page.editAction()->isEnabled());
    QVERIFY(!f.page.removeAction()->isEnabled());
    QVERIFY(f.page.testAction()->isEnabled());
    QVERIFY2(f.page.selectionNote().contains(u"built into the core"_s), qPrintable(f.page.selectionNote()));
    // Asking anyway opens nothing and says why.
    QVERIFY(!f.page.openEditDialog());
    QVERIFY(!f.page.confirmRemove());
    QVERIFY(f.page.banner()->text().contains(u"not edited or removed"_s));
}

void TstProvidersPage::addThroughTheDialog()
{
    Fixture f;
    QVERIFY(f.listen());
    QVERIFY(f.start());
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    QVERIFY(dialog->isVisible());
    field<QLineEdit>(dialog, u"field_name"_s)->setText(u"local"_s);
    field<QLineEdit>(dialog, u"field_base_url"_s)->setText(f.server.baseUrl());
    field<QLineEdit>(dialog, u"field_default_model"_s)->setText(u"fake-model"_s);
    field<QSpinBox>(dialog, u"field_concurrency"_s)->setValue(4);
    field<QSpinBox>(dialog, u"field_requests_per_minute"_s)->setValue(60);
    chooseKeySource(dialog, u"none"_s);
    field<QPushButton>(dialog, u"save_button"_s)->click();
    QVERIFY(Testing::spinUntil([&] { return dialog.isNull(); }));

    // The core has it, as the operator's, with what the form said.
    const auto info = f.coreProvider(u"local"_s);
    QVERIFY(info);
    QCOMPARE(info->origin, Api::ProviderOrigin::Operator);
    QCOMPARE(info->settings.baseUrl, f.server.baseUrl());
    QCOMPARE(info->settings.concurrency, 4);
    QCOMPARE(info->settings.requestsPerMinute, 60);
    QCOMPARE(info->settings.keyRef, QString());
    // The page shows it, selected and editable.
    QVERIFY(Testing::spinUntil([&] { return f.page.selectedProvider() == u"local"_s; }));
    QCOMPARE(f.cell(u"local"_s, ProvidersModel::OriginColumn), ProvidersModel::tr("console"));
    QVERIFY(f.cell(u"local"_s, ProvidersModel::LimitsColumn).contains(u"60"_s));
    QVERIFY(f.page.editAction()->isEnabled());
    QVERIFY(f.page.removeAction()->isEnabled());

    // Editing keeps the name and changes what it calls.
    dialog = f.page.openEditDialog();
    QVERIFY(dialog);
    QVERIFY(field<QLineEdit>(dialog, u"field_name"_s)->isReadOnly());
    field<QLineEdit>(dialog, u"field_default_model"_s)->setText(u"other-model"_s);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return dialog.isNull(); }));
    QVERIFY(Testing::spinUntil([&] { return f.cell(u"local"_s, ProvidersModel::ModelColumn) == u"other-model"_s; }));
}

void TstProvidersPage::dialogShowsTheBackendsErrorsNextToTheirFields()
{
    Fixture f;
    QVERIFY(f.listen());
    QVERIFY(f.start());
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    // The built-in provider's name: the core refuses it.
    Api::ProviderSettings s = f.settings(u"simulated"_s);
    dialog->setSettings(s, false);
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return !dialog->isSubmitting(); }));
    QVERIFY2(dialog->fieldError(u"name"_s).contains(u"built in"_s), qPrintable(dialog->fieldError(u"name"_s)));
    QVERIFY(dialog->isVisible());
    // A URL that is not one, before anything is sent.
    s.name = u"broken"_s;
    s.baseUrl = u"ftp://example.org"_s;
    dialog->setSettings(s, false);
    dialog->submit();
    QVERIFY(!dialog->fieldError(u"base_url"_s).isEmpty());
    QVERIFY(!f.coreProvider(u"broken"_s));
}

void TstProvidersPage::presetsFillTheForm_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("keyRef");
    QTest::newRow("openai") << 0 << u"openai"_s << u"https://api.openai.com/v1"_s << u"gpt-4o-mini"_s
                            << u"env:OPENAI_API_KEY"_s;
    QTest::newRow("qwen-intl") << 1 << u"openai"_s << u"https://dashscope-intl.aliyuncs.com/compatible-mode/v1"_s
                               << u"qwen-plus"_s << u"env:DASHSCOPE_API_KEY"_s;
    QTest::newRow("qwen-cn") << 2 << u"openai"_s << u"https://dashscope.aliyuncs.com/compatible-mode/v1"_s
                             << u"qwen-plus"_s << u"env:DASHSCOPE_API_KEY"_s;
    QTest::newRow("anthropic") << 3 << u"anthropic"_s << u"https://api.anthropic.com"_s << u"claude-3-5-haiku-latest"_s
                               << u"env:ANTHROPIC_API_KEY"_s;
    QTest::newRow("vllm") << 4 << u"openai"_s << u"http://127.0.0.1:8000/v1"_s << QString() << QString();
    QTest::newRow("ollama") << 5 << u"openai"_s << u"http://127.0.0.1:11434/v1"_s << QString() << QString();
    QTest::newRow("llama.cpp") << 6 << u"openai"_s << u"http://127.0.0.1:8080/v1"_s << QString() << QString();
}

void TstProvidersPage::presetsFillTheForm()
{
    QFETCH(int, preset);
    QFETCH(QString, kind);
    QFETCH(QString, baseUrl);
    QFETCH(QString, model);
    QFETCH(QString, keyRef);
    auto backend = makeBackend();
    ProviderEditDialog dialog(*backend, nullptr);
    QCOMPARE(ProviderEditDialog::presetNames().size(), 7);
    dialog.applyPreset(preset);
    const Api::ProviderSettings s = dialog.settings();
    QVERIFY(!s.name.isEmpty()); // a suggested name for a new provider
    QCOMPARE(s.kind, kind);
    QCOMPARE(s.baseUrl, baseUrl);
    QCOMPARE(s.defaultModel, model);
    QCOMPARE(s.keyRef, keyRef);
}

void TstProvidersPage::testConnectionShowsLatencyAndAnswer()
{
    Fixture f;
    QVERIFY(f.listen());
    QS_VERIFY_OK(f.put(f.settings(u"fake"_s)));
    QVERIFY(f.start());
    f.page.selectProvider(u"fake"_s);
    const qint64 requestsBefore = f.server.requestsSeen();
    const QString shown = f.testSelected();
    static const QRegularExpression ok(u"^fake: OK in \\d+ ms: OK$"_s);
    QVERIFY2(ok.match(shown).hasMatch(), qPrintable(shown));
    QCOMPARE(f.server.requestsSeen(), requestsBefore + 1);
    QVERIFY(f.page.testAction()->isEnabled()); // not busy any more

    // The dialog tries unsaved settings: the same server under a name the core does not know yet.
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    dialog->setSettings(f.settings(u"not-saved-yet"_s), false);
    field<QPushButton>(dialog, u"test_button"_s)->click();
    QVERIFY(dialog->isTesting());
    QVERIFY(!field<QPushButton>(dialog, u"test_button"_s)->isEnabled());
    QVERIFY(Testing::spinUntil([&] { return !dialog->isTesting(); }, 40000));
    QVERIFY2(dialog->testResult().startsWith(u"OK in "_s), qPrintable(dialog->testResult()));
    QVERIFY(!f.coreProvider(u"not-saved-yet"_s));
    dialog->reject();
}

void TstProvidersPage::testConnectionShowsTheProvidersErrorWithoutTheKey()
{
    Fixture f;
    QVERIFY(f.listen());
    qputenv("QS_TEST_PROVIDER_KEY", secretKey);
    QS_VERIFY_OK(f.put(f.settings(u"guarded"_s, u"env:QS_TEST_PROVIDER_KEY"_s)));
    QVERIFY(f.start());
    QVERIFY(f.cell(u"guarded"_s, ProvidersModel::KeyColumn).contains(u"QS_TEST_PROVIDER_KEY"_s));
    f.page.selectProvider(u"guarded"_s);
    f.server.script({{FakeMode::Unauthorized, 0}}); // 401, echoing the key it got
    const QString shown = f.testSelected();
    qunsetenv("QS_TEST_PROVIDER_KEY");
    QVERIFY2(shown.startsWith(u"guarded: Failed after "_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Incorrect API key provided"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Check the provider's settings and key"_s), qPrintable(shown)); // what to do next
    QVERIFY(!shownText(&f.page).contains(QString::fromLatin1(secretKey)));
    QVERIFY(!shownText(&f.page).contains(QString::fromLatin1(secretKey.left(12))));
}

void TstProvidersPage::keychainKeyReachesTheCoreThroughTheHook()
{
    Fixture f;
    QVERIFY(f.listen());
    f.server.requireKey(secretKey);
    f.useKeychain();
    QVERIFY(f.start());
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    QVERIFY(dialog->offersKeychain());
    dialog->setSettings(f.settings(u"vault"_s), false);
    chooseKeySource(dialog, u"keychain"_s);
    QVERIFY(field<QLineEdit>(dialog, u"field_key"_s)->isVisibleTo(dialog));
    QCOMPARE(field<QLineEdit>(dialog, u"field_key"_s)->echoMode(), QLineEdit::Password);

    // Without the key the server refuses; saving asks for it.
    dialog->testConnection();
    QVERIFY(Testing::spinUntil([&] { return !dialog->isTesting(); }, 40000));
    QVERIFY2(dialog->testResult().startsWith(u"Failed after"_s), qPrintable(dialog->testResult()));
    dialog->submit();
    QVERIFY(!dialog->fieldError(u"key"_s).isEmpty());
    QVERIFY(!f.coreProvider(u"vault"_s));

    // With it, the test passes: the key went to the core through the hook, not through the settings.
    dialog->setKey(secretKey);
    dialog->testConnection();
    QVERIFY(Testing::spinUntil([&] { return !dialog->isTesting(); }, 40000));
    QVERIFY2(dialog->testResult().startsWith(u"OK in "_s), qPrintable(dialog->testResult()));
    dialog->submit();
    QVERIFY(Testing::spinUntil([&] { return dialog.isNull(); }));

    // Kept in the keychain, present in the core, never in what the page shows.
    const auto saved = Testing::await<QByteArray>([&](QObject *c, auto done) {
        f.secrets.read(Ui::ProviderKeychain::secretKey(u"vault"_s), c,
                       [done](std::optional<QByteArray> secret, const QString &) { done(secret.value_or("")); });
    });
    QS_VERIFY_OK(saved);
    QCOMPARE(saved.value(), secretKey);
    const auto info = f.coreProvider(u"vault"_s);
    QVERIFY(info);
    QCOMPARE(info->settings.keyRef, u"keychain"_s);
    QCOMPARE(info->keyStatus, u"present"_s);
    QVERIFY(f.shows(u"vault"_s));
    QVERIFY(Testing::spinUntil([&] { return f.cell(u"vault"_s, ProvidersModel::KeyColumn).contains(u"keychain"_s); }));
    f.page.selectProvider(u"vault"_s);
    const QString shown = f.testSelected();
    QVERIFY2(shown.startsWith(u"vault: OK in "_s), qPrintable(shown));
    QVERIFY(!shownText(&f.page).contains(QString::fromLatin1(secretKey)));

    // Removing the provider deletes its key from the keychain and from the core.
    f.page.removeProvider(u"vault"_s);
    QVERIFY(f.shows(u"vault"_s, false));
    const auto gone = Testing::await<bool>([&](QObject *c, auto done) {
        f.secrets.read(Ui::ProviderKeychain::secretKey(u"vault"_s), c,
                       [done](std::optional<QByteArray> secret, const QString &) { done(secret.has_value()); });
    });
    QVERIFY(gone.ok() && !gone.value());
    QS_VERIFY_OK(f.put(f.settings(u"vault"_s, u"keychain"_s)));
    QVERIFY(f.coreProvider(u"vault"_s)->keyStatus != u"present"_s);
}

void TstProvidersPage::aKeyTypedOnlyToTestIsTakenBackOnCancel()
{
    Fixture f;
    QVERIFY(f.listen());
    f.server.requireKey(secretKey);
    f.useKeychain();
    QVERIFY(f.start());
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    dialog->setSettings(f.settings(u"tryout"_s), false);
    chooseKeySource(dialog, u"keychain"_s);
    dialog->setKey(secretKey);
    dialog->testConnection();
    QVERIFY(Testing::spinUntil([&] { return !dialog->isTesting(); }, 40000));
    QVERIFY2(dialog->testResult().startsWith(u"OK in "_s), qPrintable(dialog->testResult()));
    dialog->reject();
    QVERIFY(Testing::spinUntil([&] { return dialog.isNull(); }));
    // Nothing was saved, and the core no longer has the key it was lent for the test.
    QVERIFY(Testing::spinUntil([&] {
        const auto info = f.put(f.settings(u"tryout"_s, u"keychain"_s));
        return info.ok() && info->keyStatus != u"present"_s;
    }));
}

void TstProvidersPage::savedKeysAreHandedOverOnFirstLoad()
{
    // As after a restart: the store has the provider, the keychain has its key, the core has none.
    Fixture f;
    QVERIFY(f.listen());
    f.server.requireKey(secretKey);
    QS_VERIFY_OK(f.put(f.settings(u"vault"_s, u"keychain"_s)));
    QS_VERIFY_OK(f.put(f.settings(u"empty-vault"_s, u"keychain"_s)));
    QVERIFY(f.coreProvider(u"vault"_s)->keyStatus != u"present"_s);
    QS_VERIFY_OK(Testing::await<bool>([&](QObject *c, auto done) {
        f.secrets.write(Ui::ProviderKeychain::secretKey(u"vault"_s), secretKey, c,
                        [done](Ui::SecretStore::Where, const QString &) { done(true); });
    }));
    f.useKeychain();
    QVERIFY(f.start());
    QVERIFY(Testing::spinUntil([&] { return f.cell(u"vault"_s, ProvidersModel::KeyColumn).startsWith(u"present"_s); }));
    QCOMPARE(f.coreProvider(u"vault"_s)->keyStatus, u"present"_s);
    // The one without a saved key is named, with what to do.
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->text().contains(u"empty-vault"_s); }));
    QVERIFY(f.coreProvider(u"empty-vault"_s)->keyStatus != u"present"_s);
    QVERIFY(f.cell(u"empty-vault"_s, ProvidersModel::KeyColumn).startsWith(u"missing"_s));
    f.page.selectProvider(u"empty-vault"_s);
    QVERIFY2(f.page.selectionNote().contains(u"keychain holds none"_s), qPrintable(f.page.selectionNote()));
    f.page.selectProvider(u"vault"_s);
    const QString shown = f.testSelected();
    QVERIFY2(shown.startsWith(u"vault: OK in "_s), qPrintable(shown));
}

void TstProvidersPage::remoteDaemonKeysLiveInItsEnvironment()
{
    Fixture f; // no keychain: what a remote daemon gets
    QVERIFY(f.start());
    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    QVERIFY(!dialog->offersKeychain());
    chooseKeySource(dialog, u"env"_s);
    const QLabel *note = field<QLabel>(dialog, u"key_note"_s);
    QVERIFY2(note->text().contains(u"daemon's environment"_s), qPrintable(note->text()));
    QVERIFY(!field<QLineEdit>(dialog, u"field_key"_s)->isVisibleTo(dialog));
    dialog->reject();
}

void TstProvidersPage::removeAskedAndRefusedWhileAgentsCallIt()
{
    Fixture f;
    QVERIFY(f.listen());
    QS_VERIFY_OK(f.put(f.settings(u"spare"_s)));
    QS_VERIFY_OK(f.put(f.settings(u"busy"_s)));
    Api::SwarmSpec swarm;
    swarm.name = u"callers"_s;
    Api::AgentSpec caller;
    caller.name = u"caller"_s;
    caller.provider = u"busy"_s;
    caller.model = u"fake-model"_s;
    swarm.agents = {caller};
    QS_VERIFY_OK(createSwarm(*f.backend, swarm));
    QVERIFY(f.start());
    QCOMPARE(f.cell(u"busy"_s, ProvidersModel::AgentsColumn), u"1"_s);

    // Confirmed, it goes.
    f.page.selectProvider(u"spare"_s);
    QPointer<QMessageBox> box = f.page.confirmRemove();
    QVERIFY(box);
    QVERIFY(box->text().contains(u"spare"_s));
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(Testing::spinUntil([&] { return box.isNull(); }));
    QVERIFY(f.coreProvider(u"spare"_s)); // cancelled: still there
    box = f.page.confirmRemove();
    box->findChild<QPushButton *>(u"remove_button"_s)->click();
    QVERIFY(Testing::spinUntil([&] { return f.page.model()->rowOf(u"spare"_s) < 0; }));
    QVERIFY(!f.coreProvider(u"spare"_s));
    QVERIFY(!f.page.banner()->isShowingError());

    // An agent still calls it: refused, and the page says why.
    f.page.selectProvider(u"busy"_s);
    QVERIFY2(f.page.selectionNote().contains(u"1 agent"_s), qPrintable(f.page.selectionNote()));
    box = f.page.confirmRemove();
    box->findChild<QPushButton *>(u"remove_button"_s)->click();
    QVERIFY(Testing::spinUntil([&] { return f.page.banner()->isShowingError(); }));
    QVERIFY2(f.page.banner()->text().contains(u"busy"_s) && f.page.banner()->text().contains(u"agent"_s),
             qPrintable(f.page.banner()->text()));
    QVERIFY(f.coreProvider(u"busy"_s));
    QVERIFY(f.page.model()->rowOf(u"busy"_s) >= 0);
}

void TstProvidersPage::theWindowHasAProvidersPage()
{
    QTemporaryDir settings;
    isolateSettings(settings);
    auto backend = makeBackend();
    Ui::MainWindow window(*backend);
    QDockWidget *dock = window.dock(Ui::MainWindow::Page::Providers);
    QCOMPARE(dock->widget(), window.providersPage());
    QCOMPARE(dock->objectName(), u"dock_providers"_s);
    auto *show = window.findChild<QAction *>(u"action_show_page_7"_s);
    QVERIFY(show);
    QCOMPARE(show->shortcut(), QKeySequence(u"Ctrl+7"_s));
    QVERIFY(Testing::spinUntil([&] { return window.providersPage()->isLoaded(); }));
    QVERIFY(window.providersPage()->model()->rowOf(u"simulated"_s) >= 0);
}

void TstProvidersPage::screenshots()
{
    const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set QS_SCREENSHOT_DIR to save pictures of the page and the dialog there");
    Fixture f;
    QVERIFY(f.listen());
    f.server.requireKey(secretKey);
    Api::ProviderSettings qwen = f.settings(u"qwen-intl"_s, u"env:QS_SCREENSHOT_UNSET_KEY"_s);
    qwen.baseUrl = u"https://dashscope-intl.aliyuncs.com/compatible-mode/v1"_s;
    qwen.defaultModel = u"qwen-plus"_s;
    qwen.requestsPerMinute = 600;
    qwen.tokensPerMinute = 1000000;
    qwen.prices = {{u"*"_s, 0.4, 1.2}};
    QS_VERIFY_OK(f.put(qwen));
    Api::ProviderSettings local = f.settings(u"local"_s);
    local.concurrency = 4;
    local.requestsPerMinute = 60;
    QS_VERIFY_OK(f.put(local));
    QS_VERIFY_OK(f.put(f.settings(u"vault"_s, u"keychain"_s)));
    QS_VERIFY_OK(Testing::await<bool>([&](QObject *c, auto done) {
        f.secrets.write(Ui::ProviderKeychain::secretKey(u"vault"_s), secretKey, c,
                        [done](Ui::SecretStore::Where, const QString &) { done(true); });
    }));
    QS_VERIFY_OK(createSwarm(*f.backend, quickSwarm(u"demo"_s, 3)));
    Api::SwarmSpec callers;
    callers.name = u"callers"_s;
    for (const QString &name : {u"ada"_s, u"bob"_s}) {
        Api::AgentSpec agent;
        agent.name = name;
        agent.provider = u"local"_s;
        agent.model = u"fake-model"_s;
        callers.agents.append(agent);
    }
    QS_VERIFY_OK(createSwarm(*f.backend, callers));
    f.useKeychain();
    QVERIFY(f.start());
    f.page.resize(1280, 360);
    QVERIFY(Testing::spinUntil([&] { return f.cell(u"vault"_s, ProvidersModel::KeyColumn).startsWith(u"present"_s); }));
    f.page.selectProvider(u"vault"_s);
    QVERIFY(f.testSelected().contains(u"OK in"_s));
    Testing::spinFor(100); // layouts settle
    QVERIFY(f.page.grab().save(dir + u"/providers-page.png"_s));

    QPointer<ProviderEditDialog> dialog = f.page.openAddDialog();
    dialog->applyPreset(1);
    Testing::spinFor(100);
    QVERIFY(dialog->grab().save(dir + u"/provider-dialog.png"_s));
    dialog->reject();
}

QTEST_MAIN(TstProvidersPage)
#include "tst_providerspage.moc"
