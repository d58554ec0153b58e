#include "common/themecontroller.h"

#include <QApplication>

namespace QwenSwarm::Ui {

namespace {

struct Colors
{
    QColor window, windowText, base, alternateBase, text, button, highlight, highlightedText, link, placeholder,
        disabledText, mid, tooltipBase;
};

QPalette paletteFrom(const Colors &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.windowText);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.windowText);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link.darker(120));
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::ToolTipBase, c.tooltipBase);
    p.setColor(QPalette::ToolTipText, c.windowText);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Light, c.button.lighter(130));
    p.setColor(QPalette::Midlight, c.button.lighter(115));
    p.setColor(QPalette::Dark, c.button.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return p;
}

} // namespace

ThemeController::ThemeController(QObject *parent)
    : QObject(parent)
    , m_system(QApplication::palette())
{
    m_dark = isDark(m_system);
}

bool ThemeController::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette ThemeController::lightPalette()
{
    return paletteFrom({QColor(0xf3, 0xf4, 0xf6), QColor(0x1d, 0x23, 0x2b), Qt::white, QColor(0xf6, 0xf7, 0xf9),
                        QColor(0x1d, 0x23, 0x2b), QColor(0xe9, 0xeb, 0xef), QColor(0x2f, 0x6f, 0xd6), Qt::white,
                        QColor(0x1f, 0x5f, 0xc0), QColor(0x6b, 0x72, 0x80), QColor(0x9a, 0xa0, 0xa8),
                        QColor(0xc4, 0xc8, 0xce), QColor(0xff, 0xfd, 0xe8)});
}

QPalette ThemeController::darkPalette()
{
    return paletteFrom({QColor(0x20, 0x23, 0x28), QColor(0xe3, 0xe6, 0xea), QColor(0x17, 0x19, 0x1d),
                        QColor(0x1d, 0x20, 0x25), QColor(0xe3, 0xe6, 0xea), QColor(0x2b, 0x2f, 0x36),
                        QColor(0x3d, 0x7e, 0xe0), Qt::white, QColor(0x7a, 0xb0, 0xff), QColor(0x8b, 0x93, 0x9e),
                        QColor(0x6b, 0x72, 0x7c), QColor(0x4a, 0x50, 0x58), QColor(0x2b, 0x2f, 0x36)});
}

void ThemeController::setMode(Mode mode)
{
    m_mode = mode;
    apply();
}

void ThemeController::systemThemeChanged()
{
    if (m_applying)
        return;
    // Drop our palette for a moment: what Qt resolves then is the platform's.
    m_applying = true;
    QApplication::setPalette(QPalette());
    m_system = QApplication::palette();
    m_applying = false;
    apply();
}

void ThemeController::apply()
{
    const bool dark = m_mode == Mode::Dark || (m_mode == Mode::System && isDark(m_system));
    m_applying = true;
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    m_applying = false;
    const bool changedScheme = dark != m_dark;
    m_dark = dark;
    if (changedScheme)
        Q_EMIT changed(m_dark);
}

} // namespace QwenSwarm::Ui
