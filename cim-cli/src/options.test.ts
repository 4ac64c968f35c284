import { afterEach, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { silentLogger } from '@cim/common/server';
import { startLocalCluster } from './local-cluster.js';
import { pushServerLimitOptions, pushServerLimits, routeLimitOptions, routeLimits } from './options.js';

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
  'CIM_PUSH_TIMEOUT_MS',
  'CIM_PUSH_RETRY_MS',
  'CIM_PUSH_RETRY_BACKLOG',
];

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
      '--request-timeout-ms=9000',
      '--max-body-bytes=1000',
      '--max-http-body-bytes=20000',
      '--max-delay-ms=60000',
      '--push-timeout-ms=1500',
      '--push-retry-ms=30000',
      '--push-retry-backlog=500',
    ]);
    expect(limits).toMatchObject({
      loginsPerIpPerMinute: 5,
      loginFailuresPerAccount: 6,
      registrationsPerIpPerHour: 7,
      groupsPerUserPerHour: 8,
      trustProxy: '1',
      requestTimeoutMs: 9000,
      maxBodyChars: 1000,
      maxHttpBodyBytes: 20000,
      maxDelayMs: 60000,
      pushTimeoutMs: 1500,
      pushRetryMs: 30000,
      pushRetryBacklog: 500,
    });
  });

  it('fall back to env vars, and leave the route defaults alone when neither is given', () => {
    expect(limitsOf([])).toMatchObject({
      loginsPerIpPerMinute: undefined,
      trustProxy: undefined,
      requestTimeoutMs: undefined,
    });
    envNames.forEach((name, i) => (process.env[name] = name === 'CIM_TRUST_PROXY' ? 'loopback' : String(i + 1)));
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
      pushTimeoutMs: 10,
      pushRetryMs: 11,
      pushRetryBacklog: 12,
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
