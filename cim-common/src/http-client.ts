import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';

/**
 * An axios instance for hot internal paths: keep-alive agents (no TCP handshake per request),
 * no redirects, and no throwing on HTTP error statuses — callers look at `status` themselves.
 */
export function createHttpClient(
  options: { baseURL?: string; timeoutMs?: number; headers?: Record<string, string>; ca?: string | Buffer } = {},
): AxiosInstance {
  return axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 5_000,
    maxRedirects: 0,
    headers: options.headers,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64, ...(options.ca ? { ca: options.ca } : {}) }),
    validateStatus: () => true,
    // Cluster-internal hops go straight to their peer: an HTTP(S)_PROXY meant for the outside must
    // not capture them (and axios would otherwise read the proxy variables on every request).
    proxy: false,
    // Large fan-out batches are legitimate on the internal API.
    maxBodyLength: 64 * 1024 * 1024,
    maxContentLength: 64 * 1024 * 1024,
  });
}
