import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { silentLogger } from '@cim/common/server';
import { startLocalCluster } from './local-cluster.js';
import {
  pushServerLimitOptions,
  pushServerLimits,
  routeLimitOptions,
  routeLimits,
  webChatOptions,
  webSocketOptions,
  webSocketSettings,
} from './options.js';
import { WEB_CHAT_DIR, WEB_CHAT_PATH, webChatSite } from './web-chat.js';

const envNames = [
  'CIM_LOGIN_IP_LIMIT',
  'CIM_LOGIN_FAILURE_LIMIT',
  'CIM_REGISTER_IP_LIMIT',
  'CIM_GROUP_CREATE_LIMIT',
  'CIM_TRUST_PROXY',
  'CIM_REQUEST_TIMEOUT_MS',
  'CIM_MAX_BODY_BYTES',
  'CIM_MAX_HTTP_BODY_BYTES',
  'CIM_MAX_DELAY_MS',
  'CIM_CORS_ORIGIN',
  'CIM_REFRESH_RETRY_MS',
  'CIM_PUSH_TIMEOUT_MS',
  'CIM_PUSH_RETRY_MS',
  'CIM_PUSH_RETRY_BACKLOG',
  'CIM_LARGE_GROUP_MEMBERS',
];

/** A value for each env var above: most are numbers. */
const envValue = (name: string, i: number): string =>
  name === 'CIM_TRUST_PROXY' ? 'loopback' : name === 'CIM_CORS_ORIGIN' ? '*' : String(i + 1);

/** What `cim route` / `cim up` pass to the route for these arguments. */
const limitsOf = (argv: string[]) => routeLimits(routeLimitOptions(yargs(argv)).parseSync());

describe('route limit options', () => {
  afterEach(() => {
    for (const name of envNames) delete process.env[name];
  });

  it('take the abuse limits, trusted proxies and request timeout from flags', () => {
    const limits = limitsOf([
      '--login-ip-limit=5',
      '--login-failure-limit=6',
      '--register-ip-limit=7',
      '--group-create-limit=8',
      '--trust-proxy=1',
      '--cors-origin=https://a.example,https://b.example',
      '--request-timeout-ms=9000',
      '--max-body-bytes=1000',
      '--max-http-body-bytes=20000',
      '--max-delay-ms=60000',
      '--refresh-retry-ms=15000',
      '--push-timeout-ms=1500',
      '--push-retry-ms=30000',
      '--push-retry-backlog=500',
      '--large-group-members=300',
    ]);
    expect(limits).toMatchObject({
      loginsPerIpPerMinute: 5,
      loginFailuresPerAccount: 6,
      registrationsPerIpPerHour: 7,
      groupsPerUserPerHour: 8,
      trustProxy: '1',
      corsOrigins: ['https://a.example', 'https://b.example'],
      requestTimeoutMs: 9000,
      maxBodyChars: 1000,
      maxHttpBodyBytes: 20000,
      maxDelayMs: 60000,
      refreshRetryMs: 15000,
      pushTimeoutMs: 1500,
      pushRetryMs: 30000,
      pushRetryBacklog: 500,
      largeGroupMembers: 300,
    });
  });

  it('fall back to env vars, and leave the route defaults alone when neither is given', () => {
    expect(limitsOf([])).toMatchObject({
      loginsPerIpPerMinute: undefined,
      trustProxy: undefined,
      requestTimeoutMs: undefined,
    });
    envNames.forEach((name, i) => (process.env[name] = envValue(name, i)));
    expect(limitsOf([])).toMatchObject({
      loginsPerIpPerMinute: 1,
      loginFailuresPerAccount: 2,
      registrationsPerIpPerHour: 3,
      groupsPerUserPerHour: 4,
      trustProxy: 'loopback',
      requestTimeoutMs: 6,
      maxBodyChars: 7,
      maxHttpBodyBytes: 8,
      maxDelayMs: 9,
      corsOrigins: ['*'],
      refreshRetryMs: 11,
      pushTimeoutMs: 12,
      pushRetryMs: 13,
      pushRetryBacklog: 14,
      largeGroupMembers: 15,
    });
  });
});

const parse = (argv: string[]) => pushServerLimits(pushServerLimitOptions(yargs()).parseSync(argv));

describe('push server limits on the command line', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes every limit from its flag', () => {
    expect(
      parse([
        '--max-connections=900',
        '--max-connections-per-ip=90',
        '--max-pending-logins-per-ip=9',
        '--login-timeout-ms=3000',
        '--inbound-frame-rate=20',
        '--inbound-frame-burst=40',
        '--max-frame-bytes=4096',
        '--max-outbound-bytes=65536',
        '--close-grace-ms=500',
      ]),
    ).toEqual({
      maxConnections: 900,
      maxConnectionsPerIp: 90,
      maxPendingLoginsPerIp: 9,
      loginTimeoutMs: 3000,
      inboundFramesPerSec: 20,
      inboundFrameBurst: 40,
      maxFrameBytes: 4096,
      maxOutboundBytes: 65536,
      closeGraceMs: 500,
    });
  });

  it('takes every limit from its env var when the flag is absent, and leaves the rest to the server', () => {
    Object.assign(process.env, {
      CIM_MAX_CONNECTIONS: '800',
      CIM_MAX_CONNECTIONS_PER_IP: '80',
      CIM_MAX_PENDING_LOGINS_PER_IP: '8',
      CIM_LOGIN_TIMEOUT_MS: '2000',
      CIM_INBOUND_FRAME_RATE: '10',
      CIM_INBOUND_FRAME_BURST: '30',
      CIM_MAX_FRAME_BYTES: '2048',
      CIM_MAX_OUTBOUND_BYTES: '32768',
    });
    expect(parse(['--max-connections-per-ip=70'])).toEqual({
      maxConnections: 800,
      maxConnectionsPerIp: 70,
      maxPendingLoginsPerIp: 8,
      loginTimeoutMs: 2000,
      inboundFramesPerSec: 10,
      inboundFrameBurst: 30,
      maxFrameBytes: 2048,
      maxOutboundBytes: 32768,
      closeGraceMs: undefined,
    });
  });

  it('reach every push server of `cim up` (the local cluster)', async () => {
    const cluster = await startLocalCluster({
      servers: 2,
      routePort: 0,
      tcpPort: 0,
      logger: silentLogger,
      server: parse(['--max-connections=800', '--max-pending-logins-per-ip=3', '--inbound-frame-rate=7']),
    });
    try {
      for (const server of cluster.servers) {
        expect(server.limits.settings).toEqual({
          maxConnections: 800,
          maxConnectionsPerIp: 100,
          maxPendingLoginsPerIp: 3,
        });
        expect(server.config.inboundFramesPerSec).toBe(7);
      }
    } finally {
      await cluster.stop();
    }
  });
});

describe('the WebSocket listener on the command line', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const settings = (argv: string[], defaultPort?: number) =>
    webSocketSettings(webSocketOptions(yargs(), defaultPort).parseSync(argv));

  it('is off for `cim server` unless asked for, by flag or env var', () => {
    delete process.env.CIM_WS_PORT;
    delete process.env.CIM_WS_ORIGINS;
    expect(settings([])).toEqual({ wsPort: undefined, wsOrigins: undefined });
    expect(settings(['--ws-port=0', '--ws-origins=https://a.example, https://b.example'])).toEqual({
      wsPort: 0,
      wsOrigins: ['https://a.example', 'https://b.example'],
    });
    Object.assign(process.env, { CIM_WS_PORT: '9100', CIM_WS_ORIGINS: 'https://c.example' });
    expect(settings([])).toEqual({ wsPort: 9100, wsOrigins: ['https://c.example'] });
  });

  it('is on for `cim up` (its default port), and gives every local push server its own port', async () => {
    delete process.env.CIM_WS_PORT;
    expect(settings([], 8084).wsPort).toBe(8084);
    const cluster = await startLocalCluster({ servers: 2, routePort: 0, tcpPort: 0, logger: silentLogger, wsPort: 0 });
    try {
      const urls = cluster.servers.map((s) => s.wsUrl);
      expect(urls).toEqual([expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/$/), expect.stringMatching(/^ws:/)]);
      expect(urls[0]).not.toBe(urls[1]);
    } finally {
      await cluster.stop();
    }
  });
});

describe('the web chat on the route', () => {
  const webChat = (argv: string[]) => webChatOptions(yargs()).parseSync(argv)['web-chat'];
  afterEach(() => {
    delete process.env.CIM_WEB_CHAT;
  });

  it('is on by default; --no-web-chat or CIM_WEB_CHAT=0 turns it off, the flag over the env var', () => {
    expect(webChat([])).toBe(true);
    expect(webChat(['--no-web-chat'])).toBe(false);
    process.env.CIM_WEB_CHAT = '0';
    expect(webChat([])).toBe(false);
    expect(webChat(['--web-chat'])).toBe(true);
    process.env.CIM_WEB_CHAT = 'maybe';
    expect(() => webChat([])).toThrow(/CIM_WEB_CHAT must be/);
  });

  it('is the built folder at /chat, or nothing (with a warning) when turned off or not built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cim-web-chat-'));
    const warnings: string[] = [];
    const warn = (line: string) => warnings.push(line);
    try {
      expect(webChatSite(true, { dir, warn })).toBeUndefined();
      expect(warnings).toEqual([expect.stringContaining('npm run build')]);
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      expect(webChatSite(true, { dir, warn })).toEqual({ path: WEB_CHAT_PATH, dir });
      expect(webChatSite(false, { dir, warn })).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(WEB_CHAT_DIR).toMatch(/cim-cli\/dist\/web-chat\/$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
