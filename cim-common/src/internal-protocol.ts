/**
 * The internal HTTP APIs between routes and push servers, written once for both ends: the
 * requests, their answers, the schemas each receiver checks them with, and the cluster-secret
 * check. Both are batched (one request carries many items) and authenticated with the cluster
 * secret (`Authorization: Bearer <secret>`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { ChatMessage, ConversationCursor, Frame } from './codec/types.js';
import { chatMessageSchema } from './api-types.js';
import { decimalCursorSchema } from './decimal.js';
import { CimError, ErrorCodes, type ErrorCode } from './errors.js';
import { bearerToken, secretMatches } from './token.js';

export const INTERNAL_PUSH_PATH = '/internal/v1/push';
export const INTERNAL_EVENTS_PATH = '/internal/v1/events';

/**
 * One stored message for some users on this server, each at their own sync cursor: every device of
 * the user, or only `deviceId` (a device catching up after login). A large group's message is in
 * no stream: its targets carry no cursor, and the server encodes it once for all of them.
 */
export interface PushDelivery {
  message: ChatMessage;
  /**
   * `sessionIds`, when given, limits delivery to connections of those sessions: a connection made
   * with the token of an ended session (logged out, replaced) gets nothing. `connectionId`, when
   * given, limits it to that one connection of `deviceId`: a catch-up belongs to the connection
   * whose Login asked for it, not to the next connection of the same device.
   */
  targets: { userId: string; cursor?: string; deviceId?: string; connectionId?: string; sessionIds?: string[] }[];
}

/** A control frame (receipt, recall, …) for every connection of some users, one device, or one connection. */
export interface PushFrame {
  frame: Frame;
  userIds: string[];
  deviceId?: string;
  connectionId?: string;
}

/**
 * Close one device's connection if it still belongs to `sessionId` (and is `connectionId`, when
 * given): with a Kick frame (the device must not reconnect), or, when `code` is given, with
 * `Error{code}` (the device reconnects and syncs).
 */
export interface PushKick {
  userId: string;
  deviceId: string;
  sessionId: string;
  connectionId?: string;
  reason: string;
  code?: ErrorCode;
}

/** route → push server: `POST /internal/v1/push`. */
export interface PushRequest {
  deliveries?: PushDelivery[];
  /** Live-only messages for every logged-in connection on the server. */
  broadcasts?: ChatMessage[];
  frames?: PushFrame[];
  kicks?: PushKick[];
}

export interface PushResponse {
  /** Frames written to connections. */
  written: number;
}

/** Who an upstream event comes from: a logged-in device on a push server. */
export interface EventOrigin {
  userId: string;
  userName: string;
  deviceId: string;
  sessionId: string;
}

/**
 * `login`: a device presented this session's token on `connectionId` of the reporting server. The
 * route answers null when the session is current (and now points at that connection) or an
 * `Error` frame saying why not; the server sends LoginOk only after null. `cursor` is the Login's
 * catch-up cursor, checked here so a bad one is refused before LoginOk.
 * `connected`: LoginOk went out on `connectionId` after a Login with a cursor: the route catches
 * that connection up. Both carry the Login's `conversations` (large groups at the device's seqs).
 * `closed`: that connection is gone; the session keeps its grace period unless a newer connection
 * holds it already.
 */
export type ServerEvent =
  | (EventOrigin & { type: 'login'; connectionId: string; cursor?: string; conversations?: ConversationCursor[] })
  | (EventOrigin & {
      type: 'connected';
      connectionId: string;
      cursor: string;
      conversations?: ConversationCursor[];
    })
  | (EventOrigin & { type: 'closed'; connectionId: string })
  | (EventOrigin & { type: 'logout' })
  | (EventOrigin & { type: 'ack'; cursor: string })
  | (EventOrigin & { type: 'read'; conversationId: string; seq: string })
  | (EventOrigin & { type: 'send'; requestId: number; send: Extract<Frame, { send: unknown }>['send'] });

/** push server → route: `POST /internal/v1/events`. */
export interface EventsRequest {
  serverId: string;
  events: ServerEvent[];
}

/**
 * The answer to an event that changes state when the route could not store the change (its store
 * is briefly down): the push server sends the same event again later.
 */
export interface RetryLater {
  retryLater: string;
}

export type EventResult = Frame | null | RetryLater;

export function isRetryLater(result: EventResult | undefined): result is RetryLater {
  return typeof result === 'object' && result !== null && 'retryLater' in result;
}

/** One result per event, same order: a frame to write back to the device, null, or RetryLater. */
export interface EventsResponse {
  results: EventResult[];
}

/**
 * Lets a request through only with the cluster secret as its bearer token; otherwise passes
 * CIM_ERR_UNAUTHORIZED (401) to the app's error handler. Mounted before the body parser, so a
 * caller without the secret cannot make the server read a large body.
 */
export function requireClusterSecret(secret: string) {
  return (req: { headers: IncomingHttpHeaders }, _res: unknown, next: (err?: unknown) => void): void => {
    next(
      secretMatches(bearerToken(req.headers.authorization), secret)
        ? undefined
        : new CimError(ErrorCodes.UNAUTHORIZED, 'the internal API needs the cluster secret'),
    );
  };
}

const errorCode = z.enum(Object.values(ErrorCodes) as [ErrorCode, ...ErrorCode[]]);

/** A control frame is checked for its shape only: the codec refuses what it cannot encode. */
const frame = z.custom<Frame>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'a frame is an object',
);

/** What a push server accepts on `POST /internal/v1/push`. */
export const pushRequestSchema: z.ZodType<PushRequest> = z.object({
  deliveries: z
    .array(
      z.object({
        message: chatMessageSchema,
        targets: z.array(
          z.object({
            userId: z.string(),
            cursor: decimalCursorSchema('a cursor is a decimal uint64').optional(),
            deviceId: z.string().optional(),
            connectionId: z.string().optional(),
            sessionIds: z.array(z.string()).optional(),
          }),
        ),
      }),
    )
    .optional(),
  broadcasts: z.array(chatMessageSchema).optional(),
  frames: z
    .array(
      z.object({
        frame,
        userIds: z.array(z.string()),
        deviceId: z.string().optional(),
        connectionId: z.string().optional(),
      }),
    )
    .optional(),
  kicks: z
    .array(
      z.object({
        userId: z.string(),
        deviceId: z.string(),
        sessionId: z.string(),
        connectionId: z.string().optional(),
        reason: z.string(),
        code: errorCode.optional(),
      }),
    )
    .optional(),
});

/**
 * What a route accepts on `POST /internal/v1/events`: the batch is checked here, each event by the
 * route as it handles it, so one malformed event is answered on its own and not the whole batch.
 */
export const eventsRequestSchema: z.ZodType<EventsRequest> = z.object({
  serverId: z.string(),
  events: z.array(
    z.custom<ServerEvent>(
      (value) => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string',
      'events must be {type, …} objects',
    ),
  ),
});

/** What a push server accepts as the route's answer to an events batch. */
export const eventsResponseSchema: z.ZodType<EventsResponse> = z.object({
  results: z.array(z.custom<EventResult>()),
});
