#pragma once

#include <api/backend.h>

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace QwenSwarm::Ui {

class ProviderKeychain;

/// Adds or edits an operator provider: a preset fills the kind, base URL, default model and key
/// reference; "Test connection" tries the unsaved settings. With a keychain (embedded core) the key
/// can be typed once: it goes to the system keychain and to the core, and is never shown again.
/// Without one (a remote daemon) keys live in the daemon's environment. The backend validates:
/// its InvalidArgument errors appear next to the field they name. Never blocks: open() it.
class ProviderEditDialog : public QDialog
{
    Q_OBJECT

public:
    /// `keychain` is null when the core is remote.
    ProviderEditDialog(Api::Backend &backend, ProviderKeychain *keychain, QWidget *parent = nullptr);

    /// Edits `settings` (the name stays); prices for single models and parameters are kept as they are.
    void setSettings(const Api::ProviderSettings &settings, bool editing);
    /// The settings the form describes.
    Api::ProviderSettings settings() const;
    /// Fills the form from preset `index` of presetNames() (what choosing a preset does).
    void applyPreset(int index);
    static QStringList presetNames();
    /// The key typed for the keychain (what the password field holds).
    void setKey(const QByteArray &key);

    /// Saves (what the Save button does).
    void submit();
    /// Tries the unsaved settings out (what "Test connection" does).
    void testConnection();

    bool isSubmitting() const { return m_submitting; }
    bool isTesting() const { return m_testing; }
    /// What the last test showed.
    QString testResult() const;
    /// The error shown next to a field ("name", "kind", "base_url", "default_model", "concurrency",
    /// "requests_per_minute", "tokens_per_minute", "price", "key_source", "key"), or empty.
    QString fieldError(const QString &field) const;
    QString generalError() const;
    /// Whether the key source offers the system keychain.
    bool offersKeychain() const;

    /// "OK in 123 ms: <answer>", or why the call failed; `secret` (a key just typed) never shows.
    static QString checkText(const Api::ProviderCheck &check, const QByteArray &secret = {});

Q_SIGNALS:
    /// The core has the provider; `where` says where a typed key went ("" if none was typed).
    void saved(const QwenSwarm::Api::ProviderInfo &info, const QString &where);

protected:
    void done(int result) override;

private:
    void buildForm(QFormLayout *form);
    QWidget *buildKeyFields();
    void addField(QFormLayout *form, const QString &field, const QString &label, QWidget *editor);
    void updateKeyFields();
    void fitHeight();
    bool keychainChosen() const;
    bool keyNeeded() const;
    void put(const Api::ProviderSettings &settings, const QString &where);
    void clearErrors();
    void showError(const Api::Error &error);
    void setFieldError(const QString &field, const QString &message);

    Api::Backend &m_backend;
    ProviderKeychain *m_keychain;
    Api::ProviderSettings m_original;
    bool m_editing = false;
    QComboBox *m_preset;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QLineEdit *m_model;
    QSpinBox *m_concurrency;
    QSpinBox *m_requestsPerMinute;
    QSpinBox *m_tokensPerMinute;
    QDoubleSpinBox *m_priceIn;
    QDoubleSpinBox *m_priceOut;
    QCheckBox *m_stream;
    QComboBox *m_keySource;
    QLineEdit *m_keyEnv;
    QLineEdit *m_key;
    QLabel *m_keyNote;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_general;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors;
    bool m_submitting = false;
    bool m_testing = false;
    bool m_saved = false;
    bool m_keyTried = false; // a typed key went to the core for a test
};

} // namespace QwenSwarm::Ui
