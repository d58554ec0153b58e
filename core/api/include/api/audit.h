#pragma once

#include "api/page.h"

#include <QString>

#include <optional>

namespace QwenSwarm::Api {

/// One line of the audit log: who did, or was refused, what and when. Logins, denials and every
/// state-changing call of a served backend write one; so do operator verdicts on decisions. Holds no
/// secret: credentials are named by their subject or key id only.
struct AuditEntry
{
    qint64 timeMs = 0;
    QString actor; ///< The authenticated subject ("api-key:<key id>" for an API key), or "anonymous".
    QString action; ///< What was done: a method name ("tasks.submit"), "connect", "decision.feedback".
    QString target; ///< What it was done to or from, when known ("decision/12", a peer address).
    bool allowed = true; ///< False for a denial.
    QString detail; ///< Why it was denied, or the role granted.

    bool operator==(const AuditEntry &) const = default;
};

/// A page of the audit log, newest first. Empty strings and an unset `allowed` match everything.
struct AuditQuery
{
    QString actor; ///< Exactly this actor.
    QString action; ///< Exactly this action.
    std::optional<bool> allowed; ///< Only granted (true) or only denied (false) actions.
    qint64 fromMs = 0; ///< Inclusive; 0 = open.
    qint64 toMs = 0; ///< Exclusive; 0 = open.
    PageRequest page;

    bool operator==(const AuditQuery &) const = default;
};

} // namespace QwenSwarm::Api
