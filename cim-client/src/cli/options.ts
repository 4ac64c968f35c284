import type { Argv } from 'yargs';

/** Flags shared by the client commands; each falls back to an env var. */
export function clientOptions<T>(y: Argv<T>) {
  return y
    .option('route', {
      type: 'string',
      describe: 'route URL (env CIM_ROUTE)',
      default: process.env.CIM_ROUTE || 'http://127.0.0.1:8083',
    })
    .option('device', {
      type: 'string',
      describe: 'device id: one session per user and device (env CIM_DEVICE)',
      default: process.env.CIM_DEVICE || 'default',
    });
}

/** The cluster secret: flag, then env; never a built-in default outside `cim up`. */
export function requireSecret(flag: string | undefined): string {
  const secret = flag ?? process.env.CIM_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error('a cluster secret of at least 16 characters is required: --secret or env CIM_SECRET');
  }
  return secret;
}

export function envInt(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number(value);
}

/** `--tls-cert/--tls-key/--tls-ca` (env CIM_TLS_CERT, CIM_TLS_KEY, CIM_TLS_CA) for services. */
export function tlsOptions<T>(y: Argv<T>) {
  return y
    .option('tls-cert', { type: 'string', default: process.env.CIM_TLS_CERT, describe: 'PEM certificate: TLS on TCP and HTTP (env CIM_TLS_CERT)' })
    .option('tls-key', { type: 'string', default: process.env.CIM_TLS_KEY, describe: 'PEM private key (env CIM_TLS_KEY)' })
    .option('tls-ca', { type: 'string', default: process.env.CIM_TLS_CA, describe: 'CA trusted inside the cluster; default the certificate itself (env CIM_TLS_CA)' });
}

/**
 * Route limits (env CIM_SEND_RATE, CIM_SEND_BURST, CIM_MAX_GROUP_MEMBERS, CIM_RECALL_WINDOW_MS,
 * CIM_RETENTION_MS, CIM_SESSION_GRACE_MS).
 */
export function routeLimitOptions<T>(y: Argv<T>) {
  return y
    .option('send-rate', { type: 'number', default: envInt('CIM_SEND_RATE'), describe: 'messages per second per user (default 20)' })
    .option('send-burst', { type: 'number', default: envInt('CIM_SEND_BURST'), describe: 'burst of messages per user (default 50)' })
    .option('max-group-members', { type: 'number', default: envInt('CIM_MAX_GROUP_MEMBERS'), describe: 'group size limit (default 10000)' })
    .option('recall-window-ms', { type: 'number', default: envInt('CIM_RECALL_WINDOW_MS'), describe: 'how long a message can be recalled (default 120000)' })
    .option('retention-ms', { type: 'number', default: envInt('CIM_RETENTION_MS'), describe: 'how long messages stay in sync streams (default 7 days)' })
    .option('session-grace-ms', {
      type: 'number',
      default: envInt('CIM_SESSION_GRACE_MS'),
      describe: 'how long a session outlives its dropped connection, so the device can refresh or reconnect with its token (default 300000; env CIM_SESSION_GRACE_MS)',
    });
}

export interface RouteLimitArgs {
  'send-rate'?: number;
  'send-burst'?: number;
  'max-group-members'?: number;
  'recall-window-ms'?: number;
  'retention-ms'?: number;
  'session-grace-ms'?: number;
}

export function routeLimits(args: RouteLimitArgs) {
  return {
    sendRatePerSec: args['send-rate'],
    sendBurst: args['send-burst'],
    maxGroupMembers: args['max-group-members'],
    recallWindowMs: args['recall-window-ms'],
    sessionGraceMs: args['session-grace-ms'],
  };
}

/** Push server limits (env CIM_LOGIN_CHECK_TIMEOUT_MS, CIM_MAX_HELD_FRAMES), for `cim server` and `cim up`. */
export function pushServerLimitOptions<T>(y: Argv<T>) {
  return y
    .option('login-check-timeout-ms', {
      type: 'number',
      default: envInt('CIM_LOGIN_CHECK_TIMEOUT_MS'),
      describe: 'how long a TCP Login waits for the route to confirm its session before Error{UNAVAILABLE} (default 5000; env CIM_LOGIN_CHECK_TIMEOUT_MS)',
    })
    .option('max-held-frames', {
      type: 'number',
      default: envInt('CIM_MAX_HELD_FRAMES'),
      describe: 'frames a client may send behind Login before LoginOk; one more closes it (default 32; env CIM_MAX_HELD_FRAMES)',
    });
}

export interface PushServerLimitArgs {
  'login-check-timeout-ms'?: number;
  'max-held-frames'?: number;
}

export function pushServerLimits(args: PushServerLimitArgs) {
  return {
    loginCheckTimeoutMs: args['login-check-timeout-ms'],
    maxHeldFrames: args['max-held-frames'],
  };
}

export interface TlsArgs {
  'tls-cert'?: string;
  'tls-key'?: string;
  'tls-ca'?: string;
}
