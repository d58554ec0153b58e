#pragma once

#include <functional>

namespace QwenSwarm::Ui {

/// How a report's writer, on a worker thread, tells of its progress and learns it should stop.
/// Both may be empty; both are called on the writer's thread.
struct ReportHooks
{
    std::function<void(int percent)> progress;
    std::function<bool()> cancelled;

    void report(int percent) const
    {
        if (progress)
            progress(percent);
    }
    bool isCancelled() const { return cancelled && cancelled(); }
};

} // namespace QwenSwarm::Ui
