/**
 * Delivery: how what the route stores reaches the devices that are online right now.
 *
 * A private or group message, hop by hop:
 *
 *   services/messages.ts  Messages.send
 *       checks the body, the sender's rate limit and the recipients (private: both parties;
 *       group: the members, if the sender is one), then
 *   store/                store.messages.save
 *       assigns msgId, seq and each recipient's sync cursor, and yields the recipients whose
 *       stream entries are stored (a large group in batches, so its first members are pushed to
 *       while the rest is still being written). Nothing is pushed before it is stored.
 *   fan-out.ts            FanOut.message, for each stored part:
 *     presence.ts         Presence.connectedSessionsOf — the recipients' sessions, minus those
 *                         whose connection closed (they catch up by sync when they reconnect);
 *     server-directory.ts ServerDirectory.resolve — each session's push server: a live one, or one
 *                         that left the registry less than DEPARTED_SERVER_MEMORY_MS ago (it may
 *                         still hold connections). A session on any other server is counted in
 *                         cim_route_unreachable_sessions_total and logged, never dropped silently;
 *                         → one PushDelivery per server: the message and, per user, its cursor and
 *                         session ids (every device of a user on that server).
 *   push-dispatcher.ts    PushDispatcher — everything for one server within one turn of the event
 *       loop goes in ONE POST to its internal push API. The deliveries of a failed push are pushed
 *       again with backoff (retry-backlog.ts), merged into later requests to that server, while it
 *       is listed or just left, for at most `pushRetryMs`; given up, they are counted in
 *       cim_route_unreachable_sessions_total and the devices sync when they reconnect. A failing
 *       server is skipped for new logins for a few seconds.
 *   cim-server            writes Deliver frames to the connections of those sessions.
 *
 * The other ways out: broadcasts are live only (not stored) and go to every live server; receipts
 * and recalls go as frames to every connected device of some users; a TCP device catching up after
 * its login gets its entries pushed to that device alone (`toDevice`); a kick closes one device's
 * connection. Logins take a server from `ServerDirectory.pick`; `Presence.onlineUsers` lists users
 * with a session on a live server.
 *
 * Direction: services call the store, then delivery. Neither the store nor delivery calls back up
 * into services, and delivery reads the store only for sessions.
 */
export { FanOut, type DeviceConnection } from './fan-out.js';
export { Presence } from './presence.js';
export { httpPushTransport, PushDispatcher, type PushSender } from './push-dispatcher.js';
export { ReturnPath } from './return-path.js';
export { DEPARTED_SERVER_MEMORY_MS, ServerDirectory, type SelectionAlgorithm } from './server-directory.js';
