import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client.js';

describe('the internal HTTP client', () => {
  const servers: http.Server[] = [];

  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())));
  });

  it('posts JSON with its headers to a path under the base URL and parses the JSON answer', async () => {
    const seen: { url?: string; headers?: http.IncomingHttpHeaders; body?: string }[] = [];
    const baseURL = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url, headers: req.headers, body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ results: [null, { ok: 'é' }] }));
      });
    });
    const client = createHttpClient({ baseURL, headers: { authorization: 'Bearer secret' } });
    const answers = await Promise.all([client.post('/internal/v1/events', { n: 1 }), client.post('/x', { n: 'ü' })]);
    expect(answers).toEqual([
      { status: 200, data: { results: [null, { ok: 'é' }] } },
      { status: 200, data: { results: [null, { ok: 'é' }] } },
    ]);
    expect(seen.map((s) => [s.url, s.body, s.headers?.authorization, s.headers?.['content-type']])).toEqual([
      ['/internal/v1/events', '{"n":1}', 'Bearer secret', 'application/json'],
      ['/x', '{"n":"ü"}', 'Bearer secret', 'application/json'],
    ]);
  });

  it('answers an error status with its body instead of throwing, and text that is not JSON as text', async () => {
    const baseURL = await serve((req, res) => {
      res.statusCode = req.url === '/json' ? 503 : 502;
      res.end(req.url === '/json' ? '{"code":"CIM_ERR_UNAVAILABLE"}' : 'Bad Gateway');
    });
    const client = createHttpClient();
    expect(await client.post(`${baseURL}/json`, {})).toEqual({ status: 503, data: { code: 'CIM_ERR_UNAVAILABLE' } });
    expect(await client.post(`${baseURL}/text`, {})).toEqual({ status: 502, data: 'Bad Gateway' });
  });

  it('rejects when nothing answers in time or nothing listens', async () => {
    const baseURL = await serve(() => undefined);
    const client = createHttpClient({ baseURL, timeoutMs: 100 });
    await expect(client.post('/slow', {})).rejects.toThrow(/timeout/);
    const closed = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(createHttpClient().post(`${closed}/x`, {})).rejects.toThrow(/ECONNREFUSED/);
  });
});
