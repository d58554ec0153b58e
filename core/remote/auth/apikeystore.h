#pragma once

#include "auth/apikey.h"
#include "auth/identity.h"

#include <api/error.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace QwenSwarm::Remote {

/// The API keys a server accepts, kept in "<data dir>/api-keys.json".
///
/// A key is "qs_<key id>_<secret>": a 64-bit random public id (16 hex digits) and a 256-bit random
/// secret (RAND_bytes, base64url). The key text is handed out once, by create(); the file keeps only the
/// SHA-256 of the secret. A plain hash is enough here, unlike for passwords: slow, salted hashes exist
/// to make guessing low-entropy secrets expensive, but a uniformly random 256-bit secret cannot be
/// guessed (2^255 tries on average), and precomputed tables are useless against it, so a stolen file
/// does not give anyone a usable key. Verification compares hashes with CRYPTO_memcmp (constant time);
/// the key id is a lookup key and not secret.
///
/// The file is written atomically (QSaveFile) with permissions 0600. load() refuses a file that others
/// can read or write (or that its group can write): whoever can write it can grant themselves admin.
///
/// Threading: not thread-safe; use an ApiKeyStore from one thread (RemoteServer's). Errors and messages
/// never contain key text or secrets.
class ApiKeyStore
{
public:
    /// Milliseconds since the epoch, UTC; tests inject a fixed clock.
    using Clock = std::function<qint64()>;

    /// A store for the keys file in `dataDir` (nothing is read until load()).
    explicit ApiKeyStore(QString dataDir, Clock clock = {});

    /// Where the keys live: "<data dir>/api-keys.json".
    QString filePath() const;

    /// (Re)reads the file, replacing what is in memory; a missing file is an empty store. On error
    /// (InvalidArgument for bad content naming the path, PermissionDenied for a file others can read or
    /// write, Unavailable when it cannot be read) the keys in memory stay as they were.
    Api::Result<void> load();

    /// Reloads if the file changed on disk since this store last read or wrote it (a key created by
    /// `qwen-swarmd --create-api-key` while the daemon runs). Cheap: one stat when nothing changed.
    Api::Result<void> reloadIfChanged();

    /// Creates a key with `role` and an optional `name` (at most 64 characters), writes the file, and
    /// answers the key text, which is not kept. Reloads a changed file first, so that keys another process
    /// added are not lost. Unavailable if the file cannot be written (nothing changes then), Internal if
    /// the random generator fails.
    Api::Result<CreatedApiKey> create(Role role, const QString &name = {});

    /// Removes a key and writes the file; it stops verifying at once. NotFound for an unknown id.
    Api::Result<void> revoke(const QString &keyId);

    /// Every key, oldest first, without secrets.
    QList<ApiKeyInfo> list() const;

    /// Whether a key with this id exists (a session re-checks its key with this, so that a revoked key
    /// stops working).
    bool contains(const QString &keyId) const;

    /// Verifies key text ("qs_..."). Answers the identity {subject "api-key:<key id>", the key's role, no
    /// expiry} or Malformed / TooLarge / UnknownKey / BadSecret.
    AuthResult verify(QByteArrayView keyText) const;

    /// Whether `text` looks like an API key rather than a JWT (starts with "qs_"), to pick the verifier.
    static bool looksLikeApiKey(QByteArrayView text);

private:
    struct Entry
    {
        ApiKeyInfo info;
        QByteArray secretSha256; ///< 32 bytes.
    };

    Api::Result<void> save(const QList<Entry> &entries);
    void rememberFileState();

    QString m_dataDir;
    Clock m_clock;
    QList<Entry> m_entries;
    QDateTime m_fileModified; ///< What the file looked like when last read or written.
    qint64 m_fileSize = -1;
};

} // namespace QwenSwarm::Remote
