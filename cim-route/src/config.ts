import type { TlsMaterial } from '@cim/common';
import type { SelectionAlgorithm } from './server-directory.js';

export interface RouteConfig {
  /** Cluster secret: signs tokens, guards the internal API. */
  secret: string;
  host: string;
  port: number;
  selection: SelectionAlgorithm;
  /** `kick` (default): a second login on a device closes the first. `reject`: CIM's old refusal. */
  duplicateLogin: 'kick' | 'reject';
  heartbeatMs: number;
  tokenTtlMs: number;
  /**
   * How long a session outlives its dropped connection: the device may refresh its token or log in
   * over TCP with it until then. Logout and a newer login end it at once.
   */
  sessionGraceMs: number;
  maxBodyChars: number;
  sendRatePerSec: number;
  sendBurst: number;
  syncPageMax: number;
  /** How long after sending a message its sender may recall it. */
  recallWindowMs: number;
  /** How far ahead a delayed message may be scheduled. */
  maxDelayMs: number;
  maxGroupMembers: number;
  /** HTTPS for the route's APIs; also the CA trusted for TLS push servers. Plain HTTP when absent. */
  tls?: TlsMaterial;
}

export const defaultRouteConfig: Omit<RouteConfig, 'secret'> = {
  host: '127.0.0.1',
  port: 8083,
  selection: 'round-robin',
  duplicateLogin: 'kick',
  heartbeatMs: 30_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  sessionGraceMs: 5 * 60 * 1000,
  maxBodyChars: 4096,
  sendRatePerSec: 20,
  sendBurst: 50,
  syncPageMax: 500,
  recallWindowMs: 2 * 60 * 1000,
  maxDelayMs: 30 * 24 * 60 * 60 * 1000,
  maxGroupMembers: 10_000,
};
