import { readFileSync } from 'node:fs';
import { CimError, ErrorCodes } from './errors.js';

/** TLS material for a listener (and the CA its peers trust; a self-signed cert is its own CA). */
export interface TlsMaterial {
  cert: string | Buffer;
  key: string | Buffer;
  /** Trusted CA for outgoing connections inside the cluster; defaults to `cert`. */
  ca?: string | Buffer;
}

/** Reads `--tls-cert/--tls-key[/--tls-ca]` files; undefined when TLS is off. */
export function loadTlsFiles(paths: { cert?: string; key?: string; ca?: string }): TlsMaterial | undefined {
  if (!paths.cert && !paths.key) return undefined;
  if (!paths.cert || !paths.key) {
    throw new CimError(ErrorCodes.INVALID_INPUT, 'TLS needs both --tls-cert and --tls-key');
  }
  return {
    cert: readFileSync(paths.cert),
    key: readFileSync(paths.key),
    ...(paths.ca ? { ca: readFileSync(paths.ca) } : {}),
  };
}

/** The CA to trust for calls to other services that use this material. */
export function trustedCa(tls: TlsMaterial | undefined): string | Buffer | undefined {
  return tls ? (tls.ca ?? tls.cert) : undefined;
}
