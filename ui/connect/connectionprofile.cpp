#include "connect/connectionprofile.h"

#include <QSettings>
#include <QUrl>

namespace QwenSwarm::Ui {

namespace {

const QString group = QStringLiteral("connections");

QString profileGroup(const QString &name)
{
    // Names may hold characters QSettings treats as separators.
    return group + u'/' + QString::fromLatin1(name.toUtf8().toHex());
}

} // namespace

QString ConnectionProfile::validate() const
{
    if (!remote)
        return {};
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return tr("Enter the daemon's address as ws://host:port or wss://host:port.");
    if (parsed.scheme() != QLatin1StringView("ws") && parsed.scheme() != QLatin1StringView("wss"))
        return tr("The address must start with ws:// or wss:// (not %1://).").arg(parsed.scheme());
    if (parsed.port() <= 0)
        return tr("Add the daemon's port to the address, e.g. %1:8765.").arg(url);
    return {};
}

QStringList ProfileStore::names() const
{
    QSettings settings;
    settings.beginGroup(group);
    QStringList result;
    for (const QString &child : settings.childGroups())
        result.append(settings.value(child + QStringLiteral("/name")).toString());
    result.removeAll(QString());
    result.sort(Qt::CaseInsensitive);
    return result;
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    QSettings settings;
    settings.beginGroup(profileGroup(name));
    if (settings.value(QStringLiteral("name")).toString() != name)
        return std::nullopt;
    ConnectionProfile profile;
    profile.name = name;
    profile.remote = settings.value(QStringLiteral("remote")).toBool();
    profile.url = settings.value(QStringLiteral("url")).toString();
    profile.caFile = settings.value(QStringLiteral("ca_file")).toString();
    profile.dataDir = settings.value(QStringLiteral("data_dir")).toString();
    profile.demo = settings.value(QStringLiteral("demo"), true).toBool();
    profile.inMemory = settings.value(QStringLiteral("in_memory")).toBool();
    return profile;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    QSettings settings;
    settings.beginGroup(profileGroup(profile.name));
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("remote"), profile.remote);
    settings.setValue(QStringLiteral("url"), profile.url);
    settings.setValue(QStringLiteral("ca_file"), profile.caFile);
    settings.setValue(QStringLiteral("data_dir"), profile.dataDir);
    settings.setValue(QStringLiteral("demo"), profile.demo);
    settings.setValue(QStringLiteral("in_memory"), profile.inMemory);
}

void ProfileStore::remove(const QString &name)
{
    QSettings().remove(profileGroup(name));
}

QString ProfileStore::lastUsed() const
{
    return QSettings().value(QStringLiteral("connection/last_profile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    QSettings().setValue(QStringLiteral("connection/last_profile"), name);
}

} // namespace QwenSwarm::Ui
