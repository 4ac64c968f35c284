import { CimError, createHttpClient, ErrorCodes, type ChatMessage, type Destination, type ErrorCode } from '@cim/common';
import type { AxiosInstance } from 'axios';

/** What the route answers to a login. */
export interface LoginInfo {
  userId: string;
  userName: string;
  deviceId: string;
  sessionId: string;
  token: string;
  expiresAt: number;
  server: { id: string; host: string; tcpPort: number };
  heartbeatMs: number;
}

export interface SendAnswer {
  msgId: string;
  conversationId: string;
  seq: string;
  ts: string;
  clientMsgId: string;
}

export interface UserSummary {
  userId: string;
  userName: string;
}

export interface SyncAnswer {
  messages: { cursor: string; message: ChatMessage }[];
  cursor: string;
  hasMore: boolean;
}

/** A thin typed client of the route's public HTTP API. Errors become `CimError`s with the route's code. */
export class RouteApi {
  private readonly http: AxiosInstance;
  token: string | undefined;

  constructor(readonly baseUrl: string, options: { timeoutMs?: number } = {}) {
    this.http = createHttpClient({ baseURL: `${baseUrl.replace(/\/$/, '')}/api/v1`, timeoutMs: options.timeoutMs ?? 10_000 });
  }

  register(userName: string, password: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.call('post', '/accounts', { userName, password }, signal);
  }

  login(userName: string, password: string, deviceId: string, signal?: AbortSignal): Promise<LoginInfo> {
    return this.call('post', '/sessions', { userName, password, deviceId }, signal);
  }

  logout(signal?: AbortSignal): Promise<void> {
    return this.call('delete', '/sessions/current', undefined, signal);
  }

  send(to: Destination, body: string, clientMsgId: string, signal?: AbortSignal): Promise<SendAnswer> {
    return this.call('post', '/messages', { to, body, clientMsgId }, signal);
  }

  sync(after: string, limit: number, signal?: AbortSignal): Promise<SyncAnswer> {
    return this.call('get', `/sync?after=${encodeURIComponent(after)}&limit=${limit}`, undefined, signal);
  }

  onlineUsers(cursor = '0', limit = 100, signal?: AbortSignal): Promise<{ users: UserSummary[]; nextCursor: string | null }> {
    return this.call('get', `/users/online?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, undefined, signal);
  }

  findUsers(prefix: string, limit = 20, signal?: AbortSignal): Promise<{ users: UserSummary[] }> {
    return this.call('get', `/users?prefix=${encodeURIComponent(prefix)}&limit=${limit}`, undefined, signal);
  }

  userByName(userName: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.call('get', `/users/${encodeURIComponent(userName)}`, undefined, signal);
  }

  private async call<T>(method: 'get' | 'post' | 'delete', path: string, data: unknown, signal?: AbortSignal): Promise<T> {
    let res;
    try {
      res = await this.http.request({
        method,
        url: path,
        data,
        signal,
        headers: this.token ? { authorization: `Bearer ${this.token}` } : undefined,
      });
    } catch (err) {
      if (signal?.aborted) throw new CimError(ErrorCodes.CLOSED, 'aborted', { cause: err });
      throw new CimError(ErrorCodes.UNAVAILABLE, `route ${this.baseUrl} is unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.status >= 200 && res.status < 300) return res.data as T;
    const body = res.data as { code?: string; message?: string } | undefined;
    throw new CimError((body?.code as ErrorCode) ?? ErrorCodes.INTERNAL, body?.message ?? `route answered HTTP ${res.status}`);
  }
}
