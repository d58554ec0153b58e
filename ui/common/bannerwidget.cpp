#include "common/bannerwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace QwenSwarm::Ui {

BannerWidget::BannerWidget(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("banner"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("banner_text"));
    layout->addWidget(m_text, 1);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &BannerWidget::dismiss);
    hide();
}

void BannerWidget::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_active = true;
    m_text->setText(text);
    applyColors();
    show();
}

void BannerWidget::dismiss()
{
    m_active = false;
    m_text->clear();
    hide();
}

QString BannerWidget::text() const
{
    return m_active ? m_text->text() : QString();
}

void BannerWidget::applyColors()
{
    // Fixed hues that read on light and dark palettes alike.
    QPalette p = palette();
    const bool error = m_kind == Kind::Error;
    p.setColor(QPalette::Window, error ? QColor(0xb3, 0x26, 0x1e) : QColor(0x1f, 0x5f, 0xa8));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    setPalette(p);
}

} // namespace QwenSwarm::Ui
