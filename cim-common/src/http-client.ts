import http from 'node:http';
import https from 'node:https';

/** What an internal request answered: the status and the body (parsed when it is JSON). */
export interface HttpAnswer<T = unknown> {
  status: number;
  data: T;
}

/** A JSON client of CIM's internal HTTP APIs (route ↔ push servers). */
export interface HttpClient {
  /** POSTs `body` as JSON to `url` (a path is taken relative to `baseURL`); rejects only when no answer came. */
  post<T = unknown>(url: string, body: unknown): Promise<HttpAnswer<T>>;
}

/** Large fan-out batches are legitimate on the internal API. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * The client of hot internal paths, on Node's own http: keep-alive agents (no TCP handshake per
 * request), no redirects, and no throwing on HTTP error statuses — callers look at `status`
 * themselves. A request not answered within `timeoutMs` fails. (A general-purpose client costs
 * about twice the CPU per request here, which a push server pays on every batch it relays.)
 */
export function createHttpClient(
  options: { baseURL?: string; timeoutMs?: number; headers?: Record<string, string>; ca?: string | Buffer } = {},
): HttpClient {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64, ...(options.ca ? { ca: options.ca } : {}) }),
  };
  return {
    post<T>(url: string, body: unknown): Promise<HttpAnswer<T>> {
      const target = new URL(url, options.baseURL);
      const payload = Buffer.from(JSON.stringify(body));
      const send = target.protocol === 'https:' ? https.request : http.request;
      return new Promise((resolve, reject) => {
        const req = send(
          target,
          {
            method: 'POST',
            agent: agents[target.protocol as 'http:' | 'https:'],
            headers: {
              ...options.headers,
              'content-type': 'application/json',
              'content-length': payload.length,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            let bytes = 0;
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              if (bytes > MAX_ANSWER_BYTES) req.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
              else chunks.push(chunk);
            });
            res.on('error', reject);
            res.on('end', () => resolve({ status: res.statusCode ?? 0, data: parseBody(Buffer.concat(chunks)) as T }));
          },
        );
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout of ${timeoutMs} ms exceeded`)));
        req.on('error', reject);
        req.end(payload);
      });
    },
  };
}

/** JSON when it parses, else the text (an error page of a proxy, say). */
function parseBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
