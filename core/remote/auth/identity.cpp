#include "auth/identity.h"

namespace QwenSwarm::Remote {

using namespace Qt::Literals::StringLiterals;

Api::Error AuthResult::toError() const
{
    return Api::makeError(Api::ErrorCode::Unauthenticated, message(),
                          QJsonObject {{u"reason"_s, Api::enumName(reason()).toString()}});
}

} // namespace QwenSwarm::Remote
