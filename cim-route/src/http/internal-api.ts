import { Router } from 'express';
import express from 'express';
import {
  CimError,
  ErrorCodes,
  eventsRequestSchema,
  INTERNAL_EVENTS_PATH,
  isDecimalCursor,
  requireClusterSecret,
  type ConversationCursor,
  type EventResult,
  type EventsResponse,
  type Frame,
  type ServerEvent,
} from '@cim/common';
import type { Logger } from '@cim/common/server';
import type { Accounts } from '../services/accounts.js';
import type { DeviceSync } from '../services/device-sync.js';
import type { Messages } from '../services/messages.js';
import type { Receipts } from '../services/receipts.js';
import { parse } from './errors.js';
import { destination, MAX_CLIENT_MSG_ID } from './schemas.js';

export interface InternalApiContext {
  secret: string;
  accounts: Accounts;
  messages: Messages;
  receipts: Receipts;
  deviceSync: DeviceSync;
  logger: Logger;
}

/** push server → route events (batched, cluster secret required). */
export function internalApi(ctx: InternalApiContext): Router {
  const router = Router();
  router.post(
    INTERNAL_EVENTS_PATH,
    requireClusterSecret(ctx.secret),
    express.json({ limit: '16mb' }),
    async (req, res) => {
      const body = parse(eventsRequestSchema, req.body);
      const results = await Promise.all(body.events.map((event) => handleEvent(ctx, body.serverId, event)));
      const answer: EventsResponse = { results };
      res.json(answer);
    },
  );
  return router;
}

/** Events that act for the user (send, read, see the backlog): only from a session that is still current. */
const ACTING = new Set<string>(['send', 'ack', 'read', 'connected']);

async function handleEvent(ctx: InternalApiContext, serverId: string, event: ServerEvent): Promise<EventResult> {
  try {
    if (ACTING.has(event.type)) await ctx.accounts.requireSession(event.userId, event.deviceId, event.sessionId);
    switch (event.type) {
      case 'login':
        await checkLogin(ctx, serverId, event);
        return null;
      case 'closed':
        await ctx.accounts.detachConnection(event, requireString(event.connectionId, 'connectionId'));
        return null;
      case 'logout':
        await ctx.accounts.endSession(event.userId, event.deviceId, event.sessionId);
        return null;
      case 'send':
        return await relaySend(ctx, event);
      case 'ack':
        await ctx.receipts.acknowledged(event.userId, event.deviceId, parseCursor(event.cursor));
        return null;
      case 'read':
        await ctx.receipts.read(event.userId, event.conversationId, parseCursor(event.seq));
        return null;
      case 'connected':
        // The catch-up is pushed to the device; the event itself needs no answer.
        void ctx.deviceSync.catchUp(
          { ...event, serverId },
          parseCursor(event.cursor),
          parseConversationCursors(event.conversations),
        );
        return null;
      default:
        return null;
    }
  } catch (err) {
    return failedEvent(ctx, event, err);
  }
}

/**
 * A TCP login: the session must be current, and it moves to the reporting server and connection
 * (whichever server the login had picked), so LoginOk and the stored session agree. A catch-up
 * cursor is checked here too, so a bad one is refused instead of answered with LoginOk.
 */
async function checkLogin(
  ctx: InternalApiContext,
  serverId: string,
  event: Extract<ServerEvent, { type: 'login' }>,
): Promise<void> {
  const connectionId = requireString(event.connectionId, 'connectionId');
  if (event.cursor !== undefined) await ctx.deviceSync.checkCursor(event.userId, parseCursor(event.cursor));
  parseConversationCursors(event.conversations);
  await ctx.accounts.attachConnection(event, serverId, connectionId);
}

/** Events whose effect must not be lost: retried by the push server while the store is down. */
const STATE_CHANGING = new Set<string>(['login', 'closed', 'logout', 'ack', 'read']);

function failedEvent(ctx: InternalApiContext, event: ServerEvent, err: unknown): EventResult {
  // A store outage is worth a retry, as it is over HTTP (503).
  const down = err instanceof CimError && err.code === ErrorCodes.UNAVAILABLE;
  if (down && STATE_CHANGING.has(event.type)) return { retryLater: 'storage is unavailable' };
  if (down || !(err instanceof CimError) || err.code === ErrorCodes.INTERNAL)
    ctx.logger.warn({ err, type: event.type }, 'event failed');
  const code = err instanceof CimError ? err.code : ErrorCodes.INTERNAL;
  const message = err instanceof Error ? err.message : String(err);
  if (event.type === 'login') return { error: { code, message } };
  if (event.type !== 'send') return null;
  // The event may be malformed (that is often why it failed): read it defensively.
  const clientMsgId = (event.send as { clientMsgId?: unknown } | null | undefined)?.clientMsgId;
  return {
    requestId: event.requestId,
    sendResult: { clientMsgId: typeof clientMsgId === 'string' ? clientMsgId : '', error: { code, message } },
  };
}

async function relaySend(ctx: InternalApiContext, event: Extract<ServerEvent, { type: 'send' }>): Promise<Frame> {
  const to = destination.safeParse(event.send.to);
  if (!to.success) throw new CimError(ErrorCodes.INVALID_INPUT, 'Send.to must name a user, a group or broadcast');
  // The same bound as over HTTP (schemas.ts): the id is stored as an idempotency key.
  if ((event.send.clientMsgId ?? '').length > MAX_CLIENT_MSG_ID) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `Send.clientMsgId is limited to ${MAX_CLIENT_MSG_ID} characters`);
  }
  const claims = { uid: event.userId, name: event.userName };
  const deliverAt = event.send.deliverAt && event.send.deliverAt !== '0' ? Number(event.send.deliverAt) : undefined;
  const answer = await ctx.messages.sendInBatch(claims, {
    to: to.data,
    body: event.send.body ?? '',
    clientMsgId: event.send.clientMsgId || undefined,
    deliverAt,
  });
  if ('scheduled' in answer) return { requestId: event.requestId, sendResult: { clientMsgId: answer.clientMsgId } };
  return {
    requestId: event.requestId,
    sendResult: {
      clientMsgId: answer.clientMsgId,
      msgId: answer.msgId,
      conversationId: answer.conversationId,
      seq: answer.seq,
      ts: answer.ts,
    },
  };
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new CimError(ErrorCodes.INVALID_INPUT, `${name} must be a non-empty string`);
  return value;
}

function parseCursor(value: string | undefined): string {
  if (!isDecimalCursor(value)) throw new CimError(ErrorCodes.INVALID_INPUT, 'not a decimal cursor');
  return value;
}

/** Login.conversations as the push server relayed it: {conversationId, seq} pairs, checked. */
function parseConversationCursors(value: unknown): ConversationCursor[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CimError(ErrorCodes.INVALID_INPUT, 'Login.conversations must be a list');
  return value.map((entry: unknown) => {
    const { conversationId, seq } = (entry ?? {}) as { conversationId?: unknown; seq?: unknown };
    // Seqs are counted from 1 in each conversation: a safe integer, as the stores keep them.
    if (typeof seq !== 'string' || !isDecimalCursor(seq) || !Number.isSafeInteger(Number(seq)))
      throw new CimError(ErrorCodes.INVALID_INPUT, 'Login.conversations[].seq must be a seq the device was given');
    return { conversationId: requireString(conversationId, 'Login.conversations[].conversationId'), seq };
  });
}
