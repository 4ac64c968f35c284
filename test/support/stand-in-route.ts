import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventsRequestSchema, INTERNAL_EVENTS_PATH, type EventResult, type ServerEvent } from '@cim/common';

/** How the stand-in answers one event; `hang` never answers the request it came in. */
export type StandInAnswer = EventResult | 'hang';

/**
 * The route's internal events API and nothing else, for push-server tests: records every event
 * with the id of the server that sent it, and answers each as `answer` says (null — "OK" — by default).
 */
export class StandInRoute {
  readonly events: (ServerEvent & { serverId: string })[] = [];
  answer: (event: ServerEvent) => StandInAnswer = () => null;
  private readonly server: http.Server;

  private constructor(server: http.Server) {
    this.server = server;
  }

  static async start(): Promise<StandInRoute> {
    const server = http.createServer();
    const route = new StandInRoute(server);
    server.on('request', (req, res) => route.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return route;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Events of one type, in arrival order. */
  ofType<T extends ServerEvent['type']>(type: T): (Extract<ServerEvent, { type: T }> & { serverId: string })[] {
    return this.events.filter((e) => e.type === type) as (Extract<ServerEvent, { type: T }> & { serverId: string })[];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url !== INTERNAL_EVENTS_PATH) {
        res.writeHead(404).end();
        return;
      }
      // Parsed as the route parses it: a push server sending a batch the route would refuse fails here.
      const body = eventsRequestSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const answers = body.events.map((event) => {
        this.events.push({ ...event, serverId: body.serverId });
        return this.answer(event);
      });
      if (answers.includes('hang')) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results: answers }));
    });
  }
}
