#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace QwenSwarm::Ui {

/// A strip at the top of a page that says what went wrong (or what happened) in words an operator
/// can act on, until it is dismissed or replaced. Errors are shown here, not in a log.
class BannerWidget : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Info,
        Error,
    };

    explicit BannerWidget(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void showError(const QString &text) { showMessage(Kind::Error, text); }
    void showInfo(const QString &text) { showMessage(Kind::Info, text); }
    void dismiss();

    QString text() const;
    Kind kind() const { return m_kind; }
    /// Visible and showing an error (visibility alone depends on the parent being shown).
    bool isShowingError() const { return m_active && m_kind == Kind::Error; }
    bool isActive() const { return m_active; }

private:
    void applyColors();

    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
    bool m_active = false;
};

} // namespace QwenSwarm::Ui
