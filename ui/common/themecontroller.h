#pragma once

#include <QObject>
#include <QPalette>

namespace QwenSwarm::Ui {

/// Light and dark palettes for the whole application. In System mode it follows the platform: the
/// system palette's window lightness says whether the desktop is dark (Qt 6.4 has no colour-scheme
/// query). Call systemThemeChanged() when the platform reports a theme change.
class ThemeController : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        System,
        Light,
        Dark,
    };

    explicit ThemeController(QObject *parent = nullptr);

    static bool isDark(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// Whether the palette in use is the dark one.
    bool dark() const { return m_dark; }
    /// Re-reads the platform's palette (System mode) and applies the matching one.
    void systemThemeChanged();

Q_SIGNALS:
    void changed(bool dark);

private:
    void apply();

    Mode m_mode = Mode::System;
    QPalette m_system;
    bool m_dark = false;
    bool m_applying = false;
};

} // namespace QwenSwarm::Ui
