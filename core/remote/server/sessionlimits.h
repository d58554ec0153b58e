#pragma once

#include <QtGlobal>

namespace QwenSwarm::Remote {

/// What one WebSocket client may cost the server.
struct SessionLimits
{
    qsizetype maxMessageBytes = 1024 * 1024; ///< Incoming frame and message size (Qt's default is ~2 GiB).
    /// Outgoing bytes not yet written to the socket beyond which events are held back (coalesced).
    qsizetype softOutgoingBytes = 1024 * 1024;
    /// Outgoing bytes beyond which the client is disconnected (close 1008): it has stopped reading.
    qsizetype hardOutgoingBytes = 16 * 1024 * 1024;
    /// The kernel's send buffer for each client socket; 0 keeps the kernel's autotuned default (up to
    /// net.ipv4.tcp_wmem's maximum, megabytes). A smaller one bounds kernel memory per client and
    /// lets a reader that stopped be noticed after kilobytes rather than megabytes.
    int socketSendBufferBytes = 0;
    int maxHeldEvents = 20000; ///< Events held back for a slow reader before they are dropped (with a notice).
    /// A client that has lost events and has not caught up for this long is disconnected (close 1008).
    int stalledReaderMs = 10000;
    int closeGraceMs = 2000; ///< Time a closed peer has to answer the close frame before it is cut off.
    double requestsPerSecond = 200; ///< Sustained request rate; beyond it calls answer ResourceExhausted.
    int requestBurst = 400;
    int helloTimeoutMs = 5000; ///< Time to send the hello after the upgrade.
    int pingIntervalMs = 15000;
    int idleTimeoutMs = 45000; ///< Without any frame (pongs included) for this long, the peer is dead.
};

} // namespace QwenSwarm::Remote
