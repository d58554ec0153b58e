#pragma once

#include "designer/workflowgraph.h"

#include <QGraphicsItem>

#include <optional>

namespace QwenSwarm::Ui {

/// A port on a designer node: a small disc in the colour of the type it carries (hollow while
/// nothing is connected). While a connection is dragged it shows whether it would take it.
class PortItem : public QGraphicsItem
{
public:
    static constexpr double radius = 6;
    enum
    {
        Type = UserType + 21
    };
    enum class Highlight
    {
        None,
        Fits,
        Refuses,
    };

    PortItem(const PortRef &port, QGraphicsItem *parent);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const PortRef &port() const { return m_port; }
    void setPort(const PortRef &port) { m_port = port; }
    std::optional<Api::ValueType> valueType() const { return m_type; }
    void setValueType(std::optional<Api::ValueType> type);
    bool isConnected() const { return m_connected; }
    void setConnected(bool connected);
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }
    /// Drawn with a warning ring: a prompt name nothing binds, an approval without its input.
    void setMissing(bool missing);

private:
    PortRef m_port;
    std::optional<Api::ValueType> m_type;
    bool m_connected = false;
    bool m_missing = false;
    Highlight m_highlight = Highlight::None;
};

} // namespace QwenSwarm::Ui
