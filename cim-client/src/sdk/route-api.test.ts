import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CimError, ErrorCodes } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { RouteApi as BrowserRouteApi } from '../browser.js';
import { RouteApi as NodeRouteApi } from '../index.js';

/** A stand-in route on 127.0.0.1 that answers every request with `handler`; records what it got. */
interface StandIn {
  url: string;
  requests: { method: string; url: string; authorization?: string; contentType?: string; body: string }[];
}

let server: Server | undefined;

async function standIn(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<StandIn> {
  const requests: StandIn['requests'] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function failure(call: Promise<unknown>): Promise<CimError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CimError);
  return err as CimError;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe.each([
  ["Node's http (the Node entry)", NodeRouteApi],
  ['fetch (the browser entry)', BrowserRouteApi],
])('RouteApi over %s', (_name, RouteApi) => {
  it('sends JSON with the bearer token under /api/v1 and returns the parsed answer', async () => {
    const route = await standIn((_req, res) => json(res, 200, { userId: '7', userName: 'alice' }));
    const api = new RouteApi(`${route.url}/`);
    api.token = 'tok-1';
    expect(await api.register('alice', 'password-1')).toEqual({ userId: '7', userName: 'alice' });
    expect(route.requests).toEqual([
      {
        method: 'POST',
        url: '/api/v1/accounts',
        authorization: 'Bearer tok-1',
        contentType: 'application/json',
        body: JSON.stringify({ userName: 'alice', password: 'password-1' }),
      },
    ]);
  });

  it("turns the route's coded error answer into a CimError with that code and message", async () => {
    const route = await standIn((_req, res) => json(res, 409, { code: ErrorCodes.USER_EXISTS, message: 'name taken' }));
    const err = await failure(new RouteApi(route.url).register('alice', 'password-1'));
    expect([err.code, err.message]).toEqual([ErrorCodes.USER_EXISTS, 'name taken']);
  });

  it('does not follow a redirect, and names the status of an answer without a code', async () => {
    const route = await standIn((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end('moved'));
    const err = await failure(new RouteApi(route.url).userByName('bob'));
    expect([err.code, err.message]).toEqual([ErrorCodes.INTERNAL, 'route answered HTTP 302']);
    expect(route.requests.map((r) => r.url)).toEqual(['/api/v1/users/bob']);
  });

  it('says CIM_ERR_UNAVAILABLE when the route stays silent past the timeout', async () => {
    const route = await standIn(() => undefined);
    const err = await failure(new RouteApi(route.url, { timeoutMs: 200 }).userByName('bob'));
    expect(err.code).toBe(ErrorCodes.UNAVAILABLE);
  });

  it('says CIM_ERR_CLOSED when the caller aborts', async () => {
    const route = await standIn(() => undefined);
    const abort = new AbortController();
    const call = new RouteApi(route.url).userByName('bob', abort.signal);
    while (route.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    expect((await failure(call)).code).toBe(ErrorCodes.CLOSED);
  });
});
