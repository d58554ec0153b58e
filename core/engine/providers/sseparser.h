#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace QwenSwarm::Engine {

/// One server-sent event, as dispatched by SseParser.
struct SseEvent
{
    QByteArray event = QByteArrayLiteral("message"); ///< The `event:` field; "message" when none was given.
    QByteArray data; ///< The `data:` lines joined with '\n' (no trailing newline).
    QByteArray id; ///< The last event id seen so far on the stream (`id:` persists across events).
    int retryMs = -1; ///< The valid `retry:` field of this event's block, -1 when absent.

    bool operator==(const SseEvent &) const = default;
};

/// A parser of the text/event-stream format (WHATWG HTML, "Server-sent events"): `data:`, `event:`,
/// `id:` and `retry:` fields, multi-line data, `:` comments, LF, CRLF or CR line endings and a leading
/// byte order mark. Bytes may be fed in chunks split anywhere (inside a line, between CR and LF, inside
/// a UTF-8 character): the parser works on bytes and only complete events come out. An event is
/// dispatched at a blank line; a stream that ends without one loses its unfinished event, as the
/// standard says. Not thread-safe; one parser per stream.
class SseParser
{
public:
    /// `maxLineBytes` bounds the memory one line may take; a longer line makes feed() fail.
    explicit SseParser(qsizetype maxLineBytes = 16 * 1024 * 1024);

    /// Parses `bytes`, appending every event it completes to `out`. False (and nothing more parsed,
    /// ever) once a line grew beyond the limit.
    bool feed(QByteArrayView bytes, std::vector<SseEvent> &out);
    /// The reconnection time the stream last asked for with `retry:`, -1 if it never did.
    int reconnectionMs() const { return m_reconnectionMs; }
    /// Comment lines seen so far (servers send them as keep-alives).
    qsizetype comments() const { return m_comments; }
    /// Whether the bytes fed so far end inside an event (some field seen, no blank line yet).
    bool inEvent() const { return m_inEvent || !m_line.isEmpty(); }
    /// Forgets everything (for a new stream).
    void reset();

private:
    void processLine(QByteArrayView line, std::vector<SseEvent> &out);
    void dispatch(std::vector<SseEvent> &out);

    qsizetype m_maxLineBytes;
    QByteArray m_line; // the unfinished line carried over between chunks
    QByteArray m_data;
    QByteArray m_event;
    QByteArray m_lastId;
    int m_retryMs = -1;
    int m_reconnectionMs = -1;
    qsizetype m_comments = 0;
    bool m_afterCr = false; // the previous chunk ended with CR: a leading LF belongs to it
    bool m_atStart = true; // nothing fed yet: a BOM may follow
    bool m_inEvent = false;
    bool m_failed = false;
};

} // namespace QwenSwarm::Engine
