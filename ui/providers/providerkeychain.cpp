#include "providers/providerkeychain.h"

namespace QwenSwarm::Ui {

ProviderKeychain::ProviderKeychain(SecretStore &secrets, Hook hook, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_hook(std::move(hook))
{ }

QString ProviderKeychain::secretKey(const QString &provider)
{
    return QStringLiteral("provider/") + provider;
}

void ProviderKeychain::handOver(const QString &provider, const QByteArray &key)
{
    if (m_hook)
        m_hook(provider, key);
}

void ProviderKeychain::save(const QString &provider, const QByteArray &key, QObject *context, Saved done)
{
    m_secrets.write(secretKey(provider), key, context,
                    [this, provider, key, done = std::move(done)](SecretStore::Where where, const QString &) {
                        handOver(provider, key);
                        done(where);
                    });
}

void ProviderKeychain::restore(const QString &provider, QObject *context, Restored done)
{
    m_secrets.read(secretKey(provider), context,
                   [this, provider, done = std::move(done)](std::optional<QByteArray> secret, const QString &) {
                       if (secret && !secret->isEmpty())
                           handOver(provider, *secret);
                       done(secret && !secret->isEmpty());
                   });
}

void ProviderKeychain::forget(const QString &provider)
{
    m_secrets.remove(secretKey(provider));
    handOver(provider, {});
}

} // namespace QwenSwarm::Ui
