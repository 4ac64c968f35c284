import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/cli';
import { WebSocket } from 'ws';
import { CimClient, type CimClientOptions, type WebSocketConstructor } from '@cim/client';
import type { ChatMessage } from '@cim/common';
import { waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { startTestCluster } from '../support/test-cluster.js';
import { WsDevice } from '../support/ws-device.js';

/** A self-signed certificate for 127.0.0.1, made with the openssl command line. */
function selfSigned(dir: string): { cert: Buffer; key: Buffer } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

describe('TLS on the route API, the TCP and WebSocket ports and the internal API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cim-tls-'));
  const tls = selfSigned(dir);
  let cluster: LocalCluster;
  const clients: CimClient[] = [];

  beforeAll(async () => {
    cluster = await startTestCluster({ wsPort: 0, tls });
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (userName: string, ca?: Buffer, options: Partial<CimClientOptions> = {}) => {
    const c = new CimClient({
      routeUrl: cluster.routeUrl,
      userName,
      password: `password-${userName}`,
      tls: ca ? { ca } : undefined,
      ...options,
    });
    clients.push(c);
    return c;
  };

  it('lets clients that trust the certificate chat over HTTPS and TLS', async () => {
    expect(cluster.routeUrl).toMatch(/^https:/);
    const alice = client('alice', tls.cert);
    const bob = client('bob', tls.cert);
    await alice.api.register('alice', 'password-alice');
    await bob.api.register('bob', 'password-bob');
    const login = await alice.connect();
    expect(login.server.tls).toBe(true);
    await bob.connect();
    const got: ChatMessage[] = [];
    bob.on('message', (m) => got.push(m));
    await alice.sendToUser(bob.info().userId!, 'over TLS');
    await waitFor(() => got.some((m) => m.body === 'over TLS'), { message: 'the message over TLS' });
  });

  it('speaks wss on the WebSocket listener to a browser that trusts the certificate', async () => {
    const dave = client('dave', tls.cert);
    await dave.api.register('dave', 'password-dave');
    const login = await dave.api.login('dave', 'password-dave', 'browser');
    expect(login.server.wsUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(WsDevice.connect(login.server.wsUrl!)).rejects.toThrow(/certificate/);
    const browser = await WsDevice.loginWith(login, { ca: tls.cert });
    try {
      expect((await browser.next('loginOk')).loginOk.userName).toBe('dave');
    } finally {
      browser.close();
    }
  });

  it('lets the SDK chat over wss with the WebSocket transport, trusting the certificate it is given', async () => {
    const viaWs = { transport: 'ws', WebSocket: WebSocket as unknown as WebSocketConstructor } as const;
    const erin = client('erin', tls.cert, viaWs);
    const frank = client('frank', tls.cert);
    await erin.api.register('erin', 'password-erin');
    await frank.api.register('frank', 'password-frank');
    // The certificate is self-signed: the wss handshake succeeds only with the CA the SDK handed to `ws`.
    await erin.connect();
    expect(erin.info().server).toMatch(/^wss:\/\//);
    await frank.connect();
    const got: ChatMessage[] = [];
    erin.on('message', (m) => got.push(m));
    await frank.sendToUser(erin.info().userId!, 'to a wss client');
    await waitFor(() => got.some((m) => m.body === 'to a wss client'), { message: 'the message over wss' });
  });

  it('refuses a client that does not trust the certificate', async () => {
    const stranger = client('stranger');
    await expect(stranger.api.register('stranger', 'password-stranger')).rejects.toMatchObject({
      code: 'CIM_ERR_UNAVAILABLE',
    });
  });

  it('does not speak plain TCP on the TLS port', async () => {
    const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
    raw.send({ login: { token: 'anything' } });
    await raw.closedByServer(10_000);
    expect(raw.frames.some((f) => 'loginOk' in f)).toBe(false);
  });
});
