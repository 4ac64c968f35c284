import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  encodeFrame,
  INTERNAL_PUSH_PATH,
  secretMatches,
  SharedDeliver,
  type PushRequest,
  type PushResponse,
} from '@cim/common';
import { z } from 'zod';
import type { Connection } from './connection.js';
import type { ConnectionTable } from './connection-table.js';
import type { ServerMetrics } from './metrics.js';

const destination = z.union([
  z.object({ userId: z.string() }),
  z.object({ groupId: z.string() }),
  z.object({ broadcast: z.literal(true) }),
]);
const message = z.object({
  msgId: z.string(),
  conversationId: z.string(),
  seq: z.string(),
  fromUserId: z.string(),
  fromUserName: z.string(),
  to: destination,
  body: z.string(),
  ts: z.string(),
  clientMsgId: z.string(),
  recalled: z.boolean().optional(),
});
const MAX_UINT64 = 2n ** 64n - 1n;
/** A Deliver cursor: a decimal uint64 (only a 20-digit one can be too large). */
const uint64 = z
  .string()
  .regex(/^\d{1,20}$/, 'a cursor is a decimal integer')
  .refine((c) => c.length < 20 || BigInt(c) <= MAX_UINT64, 'a cursor fits in 64 bits');
const pushRequestSchema = z.object({
  deliveries: z
    .array(
      z.object({
        message,
        targets: z.array(
          z.object({
            userId: z.string(),
            cursor: uint64,
            deviceId: z.string().optional(),
            connectionId: z.string().optional(),
            sessionIds: z.array(z.string()).optional(),
          }),
        ),
      }),
    )
    .optional(),
  broadcasts: z.array(message).optional(),
  frames: z
    .array(
      z.object({
        frame: z.record(z.string(), z.unknown()),
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
        code: z.string().optional(),
      }),
    )
    .optional(),
});

export interface PushApiContext {
  secret: string;
  table: ConnectionTable;
  metrics: ServerMetrics;
  isReady: () => boolean;
}

/**
 * The push server's HTTP side: the internal push API (route → server, cluster secret required),
 * health, readiness and Prometheus metrics.
 */
export function createPushApi(ctx: PushApiContext): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = ctx.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  app.post(
    INTERNAL_PUSH_PATH,
    (req: Request, res: Response, next: NextFunction) => {
      const auth = req.headers.authorization;
      const presented = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!secretMatches(presented, ctx.secret)) {
        res.status(401).json({ code: 'CIM_ERR_UNAUTHORIZED', message: 'the internal API needs the cluster secret' });
        return;
      }
      next();
    },
    express.json({ limit: '64mb' }),
    (req: Request, res: Response) => {
      const parsed = pushRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        res
          .status(400)
          .json({ code: 'CIM_ERR_INVALID_INPUT', message: parsed.error.issues[0]?.message ?? 'invalid push request' });
        return;
      }
      const written = applyPush(parsed.data as PushRequest, ctx.table);
      ctx.metrics.framesOut.inc(written);
      ctx.metrics.pushBatchSize.observe(written);
      const answer: PushResponse = { written };
      res.json(answer);
    },
  );

  app.use((_req, res) => {
    res.status(404).json({ code: 'CIM_ERR_NOT_FOUND', message: 'no such endpoint' });
  });
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res
      .status(status)
      .json({ code: status === 500 ? 'CIM_ERR_INTERNAL' : 'CIM_ERR_INVALID_INPUT', message: err.message });
  });
  return app;
}

/** Every connection of the user, or of one device, or that one connection of the device. */
function connectionsOf(table: ConnectionTable, userId: string, deviceId?: string, connectionId?: string): Iterable<Connection> {
  if (deviceId === undefined) return table.ofUser(userId);
  const conn = table.ofDevice(userId, deviceId);
  return conn && (connectionId === undefined || conn.id === connectionId) ? [conn] : [];
}

/** Writes a push batch to the connections it names; returns the number of frames written. */
export function applyPush(request: PushRequest, table: ConnectionTable): number {
  let written = 0;
  for (const delivery of request.deliveries ?? []) {
    // Encode the message once, whatever the number of recipients.
    const shared = new SharedDeliver(delivery.message);
    for (const target of delivery.targets) {
      let frame: Buffer[] | undefined;
      for (const conn of connectionsOf(table, target.userId, target.deviceId, target.connectionId)) {
        if (target.sessionIds && !target.sessionIds.includes(conn.user!.sid)) continue;
        frame ??= [shared.frameFor(target.cursor)];
        if (conn.writeParts(frame)) written++;
      }
    }
  }
  const broadcasts = request.broadcasts ?? [];
  if (broadcasts.length > 0) {
    // Every connection gets the same bytes: all the request's broadcasts encoded once, as one
    // buffer, so a connection costs one write whatever the number of messages.
    const bytes = [Buffer.concat(broadcasts.map((message) => encodeFrame({ deliver: { message, cursor: '0' } })))];
    for (const conn of table.all()) if (conn.writeParts(bytes)) written += broadcasts.length;
  }
  for (const { frame, userIds, deviceId, connectionId } of request.frames ?? []) {
    const bytes = [encodeFrame(frame as never)];
    for (const userId of userIds) {
      for (const conn of connectionsOf(table, userId, deviceId, connectionId)) if (conn.writeParts(bytes)) written++;
    }
  }
  for (const kick of request.kicks ?? []) {
    const [conn] = connectionsOf(table, kick.userId, kick.deviceId, kick.connectionId);
    if (conn && conn.user?.sid === kick.sessionId) {
      if (kick.code) conn.closeWithError(kick.code, kick.reason, 'reconnect-asked');
      else conn.closeWith({ kick: { reason: kick.reason } }, 'kicked');
      written++;
    }
  }
  return written;
}
