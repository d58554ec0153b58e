#pragma once

#include "auth/identity.h"
#include "protocol/calls.h"

#include <QJsonValue>

#include <functional>

namespace QwenSwarm::Remote {

/// Carries out a decoded call on an api::Backend and answers its result as JSON text (the api codec's),
/// or the Backend's typed error. Covers every Backend method except events.subscribe and
/// events.unsubscribe (the session keeps those, to route events) and the keys.* calls (the server's
/// own); those answer Internal here. The caller checks the role first.
class CallDispatcher
{
public:
    /// The answer's JSON text (resultText()), or the Backend's error.
    using Done = std::function<void(Api::Result<QString>)>;

    /// `context` lives on the backend's thread; `done` runs there. `identity` names the actor of calls
    /// that record one (feedback).
    static void dispatch(Api::Backend &backend, const CallParams &call, const Identity &identity, QObject *context,
                         Done done);
};

} // namespace QwenSwarm::Remote
