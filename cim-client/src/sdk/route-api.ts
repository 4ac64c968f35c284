import {
  CimError,
  errorFromWire,
  ErrorCodes,
  type ChatMessage,
  type Destination,
  type LoginAnswer,
  type ScheduledAnswer,
  type SendAnswer,
} from '@cim/common';
import { JsonHttp } from './json-http.js';

export type { ScheduledAnswer, SendAnswer };

/** What the route answers to a login. */
export type LoginInfo = LoginAnswer;

export interface Group {
  groupId: string;
  name: string;
  ownerId: string;
  memberIds: string[];
  createdAt: number;
  /** Anyone may find and join a public group; a private one lets in only those a member invites. */
  public: boolean;
}

/** A public group as anyone sees it in the listing: no member list. */
export interface PublicGroup {
  groupId: string;
  name: string;
  ownerId: string;
  memberCount: number;
  createdAt: number;
}

export interface ConversationSummary {
  conversationId: string;
  lastSeq: string;
  readSeq: string;
  unread: number;
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
  private readonly http: JsonHttp;
  token: string | undefined;

  constructor(
    readonly baseUrl: string,
    options: { timeoutMs?: number; ca?: string | Buffer } = {},
  ) {
    this.http = new JsonHttp(`${baseUrl.replace(/\/$/, '')}/api/v1`, {
      timeoutMs: options.timeoutMs ?? 10_000,
      ca: options.ca,
    });
  }

  register(userName: string, password: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.call('post', '/accounts', { userName, password }, signal);
  }

  login(userName: string, password: string, deviceId: string, signal?: AbortSignal): Promise<LoginInfo> {
    return this.call('post', '/sessions', { userName, password, deviceId }, signal);
  }

  /** A new session for this token's device, without the password (see `POST /sessions/refresh`). */
  refresh(signal?: AbortSignal): Promise<LoginInfo> {
    return this.call('post', '/sessions/refresh', undefined, signal);
  }

  logout(signal?: AbortSignal): Promise<void> {
    return this.call('delete', '/sessions/current', undefined, signal);
  }

  send(to: Destination, body: string, clientMsgId: string, signal?: AbortSignal): Promise<SendAnswer> {
    return this.call('post', '/messages', { to, body, clientMsgId }, signal);
  }

  /** Schedules for `deliverAt`; a time already past sends at once (a normal send answer). */
  schedule(
    to: Destination,
    body: string,
    clientMsgId: string,
    deliverAt: number,
    signal?: AbortSignal,
  ): Promise<ScheduledAnswer | SendAnswer> {
    return this.call('post', '/messages', { to, body, clientMsgId, deliverAt }, signal);
  }

  recall(msgId: string, signal?: AbortSignal): Promise<void> {
    return this.call('post', `/messages/${encodeURIComponent(msgId)}/recall`, undefined, signal);
  }

  conversations(signal?: AbortSignal): Promise<{ conversations: ConversationSummary[] }> {
    return this.call('get', '/conversations', undefined, signal);
  }

  history(
    conversationId: string,
    options: { beforeSeq?: string; limit?: number; q?: string } = {},
    signal?: AbortSignal,
  ): Promise<{ messages: ChatMessage[] }> {
    const query = new URLSearchParams();
    if (options.beforeSeq) query.set('beforeSeq', options.beforeSeq);
    if (options.limit) query.set('limit', String(options.limit));
    if (options.q) query.set('q', options.q);
    return this.call(
      'get',
      `/conversations/${encodeURIComponent(conversationId)}/messages?${query}`,
      undefined,
      signal,
    );
  }

  markRead(conversationId: string, seq: string, signal?: AbortSignal): Promise<void> {
    return this.call('post', `/conversations/${encodeURIComponent(conversationId)}/read`, { seq }, signal);
  }

  /** Creates a group with the caller as owner; private unless `options.public`. */
  createGroup(
    name: string,
    memberIds: string[],
    options: { public?: boolean } = {},
    signal?: AbortSignal,
  ): Promise<Group> {
    return this.call('post', '/groups', { name, memberIds, public: options.public === true }, signal);
  }

  /** Public groups by id, a page at a time: pass the previous page's `nextCursor` as `after`. */
  publicGroups(
    options: { after?: string; limit?: number } = {},
    signal?: AbortSignal,
  ): Promise<{ groups: PublicGroup[]; nextCursor: string | null }> {
    const query = new URLSearchParams();
    if (options.after) query.set('after', options.after);
    if (options.limit) query.set('limit', String(options.limit));
    return this.call('get', `/groups/public?${query}`, undefined, signal);
  }

  myGroups(signal?: AbortSignal): Promise<{ groups: Group[] }> {
    return this.call('get', '/groups', undefined, signal);
  }

  group(groupId: string, signal?: AbortSignal): Promise<Group> {
    return this.call('get', `/groups/${encodeURIComponent(groupId)}`, undefined, signal);
  }

  /**
   * Joins a public group. A private group answers CIM_ERR_NOT_FOUND unless the caller is already
   * in it: a member has to invite them.
   */
  joinGroup(groupId: string, signal?: AbortSignal): Promise<Group> {
    return this.invite(groupId, [], signal);
  }

  /** Adds users to a group the caller is a member of (any member may); with none, joins it. */
  invite(groupId: string, userIds: string[], signal?: AbortSignal): Promise<Group> {
    return this.call('post', `/groups/${encodeURIComponent(groupId)}/members`, { userIds }, signal);
  }

  /** Removes a member (yourself: leave). */
  removeMember(groupId: string, userId: string, signal?: AbortSignal): Promise<Group> {
    return this.call(
      'delete',
      `/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(userId)}`,
      undefined,
      signal,
    );
  }

  dissolveGroup(groupId: string, signal?: AbortSignal): Promise<void> {
    return this.call('delete', `/groups/${encodeURIComponent(groupId)}`, undefined, signal);
  }

  sync(after: string, limit: number, signal?: AbortSignal): Promise<SyncAnswer> {
    return this.call('get', `/sync?after=${encodeURIComponent(after)}&limit=${limit}`, undefined, signal);
  }

  onlineUsers(
    cursor = '0',
    limit = 100,
    signal?: AbortSignal,
  ): Promise<{ users: UserSummary[]; nextCursor: string | null }> {
    return this.call('get', `/users/online?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, undefined, signal);
  }

  findUsers(prefix: string, limit = 20, signal?: AbortSignal): Promise<{ users: UserSummary[] }> {
    return this.call('get', `/users?prefix=${encodeURIComponent(prefix)}&limit=${limit}`, undefined, signal);
  }

  userByName(userName: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.call('get', `/users/${encodeURIComponent(userName)}`, undefined, signal);
  }

  private async call<T>(
    method: 'get' | 'post' | 'delete',
    path: string,
    data: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    let res;
    try {
      res = await this.http.request(
        method,
        path,
        data,
        this.token ? { authorization: `Bearer ${this.token}` } : undefined,
        signal,
      );
    } catch (err) {
      if (signal?.aborted) throw new CimError(ErrorCodes.CLOSED, 'aborted', { cause: err });
      throw new CimError(ErrorCodes.UNAVAILABLE, `route ${this.baseUrl} is unreachable: ${(err as Error).message}`, {
        cause: err,
      });
    }
    if (res.status >= 200 && res.status < 300) return res.data as T;
    const body = res.data as { code?: string; message?: string } | undefined;
    throw errorFromWire({
      code: body?.code ?? ErrorCodes.INTERNAL,
      message: body?.message ?? `route answered HTTP ${res.status}`,
    });
  }
}
