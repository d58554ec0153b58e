#include "providers/providereditdialog.h"

#include "common/erroradvice.h"
#include "providers/providerkeychain.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

using namespace Api;

namespace {

const QColor errorColor(0xd9, 0x3f, 0x36);
const QColor okColor(0x2e, 0x8b, 0x57);
constexpr int maxLimit = 1'000'000; // providerSettingsProblem()'s bound
const QString anyModel = QStringLiteral("*");

struct Preset
{
    const char *label;
    const char *name; // suggested for a new provider
    const char *kind;
    const char *baseUrl;
    const char *model;
    const char *keyRef;
};

const Preset presets[] = {
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "OpenAI"), "openai", "openai", "https://api.openai.com/v1",
     "gpt-4o-mini", "env:OPENAI_API_KEY"},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "Qwen (DashScope international)"), "qwen-intl", "openai",
     "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "qwen-plus", "env:DASHSCOPE_API_KEY"},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "Qwen (DashScope mainland China)"), "qwen", "openai",
     "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus", "env:DASHSCOPE_API_KEY"},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "Anthropic"), "anthropic", "anthropic",
     "https://api.anthropic.com", "claude-3-5-haiku-latest", "env:ANTHROPIC_API_KEY"},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "vLLM (local)"), "vllm", "openai",
     "http://127.0.0.1:8000/v1", "", ""},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "Ollama (local)"), "ollama", "openai",
     "http://127.0.0.1:11434/v1", "", ""},
    {QT_TRANSLATE_NOOP("QwenSwarm::Ui::ProviderEditDialog", "llama.cpp server (local)"), "llamacpp", "openai",
     "http://127.0.0.1:8080/v1", "", ""},
};

const QString keyNone = QStringLiteral("none");
const QString keyEnv = QStringLiteral("env");
const QString keyKeychain = QStringLiteral("keychain");

// The form field an error is about: details.path as providerSettingsProblem() names it.
QString fieldOf(const Error &error)
{
    if (error.code == ErrorCode::InvalidState || error.code == ErrorCode::AlreadyExists)
        return QStringLiteral("name"); // a built-in or file provider's name
    const QString path = error.details.value(QLatin1StringView("path")).toString();
    if (path.startsWith(QLatin1StringView("prices")))
        return QStringLiteral("price");
    if (path == QLatin1StringView("key_ref"))
        return QStringLiteral("key_source");
    for (const char *field :
         {"name", "kind", "base_url", "default_model", "concurrency", "requests_per_minute", "tokens_per_minute"}) {
        if (path == QLatin1StringView(field))
            return path;
    }
    return {};
}

QLabel *errorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, errorColor);
    label->setPalette(p);
    label->hide();
    return label;
}

QSpinBox *limitBox(QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, maxLimit);
    box->setSpecialValueText(ProviderEditDialog::tr("unlimited"));
    return box;
}

QDoubleSpinBox *priceBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1e6);
    box->setDecimals(3);
    box->setPrefix(QStringLiteral("$"));
    return box;
}

} // namespace

ProviderEditDialog::ProviderEditDialog(Backend &backend, ProviderKeychain *keychain, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_keychain(keychain)
    , m_preset(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_concurrency(limitBox(this))
    , m_requestsPerMinute(limitBox(this))
    , m_tokensPerMinute(limitBox(this))
    , m_priceIn(priceBox(this))
    , m_priceOut(priceBox(this))
    , m_stream(new QCheckBox(tr("&Stream answers (server-sent events)"), this))
    , m_keySource(new QComboBox(this))
    , m_keyEnv(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_keyNote(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_testResult(new QLabel(this))
    , m_general(errorLabel(this, QStringLiteral("error_general")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add provider"));
    setObjectName(QStringLiteral("provider_edit_dialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    buildForm(form);
    // Below the form rather than in it: a form row does not grow for wrapped text that needs more lines.
    m_keyNote->setObjectName(QStringLiteral("key_note"));
    m_keyNote->setWordWrap(true);
    m_keyNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_keyNote);
    m_testResult->setObjectName(QStringLiteral("test_result"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test->setObjectName(QStringLiteral("test_button"));
    m_test->setToolTip(tr("Send one tiny request with these settings, before saving them"));
    auto *testRow = new QHBoxLayout;
    m_test->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);
    layout->addWidget(m_general);
    QPushButton *save = m_buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("save_button"));
    save->setDefault(true);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderEditDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ProviderEditDialog::testConnection);
    connect(m_preset, &QComboBox::activated, this, [this](int index) { applyPreset(index - 1); });
    connect(m_keySource, &QComboBox::currentIndexChanged, this, &ProviderEditDialog::updateKeyFields);
    resize(560, 0);
    setSettings({}, false);
}

void ProviderEditDialog::buildForm(QFormLayout *form)
{
    m_preset->addItem(tr("Choose a preset to fill the form…"));
    m_preset->addItems(presetNames());
    addField(form, QStringLiteral("preset"), tr("Preset"), m_preset);
    m_name->setPlaceholderText(tr("What agents name, e.g. qwen"));
    addField(form, QStringLiteral("name"), tr("Name"), m_name);
    m_kind->addItem(tr("OpenAI-compatible"), QStringLiteral("openai"));
    m_kind->addItem(tr("Anthropic"), QStringLiteral("anthropic"));
    addField(form, QStringLiteral("kind"), tr("Protocol"), m_kind);
    m_baseUrl->setPlaceholderText(QStringLiteral("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"));
    addField(form, QStringLiteral("base_url"), tr("Base URL"), m_baseUrl);
    m_model->setPlaceholderText(tr("For agents that name no model, e.g. qwen-plus"));
    addField(form, QStringLiteral("default_model"), tr("Default model"), m_model);
    addField(form, QStringLiteral("concurrency"), tr("Calls at once"), m_concurrency);
    addField(form, QStringLiteral("requests_per_minute"), tr("Requests per minute"), m_requestsPerMinute);
    addField(form, QStringLiteral("tokens_per_minute"), tr("Tokens per minute"), m_tokensPerMinute);
    auto *prices = new QWidget(this);
    auto *row = new QHBoxLayout(prices);
    row->setContentsMargins(0, 0, 0, 0);
    m_priceIn->setObjectName(QStringLiteral("field_price_in"));
    m_priceIn->setAccessibleName(tr("Input price per million tokens"));
    m_priceOut->setObjectName(QStringLiteral("field_price_out"));
    m_priceOut->setAccessibleName(tr("Output price per million tokens"));
    row->addWidget(new QLabel(tr("in"), prices));
    row->addWidget(m_priceIn, 1);
    row->addWidget(new QLabel(tr("out"), prices));
    row->addWidget(m_priceOut, 1);
    row->addWidget(new QLabel(tr("per million tokens"), prices));
    addField(form, QStringLiteral("price"), tr("Price (USD)"), prices);
    addField(form, QStringLiteral("stream"), QString(), m_stream);
    addField(form, QStringLiteral("key_source"), tr("API key"), buildKeyFields());
}

QWidget *ProviderEditDialog::buildKeyFields()
{
    auto *cell = new QWidget(this);
    cell->setObjectName(QStringLiteral("key_fields"));
    cell->setAccessibleName(tr("API key"));
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    m_keySource->setObjectName(QStringLiteral("field_key_source"));
    m_keySource->setAccessibleName(tr("Where the API key comes from"));
    m_keySource->addItem(tr("No key (a local server)"), keyNone);
    m_keySource->addItem(tr("Environment variable of the core"), keyEnv);
    if (m_keychain)
        m_keySource->addItem(tr("System keychain (typed here once)"), keyKeychain);
    column->addWidget(m_keySource);
    m_keyEnv->setObjectName(QStringLiteral("field_key_env"));
    m_keyEnv->setAccessibleName(tr("Environment variable that holds the key"));
    m_keyEnv->setPlaceholderText(tr("Variable name, e.g. DASHSCOPE_API_KEY"));
    column->addWidget(m_keyEnv);
    m_key->setObjectName(QStringLiteral("field_key"));
    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAttribute(Qt::WA_InputMethodEnabled, false);
    column->addWidget(m_key);
    auto *keyError = errorLabel(cell, QStringLiteral("error_key"));
    m_errors.insert(QStringLiteral("key"), keyError);
    column->addWidget(keyError);
    return cell;
}

void ProviderEditDialog::addField(QFormLayout *form, const QString &field, const QString &label, QWidget *editor)
{
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    if (editor->objectName().isEmpty())
        editor->setObjectName(QString(QStringLiteral("field_") + field));
    if (!label.isEmpty() && editor->accessibleName().isEmpty())
        editor->setAccessibleName(label);
    column->addWidget(editor);
    auto *error = errorLabel(cell, QString(QStringLiteral("error_") + field));
    column->addWidget(error);
    m_errors.insert(field, error);
    form->addRow(label, cell);
}

QStringList ProviderEditDialog::presetNames()
{
    QStringList names;
    for (const Preset &preset : presets)
        names.append(tr(preset.label));
    return names;
}

void ProviderEditDialog::applyPreset(int index)
{
    if (index < 0 || index >= int(std::size(presets)))
        return;
    const Preset &preset = presets[index];
    if (!m_editing && m_name->text().trimmed().isEmpty())
        m_name->setText(QLatin1StringView(preset.name));
    m_kind->setCurrentIndex(m_kind->findData(QLatin1StringView(preset.kind)));
    m_baseUrl->setText(QLatin1StringView(preset.baseUrl));
    m_model->setText(QLatin1StringView(preset.model));
    const QLatin1StringView keyRef(preset.keyRef);
    m_keySource->setCurrentIndex(m_keySource->findData(keyRef.isEmpty() ? keyNone : keyEnv));
    m_keyEnv->setText(keyRef.isEmpty() ? QString() : QString(keyRef.mid(4)));
    if (QLatin1StringView(preset.model).isEmpty())
        m_model->setPlaceholderText(tr("The model the server serves, e.g. qwen2.5:7b-instruct"));
    m_preset->setCurrentIndex(index + 1);
    clearErrors();
}

void ProviderEditDialog::setSettings(const ProviderSettings &settings, bool editing)
{
    m_original = settings;
    m_editing = editing;
    setWindowTitle(editing ? tr("Edit provider %1").arg(settings.name) : tr("Add provider"));
    m_name->setText(settings.name);
    m_name->setReadOnly(editing);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(settings.kind)));
    m_baseUrl->setText(settings.baseUrl);
    m_model->setText(settings.defaultModel);
    m_concurrency->setValue(settings.concurrency);
    m_requestsPerMinute->setValue(settings.requestsPerMinute);
    m_tokensPerMinute->setValue(settings.tokensPerMinute);
    m_priceIn->setValue(0);
    m_priceOut->setValue(0);
    for (const ProviderPrice &price : settings.prices) {
        if (price.model == anyModel) {
            m_priceIn->setValue(price.inputPerMTok);
            m_priceOut->setValue(price.outputPerMTok);
        }
    }
    m_stream->setChecked(settings.stream);
    const bool keychain = settings.keyRef == keyKeychain;
    if (keychain && m_keySource->findData(keyKeychain) < 0) // kept as it is; no key can be typed here
        m_keySource->addItem(tr("System keychain of an embedded console"), keyKeychain);
    m_keySource->setCurrentIndex(m_keySource->findData(settings.keyRef.isEmpty() ? keyNone
                                                           : keychain            ? keyKeychain
                                                                                 : keyEnv));
    m_keyEnv->setText(settings.keyRef.startsWith(QLatin1StringView("env:")) ? settings.keyRef.mid(4) : QString());
    m_key->clear();
    m_preset->setCurrentIndex(0);
    updateKeyFields();
    clearErrors();
}

ProviderSettings ProviderEditDialog::settings() const
{
    ProviderSettings s;
    s.name = m_name->text().trimmed();
    s.kind = m_kind->currentData().toString();
    s.baseUrl = m_baseUrl->text().trimmed();
    s.defaultModel = m_model->text().trimmed();
    s.parameters = m_original.parameters;
    s.concurrency = m_concurrency->value();
    s.requestsPerMinute = m_requestsPerMinute->value();
    s.tokensPerMinute = m_tokensPerMinute->value();
    if (m_priceIn->value() > 0 || m_priceOut->value() > 0)
        s.prices.append({anyModel, m_priceIn->value(), m_priceOut->value()});
    for (const ProviderPrice &price : m_original.prices) {
        if (price.model != anyModel)
            s.prices.append(price);
    }
    s.stream = m_stream->isChecked();
    const QString source = m_keySource->currentData().toString();
    if (source == keyEnv)
        s.keyRef = QStringLiteral("env:") + m_keyEnv->text().trimmed();
    else if (source == keyKeychain)
        s.keyRef = keyKeychain;
    return s;
}

void ProviderEditDialog::setKey(const QByteArray &key)
{
    m_key->setText(QString::fromUtf8(key));
}

bool ProviderEditDialog::offersKeychain() const
{
    return m_keychain && m_keySource->findData(keyKeychain) >= 0;
}

bool ProviderEditDialog::keychainChosen() const
{
    return m_keySource->currentData().toString() == keyKeychain;
}

bool ProviderEditDialog::keyNeeded() const
{
    // An existing keychain provider keeps its saved key when none is typed.
    return keychainChosen() && m_keychain && !(m_editing && m_original.keyRef == keyKeychain);
}

void ProviderEditDialog::updateKeyFields()
{
    const QString source = m_keySource->currentData().toString();
    m_keyEnv->setVisible(source == keyEnv);
    m_key->setVisible(source == keyKeychain && m_keychain);
    m_key->setPlaceholderText(keyNeeded() ? tr("Paste the API key") : tr("unchanged (kept in the system keychain)"));
    QString note;
    if (source == keyEnv && !m_keychain)
        note = tr("Attached to a remote daemon: keys live in the daemon's environment. Set the variable where "
                  "qwen-swarmd runs, then restart it.");
    else if (source == keyEnv)
        note = tr("The embedded core reads the variable from this console's environment.");
    else if (source == keyKeychain && m_keychain)
        note = tr("The key goes to the system keychain and to the core; it is never shown again.");
    else if (source == keyKeychain)
        note = tr("A remote daemon cannot read this console's keychain: choose an environment variable of the "
                  "daemon instead.");
    else if (!m_keychain)
        note = tr("Keys live in the daemon's environment; the system keychain is offered only with the embedded "
                  "core.");
    else
        note = tr("For local servers (vLLM, Ollama, llama.cpp) that ask for no key.");
    m_keyNote->setText(note);
    fitHeight();
}

void ProviderEditDialog::fitHeight()
{
    // A top-level window does not grow by itself for wrapped text that needs more lines.
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ProviderEditDialog::testConnection()
{
    if (m_testing)
        return;
    clearErrors();
    const ProviderSettings s = settings();
    const QByteArray key = m_key->text().toUtf8();
    if (keychainChosen() && m_keychain && !key.isEmpty()) {
        // The core tries keychain settings with the key it holds for that name: give it the typed one.
        m_keychain->handOver(s.name, key);
        m_keyTried = true;
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Testing %1… (a tiny request, at most 30 s)").arg(s.name));
    m_backend.testProvider(s, this, [this, key](Result<ProviderCheck> check) {
        m_testing = false;
        m_test->setEnabled(true);
        QPalette p = m_testResult->palette();
        if (!check) {
            showError(check.error());
            p.setColor(QPalette::WindowText, errorColor);
            m_testResult->setText(tr("Not tested: %1").arg(ErrorAdvice::describe(check.error())));
        } else {
            p.setColor(QPalette::WindowText, check->ok() ? okColor : errorColor);
            m_testResult->setText(checkText(check.value(), key));
        }
        m_testResult->setPalette(p);
        fitHeight();
    });
}

QString ProviderEditDialog::testResult() const
{
    return m_testResult->text();
}

QString ProviderEditDialog::checkText(const ProviderCheck &check, const QByteArray &secret)
{
    QString text;
    if (check.ok())
        text = tr("OK in %1 ms: %2").arg(QString::number(check.latencyMs), check.answer);
    else
        text = tr("Failed after %1 ms: %2").arg(QString::number(check.latencyMs), ErrorAdvice::describe(*check.error));
    // The core redacts keys from providers' messages; a key typed here is masked once more.
    if (!secret.isEmpty())
        text.replace(QString::fromUtf8(secret), QStringLiteral("[redacted]"));
    return text;
}

void ProviderEditDialog::submit()
{
    if (m_submitting)
        return;
    clearErrors();
    const ProviderSettings s = settings();
    if (const auto problem = providerSettingsProblem(s))
        return showError(makeError(ErrorCode::InvalidArgument, problem->first + QStringLiteral(": ") + problem->second,
                                   {{QStringLiteral("path"), problem->first}}));
    const QByteArray key = m_key->text().toUtf8();
    if (keyNeeded() && key.isEmpty())
        return setFieldError(QStringLiteral("key"),
                             tr("Paste the provider's API key: it is kept in the system "
                                "keychain, never shown again."));
    m_submitting = true;
    m_buttons->setEnabled(false);
    if (!keychainChosen() || !m_keychain || key.isEmpty())
        return put(s, {});
    m_keychain->save(s.name, key, this, [this, s](SecretStore::Where where) {
        m_key->clear(); // it is in the keychain now
        put(s,
            where == SecretStore::Where::Keychain ? tr("the system keychain")
                                                  : tr("memory only, until the console quits (no keychain)"));
    });
}

void ProviderEditDialog::put(const ProviderSettings &settings, const QString &where)
{
    m_backend.putProvider(settings, this, [this, where](Result<ProviderInfo> saved) {
        m_submitting = false;
        m_buttons->setEnabled(true);
        if (!saved)
            return showError(saved.error());
        m_saved = true;
        Q_EMIT this->saved(saved.value(), where);
        accept();
    });
}

void ProviderEditDialog::done(int result)
{
    if (result == QDialog::Rejected && m_keyTried && !m_saved && m_keychain) {
        // A key typed only to test went to the core: give it back the saved one (or none).
        const QString name = settings().name;
        ProviderKeychain *keychain = m_keychain;
        keychain->restore(name, keychain, [keychain, name](bool found) {
            if (!found)
                keychain->handOver(name, {});
        });
    }
    QDialog::done(result);
}

QString ProviderEditDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ProviderEditDialog::generalError() const
{
    return m_general->isHidden() ? QString() : m_general->text();
}

void ProviderEditDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_general->clear();
    m_general->hide();
}

void ProviderEditDialog::showError(const Error &error)
{
    const QString field = fieldOf(error);
    if (m_errors.contains(field))
        return setFieldError(field, error.message);
    m_general->setText(tr("The provider was not saved: %1").arg(ErrorAdvice::describe(error)));
    m_general->show();
    fitHeight();
}

void ProviderEditDialog::setFieldError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    label->setText(message);
    label->show();
    fitHeight();
    if (QWidget *editor = findChild<QWidget *>(QString(QStringLiteral("field_") + field)))
        editor->setFocus();
}

} // namespace QwenSwarm::Ui
