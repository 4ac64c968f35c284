import yargs from 'yargs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@cim/common';
import { startLocalCluster } from '../local-cluster.js';
import { pushServerLimitOptions, pushServerLimits } from './options.js';

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
        expect(server.limits.settings).toEqual({ maxConnections: 800, maxConnectionsPerIp: 100, maxPendingLoginsPerIp: 3 });
        expect(server.config.inboundFramesPerSec).toBe(7);
      }
    } finally {
      await cluster.stop();
    }
  });
});
