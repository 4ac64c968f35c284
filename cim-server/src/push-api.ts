import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  CimError,
  encodeFrame,
  ErrorCodes,
  INTERNAL_PUSH_PATH,
  pushRequestSchema,
  requireClusterSecret,
  SharedDeliver,
  type PushRequest,
  type PushResponse,
} from '@cim/common';
import { requestErrorAnswer } from '@cim/common/server';
import type { Connection } from './connection.js';
import type { ConnectionTable } from './connection-table.js';
import type { ServerMetrics } from './metrics.js';

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
    requireClusterSecret(ctx.secret),
    express.json({ limit: '64mb' }),
    (req: Request, res: Response) => {
      const parsed = pushRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new CimError(ErrorCodes.INVALID_INPUT, parsed.error.issues[0]?.message ?? 'invalid push request');
      }
      const written = applyPush(parsed.data, ctx.table);
      ctx.metrics.framesOut.inc(written);
      ctx.metrics.pushBatchSize.observe(written);
      const answer: PushResponse = { written };
      res.json(answer);
    },
  );

  app.use((_req, res) => {
    res.status(404).json(new CimError(ErrorCodes.NOT_FOUND, 'no such endpoint').toJSON());
  });
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = requestErrorAnswer(err) ?? {
      status: 500,
      body: { code: ErrorCodes.INTERNAL, message: err.message },
    };
    res.status(status).json(body);
  });
  return app;
}

/** Every connection of the user, or of one device, or that one connection of the device. */
function connectionsOf(
  table: ConnectionTable,
  userId: string,
  deviceId?: string,
  connectionId?: string,
): Iterable<Connection> {
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
    // Targets without a cursor (a large group's message, in no stream) all get the very same
    // bytes: one frame for the whole delivery, written to every connection (corked per turn).
    let cursorless: Buffer[] | undefined;
    for (const target of delivery.targets) {
      let frame: Buffer[] | undefined;
      for (const conn of connectionsOf(table, target.userId, target.deviceId, target.connectionId)) {
        if (target.sessionIds && !target.sessionIds.includes(conn.user!.sid)) continue;
        frame ??=
          target.cursor === undefined ? (cursorless ??= [shared.frameFor('0')]) : [shared.frameFor(target.cursor)];
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
    const bytes = [encodeFrame(frame)];
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
