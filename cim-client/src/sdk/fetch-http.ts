import { parseBody, MAX_ANSWER_BYTES, type JsonAnswer, type JsonRequester } from './json-request.js';

/**
 * JSON requests over `fetch`, as browsers make them: no redirects followed, `timeoutMs` for the
 * whole request, the caller's `signal` honoured. A route on another origin than the page must
 * allow it (the route's `--cors-origin`).
 */
export class FetchHttp implements JsonRequester {
  constructor(
    private readonly baseUrl: string,
    private readonly options: { timeoutMs: number },
  ) {}

  async request(
    method: 'get' | 'post' | 'delete',
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<JsonAnswer> {
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal?.reason);
    const timer = setTimeout(
      () => stop.abort(new Error(`timeout of ${this.options.timeoutMs}ms exceeded`)),
      this.options.timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    try {
      const res = await fetch(this.baseUrl + path, {
        method: method.toUpperCase(),
        redirect: 'manual',
        signal: stop.signal,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > MAX_ANSWER_BYTES) {
        stop.abort();
        throw new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`);
      }
      return { status: res.status, data: parseBody(await res.text()) };
    } catch (err) {
      // fetch rejects with the abort reason; say what happened rather than "AbortError".
      throw stop.signal.aborted && stop.signal.reason instanceof Error ? stop.signal.reason : err;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
