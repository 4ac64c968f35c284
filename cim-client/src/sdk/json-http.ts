import http from 'node:http';
import https from 'node:https';

/** An HTTP answer: its status and its body, parsed as JSON when it is JSON. */
export interface JsonAnswer {
  status: number;
  data: unknown;
}

/** A route answer larger than this is refused rather than buffered. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * JSON requests over Node's own http/https: the SDK needs no HTTP library, so embedding it pulls in
 * no further packages. Keep-alive agents (no TCP handshake per call), no redirects, and every HTTP
 * status is an answer — the caller looks at `status`. Fails only when no answer came: unreachable,
 * reset, `timeoutMs` without a byte from the route, or `signal` aborted.
 */
export class JsonHttp {
  private readonly agent: http.Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly options: { timeoutMs: number; ca?: string | Buffer },
  ) {
    this.agent = baseUrl.startsWith('https:')
      ? new https.Agent({ keepAlive: true, maxSockets: 64, ...(options.ca ? { ca: options.ca } : {}) })
      : new http.Agent({ keepAlive: true, maxSockets: 64 });
  }

  request(
    method: 'get' | 'post' | 'delete',
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<JsonAnswer> {
    const url = new URL(this.baseUrl + path);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: method.toUpperCase(),
          agent: this.agent,
          signal,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) req.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
            else chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, data: parseBody(Buffer.concat(chunks)) }));
          res.on('error', reject);
        },
      );
      req.setTimeout(this.options.timeoutMs);
      req.on('timeout', () => req.destroy(new Error(`timeout of ${this.options.timeoutMs}ms exceeded`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** JSON when the body is JSON, its text otherwise, undefined when empty. */
function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
