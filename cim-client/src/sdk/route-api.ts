import {
  CimError,
  errorFromWire,
  ErrorCodes,
  type ChatMessage,
  type ConversationSummary,
  type Destination,
  type ClientTransportName,
  type Group,
  type LargeGroupPosition,
  type LoginAnswer,
  type PublicGroup,
  type ScheduledAnswer,
  type SendAnswer,
  type SyncAnswer,
  type UserSummary,
} from '@cim/common/client';
import type { JsonRequester, JsonRequesterFactory } from './json-request.js';

export type {
  ConversationSummary,
  Group,
  LargeGroupPosition,
  PublicGroup,
  ScheduledAnswer,
  SendAnswer,
  SyncAnswer,
  UserSummary,
};

/** A page of a conversation by seq, oldest first; `expired` when what came right after the asked seq is gone. */
export interface ConversationPage {
  messages: ChatMessage[];
  expired?: boolean;
}

/** What the route answers to a login. */
export type LoginInfo = LoginAnswer;

/** TCP is what the route assumes when asked nothing, so only a WebSocket login says which it wants. */
function transportField(transport: ClientTransportName): { transport?: ClientTransportName } {
  return transport === 'tcp' ? {} : { transport };
}

export interface RouteApiOptions {
  /** How long a request may go without an answer (default 10 s). */
  timeoutMs?: number;
  /** Trust for the route's HTTPS on Node (browsers use their own). */
  ca?: string | Uint8Array;
}

/**
 * A thin typed client of the route's public HTTP API. Errors become `CimError`s with the route's
 * code. The same code on every platform: the package's entries give it their HTTP client.
 */
export class PortableRouteApi {
  private readonly http: JsonRequester;
  /** The session token sent with every call (set by a login, a refresh, or the app). */
  token: string | undefined;

  constructor(
    readonly baseUrl: string,
    options: RouteApiOptions & { http: JsonRequesterFactory },
  ) {
    this.http = options.http(`${baseUrl.replace(/\/$/, '')}/api/v1`, {
      timeoutMs: options.timeoutMs ?? 10_000,
      ca: options.ca,
    });
  }

  /** Creates an account (no session: log in next). CIM_ERR_USER_EXISTS when the name is taken. */
  register(userName: string, password: string, signal?: AbortSignal): Promise<UserSummary> {
    return this.call('post', '/accounts', { userName, password }, signal);
  }

  /**
   * Logs in: a session for (user, device) and the push server to connect to. `transport: 'ws'`
   * asks for a server with a WebSocket listener (its URL is `server.wsUrl`).
   */
  login(
    userName: string,
    password: string,
    deviceId: string,
    signal?: AbortSignal,
    transport: ClientTransportName = 'tcp',
  ): Promise<LoginInfo> {
    return this.call('post', '/sessions', { userName, password, deviceId, ...transportField(transport) }, signal);
  }

  /**
   * A new session for this token's device, without the password (see `POST /sessions/refresh`).
   * Fails with CIM_ERR_SESSION_ENDED (or BAD_TOKEN, TOKEN_EXPIRED) once the session is over.
   */
  refresh(signal?: AbortSignal, transport: ClientTransportName = 'tcp'): Promise<LoginInfo> {
    const body = transportField(transport);
    return this.call('post', '/sessions/refresh', Object.keys(body).length ? body : undefined, signal);
  }

  /** Ends this token's session: a later refresh with it answers CIM_ERR_SESSION_ENDED. */
  logout(signal?: AbortSignal): Promise<void> {
    return this.call('delete', '/sessions/current', undefined, signal);
  }

  /** Sends over HTTP; the same `clientMsgId` is stored once however often it is sent. */
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

  /** Recalls one of this user's messages (within the route's recall window). */
  recall(msgId: string, signal?: AbortSignal): Promise<void> {
    return this.call('post', `/messages/${encodeURIComponent(msgId)}/recall`, undefined, signal);
  }

  /** This user's conversations with their last seq, read seq and unread count. */
  conversations(signal?: AbortSignal): Promise<{ conversations: ConversationSummary[] }> {
    return this.call('get', '/conversations', undefined, signal);
  }

  /** A conversation's messages before `beforeSeq`, newest first, optionally filtered by keyword `q`. */
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

  /** Marks a conversation read up to `seq`; the other participants get a READ receipt. */
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

  /** The groups this user is a member of. */
  myGroups(signal?: AbortSignal): Promise<{ groups: Group[] }> {
    return this.call('get', '/groups', undefined, signal);
  }

  /** One group this user may see (a member, or a public group). */
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

  /** Dissolves a group (its owner only). */
  dissolveGroup(groupId: string, signal?: AbortSignal): Promise<void> {
    return this.call('delete', `/groups/${encodeURIComponent(groupId)}`, undefined, signal);
  }

  /**
   * A conversation's messages after `afterSeq`, oldest first, at most `limit` (members only). When
   * the messages right after `afterSeq` are no longer kept, the page starts at the oldest kept one
   * and says `expired: true`.
   */
  messagesAfter(
    conversationId: string,
    afterSeq: string,
    limit: number,
    signal?: AbortSignal,
  ): Promise<ConversationPage> {
    const query = new URLSearchParams({ afterSeq, limit: String(limit) });
    return this.call(
      'get',
      `/conversations/${encodeURIComponent(conversationId)}/messages?${query}`,
      undefined,
      signal,
    );
  }

  /**
   * This device's sync stream after cursor `after`, a page of at most `limit` messages. The last
   * page (`hasMore: false`) also lists the user's large groups, whose messages are not in the stream.
   */
  sync(after: string, limit: number, signal?: AbortSignal): Promise<SyncAnswer> {
    return this.call('get', `/sync?after=${encodeURIComponent(after)}&limit=${limit}`, undefined, signal);
  }

  /** Users online now, a page at a time from `cursor` ("0" first; the answer's `nextCursor` next, null at the end). */
  onlineUsers(
    cursor = '0',
    limit = 100,
    signal?: AbortSignal,
  ): Promise<{ users: UserSummary[]; nextCursor: string | null }> {
    return this.call('get', `/users/online?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, undefined, signal);
  }

  /** Users whose name starts with `prefix`. */
  findUsers(prefix: string, limit = 20, signal?: AbortSignal): Promise<{ users: UserSummary[] }> {
    return this.call('get', `/users?prefix=${encodeURIComponent(prefix)}&limit=${limit}`, undefined, signal);
  }

  /** Looks a user up by exact name; CIM_ERR_USER_NOT_FOUND when there is none. */
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
