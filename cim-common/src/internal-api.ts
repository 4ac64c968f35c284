/**
 * The internal HTTP APIs between routes and push servers. Both are batched (one request carries
 * many items) and authenticated with the cluster secret (`Authorization: Bearer <secret>`).
 */
import type { ChatMessage, Frame } from './codec/types.js';

export const INTERNAL_PUSH_PATH = '/internal/v1/push';
export const INTERNAL_EVENTS_PATH = '/internal/v1/events';

/**
 * One stored message for some users on this server, each at their own sync cursor: every device of
 * the user, or only `deviceId` (a device catching up after login).
 */
export interface PushDelivery {
  message: ChatMessage;
  /**
   * `sessionIds`, when given, limits delivery to connections of those sessions: a connection made
   * with the token of an ended session (logged out, replaced) gets nothing.
   */
  targets: { userId: string; cursor: string; deviceId?: string; sessionIds?: string[] }[];
}

/** A control frame (receipt, recall, …) for every connection of some users, or one device. */
export interface PushFrame {
  frame: Frame;
  userIds: string[];
  deviceId?: string;
}

/** Close one device's connection if it still belongs to `sessionId`. */
export interface PushKick {
  userId: string;
  deviceId: string;
  sessionId: string;
  reason: string;
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

export type ServerEvent =
  | (EventOrigin & { type: 'connected'; cursor: string })
  | (EventOrigin & { type: 'closed' })
  | (EventOrigin & { type: 'logout' })
  | (EventOrigin & { type: 'ack'; cursor: string })
  | (EventOrigin & { type: 'read'; conversationId: string; seq: string })
  | (EventOrigin & { type: 'send'; requestId: number; send: Extract<Frame, { send: unknown }>['send'] });

/** push server → route: `POST /internal/v1/events`. */
export interface EventsRequest {
  serverId: string;
  events: ServerEvent[];
}

/** One result per event, same order: a frame to write back to the device, or null. */
export interface EventsResponse {
  results: (Frame | null)[];
}
