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

/** Flags of the commands that hold a push server connection (`chat`, `tail`). */
export function connectionOptions<T>(y: Argv<T>) {
  return y.option('login-timeout-ms', {
    type: 'number',
    default: envInt('CIM_LOGIN_TIMEOUT_MS'),
    describe:
      'how long a push server may take to accept the connection and answer Login before the client tries again through the route (default 10000; env CIM_LOGIN_TIMEOUT_MS)',
  });
}

export interface ConnectionArgs {
  'login-timeout-ms'?: number;
}

/** The cluster secret: flag, then env; never a built-in default outside `cim up`. */
export function requireSecret(flag: string | undefined): string {
  const secret = flag ?? process.env.CIM_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error('a cluster secret of at least 16 characters is required: --secret or env CIM_SECRET');
  }
  return secret;
}

/** `--web-chat` (env CIM_WEB_CHAT): the route serves the web chat at /chat; on unless turned off. */
export function webChatOptions<T>(y: Argv<T>) {
  return y.option('web-chat', {
    type: 'boolean',
    default: envFlag('CIM_WEB_CHAT') ?? true,
    describe: 'serve the web chat at /chat on the route (default on; --no-web-chat or env CIM_WEB_CHAT=0 turns it off)',
  });
}

export interface WebChatArgs {
  'web-chat': boolean;
}

/** An on/off env var: 1/true/yes/on or 0/false/no/off; undefined when unset. */
export function envFlag(name: string): boolean | undefined {
  const value = process.env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be 1/true/yes/on or 0/false/no/off, not "${process.env[name]}"`);
}

export function envInt(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number(value);
}

/** `--tls-cert/--tls-key/--tls-ca` (env CIM_TLS_CERT, CIM_TLS_KEY, CIM_TLS_CA) for services. */
export function tlsOptions<T>(y: Argv<T>) {
  return y
    .option('tls-cert', {
      type: 'string',
      default: process.env.CIM_TLS_CERT,
      describe: 'PEM certificate: TLS on TCP and HTTP (env CIM_TLS_CERT)',
    })
    .option('tls-key', {
      type: 'string',
      default: process.env.CIM_TLS_KEY,
      describe: 'PEM private key (env CIM_TLS_KEY)',
    })
    .option('tls-ca', {
      type: 'string',
      default: process.env.CIM_TLS_CA,
      describe: 'CA trusted inside the cluster; default the certificate itself (env CIM_TLS_CA)',
    });
}

/**
 * Route limits (env CIM_SEND_RATE, CIM_SEND_BURST, CIM_LOGIN_IP_LIMIT, CIM_LOGIN_FAILURE_LIMIT,
 * CIM_REGISTER_IP_LIMIT, CIM_GROUP_CREATE_LIMIT, CIM_TRUST_PROXY, CIM_CORS_ORIGIN, CIM_REQUEST_TIMEOUT_MS,
 * CIM_MAX_GROUP_MEMBERS, CIM_RECALL_WINDOW_MS, CIM_RETENTION_MS, CIM_MAX_BODY_BYTES,
 * CIM_MAX_HTTP_BODY_BYTES, CIM_MAX_DELAY_MS, CIM_SESSION_GRACE_MS, CIM_REFRESH_RETRY_MS, CIM_PUSH_TIMEOUT_MS,
 * CIM_PUSH_RETRY_MS, CIM_PUSH_RETRY_BACKLOG, CIM_LARGE_GROUP_MEMBERS). The abuse limits are counted in
 * the store, so all routes on one Redis share them.
 */
export function routeLimitOptions<T>(y: Argv<T>) {
  return y
    .option('send-rate', {
      type: 'number',
      default: envInt('CIM_SEND_RATE'),
      describe: 'messages per second per user, all routes together (default 20)',
    })
    .option('send-burst', {
      type: 'number',
      default: envInt('CIM_SEND_BURST'),
      describe: 'burst of messages per user (default 50)',
    })
    .option('login-ip-limit', {
      type: 'number',
      default: envInt('CIM_LOGIN_IP_LIMIT'),
      describe: 'password logins per client address per minute (default 30)',
    })
    .option('login-failure-limit', {
      type: 'number',
      default: envInt('CIM_LOGIN_FAILURE_LIMIT'),
      describe: 'failed logins per account per 15 minutes before it is locked (default 10)',
    })
    .option('register-ip-limit', {
      type: 'number',
      default: envInt('CIM_REGISTER_IP_LIMIT'),
      describe: 'registrations per client address per hour (default 20)',
    })
    .option('group-create-limit', {
      type: 'number',
      default: envInt('CIM_GROUP_CREATE_LIMIT'),
      describe: 'groups a user may create per hour (default 30)',
    })
    .option('trust-proxy', {
      type: 'string',
      default: process.env.CIM_TRUST_PROXY || undefined,
      describe: 'proxies whose X-Forwarded-For names the client: hop count (1), "loopback" or subnets (default: none)',
    })
    .option('cors-origin', {
      type: 'string',
      default: process.env.CIM_CORS_ORIGIN || undefined,
      describe:
        'comma-separated origins whose pages may call the public API from a browser, or * (CORS; default: none)',
    })
    .option('request-timeout-ms', {
      type: 'number',
      default: envInt('CIM_REQUEST_TIMEOUT_MS'),
      describe: 'time to send a whole HTTP request before a 408 (default 30000)',
    })
    .option('max-group-members', {
      type: 'number',
      default: envInt('CIM_MAX_GROUP_MEMBERS'),
      describe: 'group size limit (default 10000)',
    })
    .option('large-group-members', {
      type: 'number',
      default: envInt('CIM_LARGE_GROUP_MEMBERS'),
      describe:
        'a group with this many members becomes large: its messages are stored once, not per member (default 100)',
    })
    .option('recall-window-ms', {
      type: 'number',
      default: envInt('CIM_RECALL_WINDOW_MS'),
      describe: 'how long a message can be recalled (default 120000)',
    })
    .option('retention-ms', {
      type: 'number',
      default: envInt('CIM_RETENTION_MS'),
      describe: 'how long messages stay in sync streams (default 7 days)',
    })
    .option('max-body-bytes', {
      type: 'number',
      default: envInt('CIM_MAX_BODY_BYTES'),
      describe: 'largest message body in UTF-8 bytes (default 4096)',
    })
    .option('max-http-body-bytes', {
      type: 'number',
      default: envInt('CIM_MAX_HTTP_BODY_BYTES'),
      describe: 'largest HTTP request body (default 65536)',
    })
    .option('max-delay-ms', {
      type: 'number',
      default: envInt('CIM_MAX_DELAY_MS'),
      describe: 'how far ahead a delayed message may be scheduled (default 30 days)',
    })
    .option('session-grace-ms', {
      type: 'number',
      default: envInt('CIM_SESSION_GRACE_MS'),
      describe:
        'how long a session outlives its dropped connection, so the device can refresh or reconnect with its token (default 300000)',
    })
    .option('refresh-retry-ms', {
      type: 'number',
      default: envInt('CIM_REFRESH_RETRY_MS'),
      describe:
        'how long a refresh with the token a refresh replaced gets the same answer again, until the new token is used (default 60000)',
    })
    .option('push-timeout-ms', {
      type: 'number',
      default: envInt('CIM_PUSH_TIMEOUT_MS'),
      describe: 'how long a push to a push server may stay unanswered before it is retried (default 5000)',
    })
    .option('push-retry-ms', {
      type: 'number',
      default: envInt('CIM_PUSH_RETRY_MS'),
      describe:
        'how long messages a push server failed to take are pushed to it again, with backoff, before its devices are left to sync (default 120000)',
    })
    .option('push-retry-backlog', {
      type: 'number',
      default: envInt('CIM_PUSH_RETRY_BACKLOG'),
      describe: 'deliveries kept for retry per failing push server; past it the oldest are dropped (default 10000)',
    });
}

export interface RouteLimitArgs {
  'send-rate'?: number;
  'send-burst'?: number;
  'login-ip-limit'?: number;
  'login-failure-limit'?: number;
  'register-ip-limit'?: number;
  'group-create-limit'?: number;
  'trust-proxy'?: string;
  'cors-origin'?: string;
  'request-timeout-ms'?: number;
  'max-group-members'?: number;
  'large-group-members'?: number;
  'recall-window-ms'?: number;
  'retention-ms'?: number;
  'max-body-bytes'?: number;
  'max-http-body-bytes'?: number;
  'max-delay-ms'?: number;
  'session-grace-ms'?: number;
  'refresh-retry-ms'?: number;
  'push-timeout-ms'?: number;
  'push-retry-ms'?: number;
  'push-retry-backlog'?: number;
}

export function routeLimits(args: RouteLimitArgs) {
  return {
    sendRatePerSec: args['send-rate'],
    sendBurst: args['send-burst'],
    loginsPerIpPerMinute: args['login-ip-limit'],
    loginFailuresPerAccount: args['login-failure-limit'],
    registrationsPerIpPerHour: args['register-ip-limit'],
    groupsPerUserPerHour: args['group-create-limit'],
    trustProxy: args['trust-proxy'],
    corsOrigins: listArg(args['cors-origin']),
    requestTimeoutMs: args['request-timeout-ms'],
    maxGroupMembers: args['max-group-members'],
    largeGroupMembers: args['large-group-members'],
    recallWindowMs: args['recall-window-ms'],
    maxBodyChars: args['max-body-bytes'],
    maxHttpBodyBytes: args['max-http-body-bytes'],
    maxDelayMs: args['max-delay-ms'],
    sessionGraceMs: args['session-grace-ms'],
    refreshRetryMs: args['refresh-retry-ms'],
    pushTimeoutMs: args['push-timeout-ms'],
    pushRetryMs: args['push-retry-ms'],
    pushRetryBacklog: args['push-retry-backlog'],
  };
}

/**
 * Push server limits (env CIM_MAX_CONNECTIONS, CIM_MAX_CONNECTIONS_PER_IP, CIM_MAX_PENDING_LOGINS_PER_IP,
 * CIM_LOGIN_TIMEOUT_MS, CIM_INBOUND_FRAME_RATE, CIM_INBOUND_FRAME_BURST, CIM_MAX_FRAME_BYTES,
 * CIM_MAX_OUTBOUND_BYTES, CIM_CLOSE_GRACE_MS, CIM_LOGIN_CHECK_TIMEOUT_MS, CIM_MAX_HELD_FRAMES). Absent ones keep
 * the server's defaults.
 */
export function pushServerLimitOptions<T>(y: Argv<T>) {
  return y
    .option('max-connections', {
      type: 'number',
      default: envInt('CIM_MAX_CONNECTIONS'),
      describe: 'client connections per push server (default: open-file limit - 64)',
    })
    .option('max-connections-per-ip', {
      type: 'number',
      default: envInt('CIM_MAX_CONNECTIONS_PER_IP'),
      describe: 'connections per client address (default: max-connections / 8)',
    })
    .option('max-pending-logins-per-ip', {
      type: 'number',
      default: envInt('CIM_MAX_PENDING_LOGINS_PER_IP'),
      describe: 'connections per client address not yet logged in (default 64)',
    })
    .option('login-timeout-ms', {
      type: 'number',
      default: envInt('CIM_LOGIN_TIMEOUT_MS'),
      describe: 'time to send Login after connecting (default 10000)',
    })
    .option('inbound-frame-rate', {
      type: 'number',
      default: envInt('CIM_INBOUND_FRAME_RATE'),
      describe: 'frames per second a connection may send (default 50)',
    })
    .option('inbound-frame-burst', {
      type: 'number',
      default: envInt('CIM_INBOUND_FRAME_BURST'),
      describe: 'burst of frames a connection may send (default 100)',
    })
    .option('max-frame-bytes', {
      type: 'number',
      default: envInt('CIM_MAX_FRAME_BYTES'),
      describe: 'largest frame accepted (default 65536)',
    })
    .option('max-outbound-bytes', {
      type: 'number',
      default: envInt('CIM_MAX_OUTBOUND_BYTES'),
      describe: 'bytes queued for a connection before it is a slow consumer (default 4194304)',
    })
    .option('close-grace-ms', {
      type: 'number',
      default: envInt('CIM_CLOSE_GRACE_MS'),
      describe: 'how long a closing connection may take to read its last frames (default 2000)',
    })
    .option('login-check-timeout-ms', {
      type: 'number',
      default: envInt('CIM_LOGIN_CHECK_TIMEOUT_MS'),
      describe:
        'how long a TCP Login waits for the route to confirm its session before Error{UNAVAILABLE} (default 5000)',
    })
    .option('max-held-frames', {
      type: 'number',
      default: envInt('CIM_MAX_HELD_FRAMES'),
      describe: 'frames a client may send behind Login before LoginOk; one more closes it (default 32)',
    });
}

export interface PushServerLimitArgs {
  'max-connections'?: number;
  'max-connections-per-ip'?: number;
  'max-pending-logins-per-ip'?: number;
  'login-timeout-ms'?: number;
  'inbound-frame-rate'?: number;
  'inbound-frame-burst'?: number;
  'max-frame-bytes'?: number;
  'max-outbound-bytes'?: number;
  'close-grace-ms'?: number;
  'login-check-timeout-ms'?: number;
  'max-held-frames'?: number;
}

export function pushServerLimits(args: PushServerLimitArgs) {
  return {
    maxConnections: args['max-connections'],
    maxConnectionsPerIp: args['max-connections-per-ip'],
    maxPendingLoginsPerIp: args['max-pending-logins-per-ip'],
    loginTimeoutMs: args['login-timeout-ms'],
    inboundFramesPerSec: args['inbound-frame-rate'],
    inboundFrameBurst: args['inbound-frame-burst'],
    maxFrameBytes: args['max-frame-bytes'],
    maxOutboundBytes: args['max-outbound-bytes'],
    closeGraceMs: args['close-grace-ms'],
    loginCheckTimeoutMs: args['login-check-timeout-ms'],
    maxHeldFrames: args['max-held-frames'],
  };
}

/** A comma-separated list flag (`a,b`), or undefined when absent or empty. */
export function listArg(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items && items.length > 0 ? items : undefined;
}

/**
 * The push server's WebSocket listener (env CIM_WS_PORT, CIM_WS_ORIGINS). `defaultPort` is what a
 * command without the flag or env var gets: `cim up` turns the listener on, `cim server` does not.
 */
export function webSocketOptions<T>(y: Argv<T>, defaultPort?: number) {
  return y
    .option('ws-port', {
      type: 'number',
      default: envInt('CIM_WS_PORT') ?? defaultPort,
      describe: `WebSocket listener for browsers, upgrades on / (0 = any free port; env CIM_WS_PORT)${
        defaultPort === undefined ? '; none when absent' : ''
      }`,
    })
    .option('ws-origins', {
      type: 'string',
      default: process.env.CIM_WS_ORIGINS,
      describe:
        'comma-separated Origins allowed to open a WebSocket, e.g. https://chat.example.com (env CIM_WS_ORIGINS); any when absent',
    });
}

export interface WebSocketArgs {
  'ws-port'?: number;
  'ws-origins'?: string;
}

export function webSocketSettings(args: WebSocketArgs): { wsPort?: number; wsOrigins?: string[] } {
  return { wsPort: args['ws-port'], wsOrigins: listArg(args['ws-origins']) };
}

export interface TlsArgs {
  'tls-cert'?: string;
  'tls-key'?: string;
  'tls-ca'?: string;
}
