#pragma once

#include <api/error.h>

#include <QCoreApplication>

namespace QwenSwarm::Ui {

/// What an operator can do about a failed call, by its error code: every error the console shows
/// says what happened and what to do next.
class ErrorAdvice
{
    Q_DECLARE_TR_FUNCTIONS(ErrorAdvice)

public:
    static QString nextStep(const Api::Error &error);
    /// "message. next step"
    static QString describe(const Api::Error &error);
};

} // namespace QwenSwarm::Ui
