#pragma once

#include "connect/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace QwenSwarm::Ui {

class SecretStore;

/// Chooses, edits and saves connection profiles: the embedded core (data folder, demo) or a remote
/// daemon (URL, token, CA file). The token goes to the keychain (SecretStore), never to the settings.
/// Accepting emits connectRequested with the profile and the token typed or read from the keychain.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(ProfileStore &profiles, SecretStore &secrets, QWidget *parent = nullptr);

    /// Selects a saved profile (or fills the form from an unsaved one).
    void showProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    /// The problem shown under the form, if any.
    QString errorText() const;
    QString noteText() const;

    /// Validates, saves the profile (and the token, if typed), then emits connectRequested.
    void connectNow();
    void saveProfile();
    void deleteProfile();

Q_SIGNALS:
    void connectRequested(const QwenSwarm::Ui::ConnectionProfile &profile, const QByteArray &token);
    void saved(const QString &name);

private:
    void fillProfiles(const QString &select);
    void loadSelected();
    void updateKind();
    bool check(const ConnectionProfile &profile);
    void storeToken(const ConnectionProfile &profile, std::function<void()> then);
    void browseCaFile();
    void browseDataDir();

    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    QComboBox *m_saved;
    QLineEdit *m_name;
    QRadioButton *m_embedded;
    QRadioButton *m_remote;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLineEdit *m_caFile;
    QLineEdit *m_dataDir;
    QCheckBox *m_demo;
    QCheckBox *m_inMemory;
    QLabel *m_error;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    QList<QWidget *> m_remoteFields;
    QList<QWidget *> m_embeddedFields;
};

} // namespace QwenSwarm::Ui
