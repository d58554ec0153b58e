#include "providers/sseparser.h"

namespace QwenSwarm::Engine {

namespace {

const QByteArrayView bom("\xEF\xBB\xBF");

// The first CR or LF in `bytes` at or after `from`, or -1.
qsizetype lineEnd(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = from; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\n' || c == '\r')
            return i;
    }
    return -1;
}

bool allDigits(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 9)
        return false;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{ }

void SseParser::reset()
{
    *this = SseParser(m_maxLineBytes);
}

bool SseParser::feed(QByteArrayView bytes, std::vector<SseEvent> &out)
{
    if (m_failed)
        return false;
    if (bytes.isEmpty())
        return true;
    if (m_atStart) {
        // The BOM may itself arrive split; wait until three bytes (or a mismatch) are known.
        QByteArray head = std::exchange(m_line, {});
        head.append(bytes);
        if (head.size() < bom.size() && bom.startsWith(head)) {
            m_line = head;
            return true;
        }
        m_atStart = false;
        const QByteArray rest = head.startsWith(bom) ? head.mid(bom.size()) : head;
        return feed(rest, out);
    }
    qsizetype pos = 0;
    if (m_afterCr && bytes[0] == '\n')
        pos = 1;
    m_afterCr = false;
    while (pos < bytes.size()) {
        const qsizetype end = lineEnd(bytes, pos);
        if (end < 0) {
            m_line.append(bytes.sliced(pos));
            if (m_line.size() > m_maxLineBytes) {
                m_failed = true;
                return false;
            }
            return true;
        }
        if (m_line.isEmpty()) {
            if (end - pos > m_maxLineBytes) {
                m_failed = true;
                return false;
            }
            processLine(bytes.sliced(pos, end - pos), out);
        } else {
            m_line.append(bytes.sliced(pos, end - pos));
            const QByteArray line = std::exchange(m_line, {});
            if (line.size() > m_maxLineBytes) {
                m_failed = true;
                return false;
            }
            processLine(line, out);
        }
        pos = end + 1;
        if (bytes[end] == '\r') {
            if (pos == bytes.size())
                m_afterCr = true;
            else if (bytes[pos] == '\n')
                ++pos;
        }
    }
    return true;
}

void SseParser::processLine(QByteArrayView line, std::vector<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line[0] == ':') {
        ++m_comments;
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value[0] == ' ')
        value = value.sliced(1);
    m_inEvent = true;
    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "event") {
        m_event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    } else if (field == "retry") {
        if (allDigits(value)) {
            m_retryMs = value.toInt();
            m_reconnectionMs = m_retryMs;
        }
    }
    // Other fields are ignored, as the standard says.
}

void SseParser::dispatch(std::vector<SseEvent> &out)
{
    m_inEvent = false;
    const int retry = std::exchange(m_retryMs, -1);
    QByteArray event = std::exchange(m_event, {});
    if (m_data.isEmpty())
        return; // no data: nothing to dispatch (an id or retry still took effect)
    m_data.chop(1); // the last '\n'
    out.push_back(SseEvent {event.isEmpty() ? QByteArrayLiteral("message") : std::move(event),
                            std::exchange(m_data, {}), m_lastId, retry});
}

} // namespace QwenSwarm::Engine
