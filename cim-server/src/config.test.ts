import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultMaxConnections,
  defaultMaxConnectionsPerIp,
  defaultServerId,
  FD_RESERVE,
  parseMaxOpenFiles,
  UNCAPPED_CONNECTIONS_PER_IP,
} from './config.js';

// The layout of /proc/<pid>/limits on Linux (columns padded with spaces).
const limits = (soft: string, hard: string) =>
  [
    'Limit                     Soft Limit           Hard Limit           Units     ',
    'Max cpu time              unlimited            unlimited            seconds   ',
    'Max processes             96364                96364                processes ',
    `Max open files            ${soft.padEnd(21)}${hard.padEnd(21)}files     `,
    'Max locked memory         8388608              8388608              bytes     ',
    '',
  ].join('\n');

describe('the open-file limit behind the default connection cap', () => {
  it('reads the soft "Max open files" limit, not the hard one', () => {
    expect(parseMaxOpenFiles(limits('1024', '1048576'))).toBe(1024);
  });

  it('reads no limit from "unlimited" or a text without the line', () => {
    expect(parseMaxOpenFiles(limits('unlimited', 'unlimited'))).toBeUndefined();
    expect(parseMaxOpenFiles('Limit  Soft Limit  Hard Limit  Units\n')).toBeUndefined();
    expect(parseMaxOpenFiles('')).toBeUndefined();
  });

  it('keeps FD_RESERVE descriptors back from clients', () => {
    expect(defaultMaxConnections(() => limits('1024', '4096'))).toBe(1024 - FD_RESERVE);
    expect(defaultMaxConnections(() => limits('10', '10'))).toBe(0);
  });

  it('does not limit where the limits cannot be read (no /proc outside Linux) or say unlimited', () => {
    const missing = () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, open '/proc/self/limits'"), { code: 'ENOENT' });
    };
    expect(defaultMaxConnections(missing)).toBe(Infinity);
    expect(defaultMaxConnections(() => limits('unlimited', 'unlimited'))).toBe(Infinity);
  });

  it.runIf(process.platform === 'linux')('finds the limit in the real /proc/self/limits', () => {
    expect(parseMaxOpenFiles(readFileSync('/proc/self/limits', 'utf8'))).toBeGreaterThan(0);
  });
});

describe('the default per-address connection limit', () => {
  it('is an eighth of the connection cap, so one address cannot fill the server', () => {
    const cap = defaultMaxConnections(() => limits('20000', '20000'));
    expect(defaultMaxConnectionsPerIp(cap)).toBe(Math.floor((20_000 - FD_RESERVE) / 8));
    expect(defaultMaxConnectionsPerIp(cap)).toBeLessThan(cap);
    expect(defaultMaxConnectionsPerIp(3)).toBe(1);
  });

  it('is finite where there is no cap', () => {
    expect(defaultMaxConnectionsPerIp(Infinity)).toBe(UNCAPPED_CONNECTIONS_PER_IP);
  });
});

describe('the default server id', () => {
  it('is the same on every start with a fixed TCP port, named after the advertised address', () => {
    expect(defaultServerId({ tcpHost: '0.0.0.0', tcpPort: 9000 })).toBe('srv-0.0.0.0-9000');
    expect(defaultServerId({ tcpHost: '0.0.0.0', tcpPort: 9000, advertisedHost: 'push-1.example' })).toBe(
      'srv-push-1.example-9000',
    );
    expect(defaultServerId({ tcpHost: '0.0.0.0', tcpPort: 9000 })).toBe(
      defaultServerId({ tcpHost: '0.0.0.0', tcpPort: 9000 }),
    );
  });

  it('is random with port 0 (a new port each start)', () => {
    const a = defaultServerId({ tcpHost: '127.0.0.1', tcpPort: 0 });
    expect(a).toMatch(/^srv-[0-9a-f]{8}$/);
    expect(defaultServerId({ tcpHost: '127.0.0.1', tcpPort: 0 })).not.toBe(a);
  });
});
