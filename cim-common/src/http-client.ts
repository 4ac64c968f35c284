import { JsonHttp, type JsonAnswer } from './json-http.js';

/** A JSON client of CIM's internal HTTP APIs (route ↔ push servers). */
export interface HttpClient {
  /** POSTs `body` as JSON to `url` (a path is taken relative to `baseURL`); rejects only when no answer came. */
  post(url: string, body: unknown): Promise<JsonAnswer>;
}

/**
 * The client of hot internal paths: JsonHttp (keep-alive, no redirects, every status an answer)
 * per origin, with the given headers on every request.
 */
export function createHttpClient(
  options: { baseURL?: string; timeoutMs?: number; headers?: Record<string, string>; ca?: string | Buffer } = {},
): HttpClient {
  const byOrigin = new Map<string, JsonHttp>();
  const settings = { timeoutMs: options.timeoutMs ?? 5_000, ca: options.ca };
  return {
    post(url, body) {
      const target = new URL(url, options.baseURL);
      let http = byOrigin.get(target.origin);
      if (!http) byOrigin.set(target.origin, (http = new JsonHttp(target.origin, settings)));
      return http.request('post', `${target.pathname}${target.search}`, body, options.headers);
    },
  };
}
