import type { ServerResponse } from 'node:http';

/**
 * Answers with `value` as JSON, as Express's `res.json` would (without an ETag, which the API does
 * not use), on any Node response: also on the requests that do not go through Express.
 */
export function writeJson(res: ServerResponse, status: number, value: unknown): void {
  const json = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
