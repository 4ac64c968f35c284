/** An HTTP answer: its status and its body, parsed as JSON when it is JSON. */
export interface JsonAnswer {
  status: number;
  data: unknown;
}

/**
 * JSON requests to one base URL. Every HTTP status is an answer (the caller looks at `status`);
 * a request fails only when no answer came: unreachable, reset, timed out, or `signal` aborted.
 */
export interface JsonRequester {
  request(
    method: 'get' | 'post' | 'delete',
    path: string,
    body: unknown,
    headers?: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<JsonAnswer>;
}

/** How a platform makes a `JsonRequester` for the route at `baseUrl`. */
export type JsonRequesterFactory = (
  baseUrl: string,
  options: { timeoutMs: number; ca?: string | Uint8Array },
) => JsonRequester;

/** A route answer larger than this is refused rather than buffered. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** JSON when the body is JSON, its text otherwise, undefined when empty. */
export function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
