#pragma once

#include <QColor>
#include <QStringList>

namespace QwenSwarm::Ui {

/// One colour per distinct answer, in the order the answers are added, so the same answer has the
/// same colour in the grid, the charts and a side-by-side comparison.
class AnswerPalette
{
public:
    void clear() { m_answers.clear(); }
    void add(const QString &answer);
    QColor color(const QString &answer) const;
    const QStringList &answers() const { return m_answers; }

private:
    QStringList m_answers;
};

} // namespace QwenSwarm::Ui
