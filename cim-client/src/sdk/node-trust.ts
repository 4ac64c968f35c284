import type tls from 'node:tls';
import type { TlsTrust } from './transport.js';

/** Node's TLS options for `trust` (a CA given as bytes becomes a Buffer). */
export function toNodeTrust(trust: TlsTrust = {}): tls.ConnectionOptions {
  const { ca, rejectUnauthorized } = trust;
  return {
    ...(ca === undefined ? {} : { ca: typeof ca === 'string' ? ca : Buffer.from(ca) }),
    ...(rejectUnauthorized === undefined ? {} : { rejectUnauthorized }),
  };
}
