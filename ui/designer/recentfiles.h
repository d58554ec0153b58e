#pragma once

#include <QStringList>

namespace QwenSwarm::Ui {

/// The workflow files opened or saved last, newest first, kept in QSettings ("designer/recent").
class RecentFiles
{
public:
    static constexpr int maxCount = 8;

    static QStringList list();
    /// Puts `path` first (once).
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

} // namespace QwenSwarm::Ui
