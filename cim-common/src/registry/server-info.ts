import { CimError, ErrorCodes } from '../errors.js';
import type { ServerInfo } from './types.js';

/** A server id becomes a ZooKeeper node name, so it may not contain `/` or be `.`/`..`. */
const SERVER_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) < 65536;
}

function problemWith(info: Partial<ServerInfo>): string | undefined {
  if (typeof info.id !== 'string' || !SERVER_ID.test(info.id) || info.id === '.' || info.id === '..') {
    return 'id must be 1-128 characters of [A-Za-z0-9_.:-]';
  }
  if (typeof info.host !== 'string' || info.host === '') return 'host must be a non-empty string';
  if (!isPort(info.tcpPort)) return 'tcpPort must be a port number';
  if (info.wsPort !== undefined && !isPort(info.wsPort)) return 'wsPort must be a port number';
  if (typeof info.httpHost !== 'string' || info.httpHost === '') return 'httpHost must be a non-empty string';
  if (!isPort(info.httpPort)) return 'httpPort must be a port number';
  if (!Number.isInteger(info.load) || (info.load as number) < 0) return 'load must be a non-negative integer';
  if (!Number.isFinite(info.startedAt)) return 'startedAt must be a timestamp';
  if (info.tls !== undefined && typeof info.tls !== 'boolean') return 'tls must be a boolean';
  return undefined;
}

/** Checks a registration and returns a frozen copy holding only the known fields. */
export function validServerInfo(info: ServerInfo): ServerInfo {
  const problem = problemWith(info);
  if (problem) throw new CimError(ErrorCodes.INVALID_INPUT, `invalid server registration: ${problem}`);
  const { id, host, tcpPort, wsPort, httpHost, httpPort, load, startedAt, tls } = info;
  return Object.freeze({
    id,
    host,
    tcpPort,
    ...(wsPort !== undefined ? { wsPort } : {}),
    httpHost,
    httpPort,
    load,
    startedAt,
    ...(tls ? { tls: true } : {}),
  });
}

export function assertLoad(load: number): void {
  if (!Number.isInteger(load) || load < 0) {
    throw new CimError(ErrorCodes.INVALID_INPUT, `load must be a non-negative integer, got ${load}`);
  }
}

export function encodeServerInfo(info: ServerInfo): Buffer {
  return Buffer.from(JSON.stringify(info), 'utf8');
}

/** Parses a registry node's data; undefined when it is not a valid registration. */
export function decodeServerInfo(data: Buffer | undefined): ServerInfo | undefined {
  if (!data || data.length === 0) return undefined;
  try {
    const parsed = JSON.parse(data.toString('utf8')) as ServerInfo;
    return problemWith(parsed) ? undefined : validServerInfo(parsed);
  } catch {
    return undefined;
  }
}

/** The order every registry reports servers in, so lists compare and round-robin is stable. */
export function sortedById(servers: Iterable<ServerInfo>): ServerInfo[] {
  return [...servers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function sameServers(a: readonly ServerInfo[], b: readonly ServerInfo[]): boolean {
  return a.length === b.length && a.every((server, i) => JSON.stringify(server) === JSON.stringify(b[i]));
}
