#include "connect/secretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace QwenSwarm::Ui {

namespace {

const QString service = QStringLiteral("qwen-swarm");

bool serviceMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::AccessDenied || error == QKeychain::OtherError;
}

} // namespace

SecretStore::SecretStore(QObject *parent, bool useKeychain)
    : QObject(parent)
    , m_useKeychain(useKeychain)
{
    if (!useKeychain)
        m_why = tr("The system keychain is not used: the token is kept in memory until the console quits, never "
                   "on disk.");
}

void SecretStore::fallBack(const QString &why)
{
    m_useKeychain = false;
    m_why = tr("No system keychain is available (%1): the token is kept in memory until the console quits, "
               "never on disk. Set QWEN_SWARM_TOKEN to avoid typing it again.")
                .arg(why);
}

void SecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    if (!m_useKeychain) {
        const auto it = m_memory.constFind(key);
        QMetaObject::invokeMethod(
            context,
            [done, secret = it == m_memory.cend() ? std::nullopt : std::optional(*it), note = m_why] {
                done(secret, note);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, context, [this, key, done](QKeychain::Job *finished) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (reader->error() == QKeychain::NoError)
            return done(reader->binaryData(), QString());
        if (reader->error() == QKeychain::EntryNotFound)
            return done(std::nullopt, QString());
        if (serviceMissing(reader->error()))
            fallBack(reader->errorString());
        const auto it = m_memory.constFind(key);
        done(it == m_memory.cend() ? std::nullopt : std::optional(*it), m_why);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &secret, QObject *context, WriteDone done)
{
    if (!m_useKeychain) {
        m_memory.insert(key, secret);
        QMetaObject::invokeMethod(
            context, [done, note = m_why] { done(Where::Memory, note); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, context, [this, key, secret, done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            return done(Where::Keychain, QString());
        fallBack(finished->errorString());
        m_memory.insert(key, secret);
        done(Where::Memory, m_why);
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_useKeychain)
        return;
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(key);
    job->start();
}

} // namespace QwenSwarm::Ui
