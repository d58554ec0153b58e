#include "connect/connectiondialog.h"

#include "connect/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace QwenSwarm::Ui {

namespace {

QWidget *withBrowse(QLineEdit *edit, QWidget *parent, std::function<void()> browse)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *button = new QToolButton(row);
    button->setText(ConnectionDialog::tr("Browse…"));
    QObject::connect(button, &QToolButton::clicked, row, std::move(browse));
    layout->addWidget(button);
    return row;
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore &profiles, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_saved(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_embedded(new QRadioButton(tr("&Embedded core (runs inside this console)"), this))
    , m_remote(new QRadioButton(tr("&Remote daemon (qwen-swarmd)"), this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_dataDir(new QLineEdit(this))
    , m_demo(new QCheckBox(tr("Run the &demo swarm"), this))
    , m_inMemory(new QCheckBox(tr("Keep data in &memory only"), this))
    , m_error(new QLabel(this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Connect"));
    setObjectName(QStringLiteral("connection_dialog"));
    m_saved->setObjectName(QStringLiteral("saved_profiles"));
    m_name->setObjectName(QStringLiteral("profile_name"));
    m_url->setObjectName(QStringLiteral("remote_url"));
    m_url->setPlaceholderText(QStringLiteral("wss://swarm.example.org:8765"));
    m_token->setObjectName(QStringLiteral("remote_token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_caFile->setObjectName(QStringLiteral("ca_file"));
    m_caFile->setPlaceholderText(tr("system certificates"));
    m_dataDir->setObjectName(QStringLiteral("data_dir"));
    m_dataDir->setPlaceholderText(tr("the platform's data folder"));
    m_error->setObjectName(QStringLiteral("connection_error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d93f36"));
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Saved &profiles:"), m_saved);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(m_embedded);
    form->addRow(tr("Data &folder:"), withBrowse(m_dataDir, this, [this] { browseDataDir(); }));
    form->addRow(QString(), m_demo);
    form->addRow(QString(), m_inMemory);
    form->addRow(m_remote);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Token (JWT or API key):"), m_token);
    form->addRow(tr("&CA file:"), withBrowse(m_caFile, this, [this] { browseCaFile(); }));
    m_embeddedFields = {m_dataDir->parentWidget(), m_demo, m_inMemory};
    m_remoteFields = {m_url, m_token, m_caFile->parentWidget()};

    QPushButton *connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connect_button"));
    connectButton->setDefault(true);
    m_buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole)->setObjectName(QStringLiteral("save_button"));
    m_buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole)
        ->setObjectName(QStringLiteral("delete_button"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::clicked, this, [this](QAbstractButton *button) {
        switch (m_buttons->buttonRole(button)) {
        case QDialogButtonBox::AcceptRole:
            return connectNow();
        case QDialogButtonBox::ApplyRole:
            return saveProfile();
        case QDialogButtonBox::DestructiveRole:
            return deleteProfile();
        default:
            return reject();
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_embedded, &QRadioButton::toggled, this, &ConnectionDialog::updateKind);
    connect(m_saved, &QComboBox::activated, this, &ConnectionDialog::loadSelected);
    m_embedded->setChecked(true);
    fillProfiles(m_profiles.lastUsed());
    loadSelected();
    resize(560, sizeHint().height());
}

void ConnectionDialog::fillProfiles(const QString &select)
{
    m_saved->clear();
    m_saved->addItem(tr("New profile"), QString());
    for (const QString &name : m_profiles.names())
        m_saved->addItem(name, name);
    const int index = m_saved->findData(select);
    m_saved->setCurrentIndex(std::max(index, 0));
}

void ConnectionDialog::loadSelected()
{
    const QString name = m_saved->currentData().toString();
    const std::optional<ConnectionProfile> saved = m_profiles.load(name);
    ConnectionProfile profile = saved.value_or(ConnectionProfile {});
    if (!saved)
        profile.name = tr("New connection");
    showProfile(profile);
}

void ConnectionDialog::showProfile(const ConnectionProfile &profile)
{
    const int index = m_saved->findData(profile.name);
    if (index >= 0)
        m_saved->setCurrentIndex(index);
    m_name->setText(profile.name);
    (profile.remote ? m_remote : m_embedded)->setChecked(true);
    m_url->setText(profile.url);
    m_token->clear();
    m_caFile->setText(profile.caFile);
    m_dataDir->setText(profile.dataDir);
    m_demo->setChecked(profile.demo);
    m_inMemory->setChecked(profile.inMemory);
    m_error->clear();
    updateKind();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    profile.remote = m_remote->isChecked();
    profile.url = m_url->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.dataDir = m_dataDir->text().trimmed();
    profile.demo = m_demo->isChecked();
    profile.inMemory = m_inMemory->isChecked();
    return profile;
}

QString ConnectionDialog::errorText() const
{
    return m_error->text();
}

QString ConnectionDialog::noteText() const
{
    return m_note->text();
}

void ConnectionDialog::updateKind()
{
    const bool remote = m_remote->isChecked();
    for (QWidget *field : std::as_const(m_remoteFields))
        field->setEnabled(remote);
    for (QWidget *field : std::as_const(m_embeddedFields))
        field->setEnabled(!remote);
}

bool ConnectionDialog::check(const ConnectionProfile &profile)
{
    QString problem = profile.name.isEmpty() ? tr("Give the profile a name.") : profile.validate();
    if (problem.isEmpty() && profile.remote && !profile.caFile.isEmpty() && !QFileInfo::exists(profile.caFile))
        problem = tr("The CA file %1 does not exist: choose the PEM file of the CA that signed the daemon's "
                     "certificate, or leave it empty to trust the system's.")
                      .arg(profile.caFile);
    m_error->setText(problem);
    return problem.isEmpty();
}

void ConnectionDialog::storeToken(const ConnectionProfile &profile, std::function<void()> then)
{
    const QByteArray token = m_token->text().trimmed().toUtf8();
    if (!profile.remote || token.isEmpty())
        return then();
    m_secrets.write(profile.secretKey(), token, this, [this, then](SecretStore::Where, const QString &note) {
        m_note->setText(note);
        then();
    });
}

void ConnectionDialog::saveProfile()
{
    const ConnectionProfile current = profile();
    if (!check(current))
        return;
    m_profiles.save(current);
    storeToken(current, [this, name = current.name] {
        fillProfiles(name);
        Q_EMIT saved(name);
    });
}

void ConnectionDialog::deleteProfile()
{
    const QString name = m_saved->currentData().toString();
    if (name.isEmpty())
        return;
    if (const auto saved = m_profiles.load(name))
        m_secrets.remove(saved->secretKey());
    m_profiles.remove(name);
    fillProfiles(QString());
    loadSelected();
}

void ConnectionDialog::connectNow()
{
    const ConnectionProfile current = profile();
    if (!check(current))
        return;
    m_profiles.save(current);
    m_profiles.setLastUsed(current.name);
    const QByteArray typed = m_token->text().trimmed().toUtf8();
    storeToken(current, [this, current, typed] {
        if (!current.remote || !typed.isEmpty()) {
            Q_EMIT connectRequested(current, typed);
            return accept();
        }
        m_secrets.read(current.secretKey(), this, [this, current](std::optional<QByteArray> secret, const QString &) {
            Q_EMIT connectRequested(current, secret.value_or(QByteArray()));
            accept();
        });
    });
}

void ConnectionDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ConnectionDialog::browseDataDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
    if (!dir.isEmpty())
        m_dataDir->setText(dir);
}

} // namespace QwenSwarm::Ui
