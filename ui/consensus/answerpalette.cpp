#include "consensus/answerpalette.h"

namespace QwenSwarm::Ui {

void AnswerPalette::add(const QString &answer)
{
    if (!m_answers.contains(answer))
        m_answers.append(answer);
}

QColor AnswerPalette::color(const QString &answer) const
{
    static const QColor colors[]
        = {QColor(0x4e, 0x9a, 0x06), QColor(0x34, 0x65, 0xa4), QColor(0xce, 0x5c, 0x00), QColor(0x75, 0x50, 0x7b),
           QColor(0xc4, 0xa0, 0x00), QColor(0x06, 0x98, 0x9a), QColor(0xa4, 0x00, 0x00), QColor(0x5c, 0x35, 0x66)};
    const qsizetype i = m_answers.indexOf(answer);
    if (i < 0)
        return QColor(128, 128, 128);
    return colors[i % std::size(colors)];
}

} // namespace QwenSwarm::Ui
