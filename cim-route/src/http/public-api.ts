import { Router, type NextFunction, type Request, type Response } from 'express';
import { bearerToken, CimError, ErrorCodes, type TokenClaims } from '@cim/common';
import type { AbuseLimits } from '../abuse-limits.js';
import type { RouteConfig } from '../config.js';
import type { Accounts } from '../services/accounts.js';
import type { DeviceSync } from '../services/device-sync.js';
import type { Conversations } from '../services/conversations.js';
import type { Groups } from '../services/groups.js';
import type { Messages } from '../services/messages.js';
import type { Presence } from '../delivery/index.js';
import type { Receipts } from '../services/receipts.js';
import type { GroupRecord } from '../store/types.js';
import type { RouteStore } from '../store/types.js';
import { parse } from './errors.js';
import {
  addMembersBody,
  conversationsQuery,
  createGroupBody,
  historyQuery,
  idParam,
  loginBody,
  onlineQuery,
  prefixQuery,
  publicGroupsQuery,
  readBody,
  refreshBody,
  registerBody,
  sendBody,
  syncQuery,
} from './schemas.js';

export interface PublicApiContext {
  config: RouteConfig;
  store: RouteStore;
  limits: AbuseLimits;
  accounts: Accounts;
  messages: Messages;
  groups: Groups;
  conversations: Conversations;
  receipts: Receipts;
  presence: Presence;
  deviceSync: DeviceSync;
}

type AuthedRequest = Request & { user?: TokenClaims };

/** The client-facing API under /api/v1 (docs/protocol.md#client-http-api). */
export function publicApi(ctx: PublicApiContext): Router {
  const api = Router();
  const send = sendBody(ctx.config.maxBodyChars);

  const auth = async (req: AuthedRequest, _res: Response, next: NextFunction) => {
    req.user = await ctx.accounts.authenticate(bearerToken(req.headers.authorization));
    next();
  };
  const user = (req: AuthedRequest): TokenClaims => req.user!;

  api.post('/accounts', async (req, res) => {
    const body = parse(registerBody, req.body);
    await ctx.limits.registration(clientIp(req));
    res.status(201).json(await ctx.accounts.register(body.userName, body.password));
  });

  api.post('/sessions', async (req, res) => {
    const body = parse(loginBody, req.body);
    const login = () => ctx.accounts.login(body.userName, body.password, body.deviceId ?? 'default', body.transport);
    res.json(await ctx.limits.login(clientIp(req), body.userName, login));
  });

  api.post('/sessions/refresh', async (req, res) => {
    const body = parse(refreshBody, req.body);
    res.json(await ctx.accounts.refresh(bearerToken(req.headers.authorization), body.transport));
  });

  api.delete('/sessions/current', auth, async (req: AuthedRequest, res) => {
    await ctx.accounts.logout(user(req));
    res.status(204).end();
  });

  api.get('/users/online', auth, async (req, res) => {
    const query = parse(onlineQuery, req.query);
    const page = await ctx.presence.onlineUsers(query.cursor, query.limit);
    res.json({ users: page.users, nextCursor: page.nextOffset === null ? null : String(page.nextOffset) });
  });

  api.get('/users', auth, async (req, res) => {
    const query = parse(prefixQuery, req.query);
    const users = await ctx.store.users.findByPrefix(query.prefix, query.limit);
    res.json({ users: users.map((u) => ({ userId: u.userId, userName: u.userName })) });
  });

  api.get('/users/:name', auth, async (req, res) => {
    const found = await ctx.store.users.getByName(String(req.params.name));
    if (!found) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user named ${req.params.name}`);
    res.json({ userId: found.userId, userName: found.userName });
  });

  api.post('/messages', auth, async (req: AuthedRequest, res) => {
    const body = parse(send, req.body);
    const answer = await ctx.messages.sendInBatch(user(req), body);
    res.status('scheduled' in answer ? 202 : 200).json(answer);
  });

  api.post('/messages/:msgId/recall', auth, async (req: AuthedRequest, res) => {
    await ctx.messages.recall(user(req).uid, parse(idParam, req.params.msgId));
    res.status(204).end();
  });

  api.get('/conversations', auth, async (req: AuthedRequest, res) => {
    const query = parse(conversationsQuery, req.query);
    res.json({ conversations: await ctx.conversations.list(user(req).uid, query.limit) });
  });

  api.get('/conversations/:id/messages', auth, async (req: AuthedRequest, res) => {
    const query = parse(historyQuery, req.query);
    if (query.afterSeq !== undefined) {
      res.json(await ctx.conversations.after(user(req).uid, String(req.params.id), query.afterSeq, query.limit));
      return;
    }
    const messages = await ctx.conversations.history(user(req).uid, String(req.params.id), {
      beforeSeq: query.beforeSeq,
      limit: query.limit,
      keyword: query.q,
    });
    res.json({ messages });
  });

  api.post('/conversations/:id/read', auth, async (req: AuthedRequest, res) => {
    const body = parse(readBody, req.body);
    await ctx.receipts.read(user(req).uid, String(req.params.id), body.seq);
    res.status(204).end();
  });

  api.post('/groups', auth, async (req: AuthedRequest, res) => {
    const body = parse(createGroupBody, req.body);
    await ctx.limits.groupCreation(user(req).uid);
    res.status(201).json(groupJson(await ctx.groups.create(user(req), body.name, body.memberIds, body.public)));
  });

  api.get('/groups', auth, async (req: AuthedRequest, res) => {
    res.json({ groups: (await ctx.groups.mine(user(req).uid)).map(groupJson) });
  });

  // Before '/groups/:id', which would take "public" for an id.
  api.get('/groups/public', auth, async (req, res) => {
    const query = parse(publicGroupsQuery, req.query);
    const groups = await ctx.groups.publicGroups(query.after, query.limit);
    const nextCursor = groups.length === query.limit ? groups[groups.length - 1].groupId : null;
    res.json({ groups: groups.map(publicGroupJson), nextCursor });
  });

  api.get('/groups/:id', auth, async (req: AuthedRequest, res) => {
    res.json(groupJson(await ctx.groups.getAsMember(user(req).uid, parse(idParam, req.params.id))));
  });

  api.post('/groups/:id/members', auth, async (req: AuthedRequest, res) => {
    const body = parse(addMembersBody, req.body ?? {});
    res.json(groupJson(await ctx.groups.add(user(req), parse(idParam, req.params.id), body.userIds)));
  });

  api.delete('/groups/:id/members/:userId', auth, async (req: AuthedRequest, res) => {
    const group = await ctx.groups.remove(
      user(req).uid,
      parse(idParam, req.params.id),
      parse(idParam, req.params.userId),
    );
    res.json(groupJson(group));
  });

  api.delete('/groups/:id', auth, async (req: AuthedRequest, res) => {
    await ctx.groups.dissolve(user(req).uid, parse(idParam, req.params.id));
    res.status(204).end();
  });

  api.get('/sync', auth, async (req: AuthedRequest, res) => {
    const query = parse(syncQuery, req.query);
    const limit = Math.min(query.limit, ctx.config.syncPageMax);
    // A cursor nobody was given would read nothing until the stream grew past it: refused, as at TCP Login.
    await ctx.deviceSync.checkCursor(user(req).uid, query.after);
    const page = await ctx.messages.sync(user(req).uid, query.after, limit);
    if (page.expired) {
      throw new CimError(
        ErrorCodes.CURSOR_EXPIRED,
        `messages after cursor ${query.after} are no longer kept (past the retention, or lost): start again from cursor 0`,
      );
    }
    const cursor = page.entries.length ? page.entries[page.entries.length - 1].cursor : query.after;
    // Large groups' messages are in no stream: the last page says where each one is to be paged.
    const largeGroups = page.hasMore ? undefined : await ctx.groups.largeGroupsOf(user(req).uid);
    res.json({ messages: page.entries, cursor, hasMore: page.hasMore, ...(largeGroups ? { largeGroups } : {}) });
  });

  return api;
}

function groupJson(group: GroupRecord) {
  return {
    groupId: group.groupId,
    name: group.name,
    ownerId: group.ownerId,
    memberIds: group.memberIds,
    createdAt: group.createdAt,
    public: group.public,
  };
}

/** What anyone may see of a public group: no member list, only how many there are. */
function publicGroupJson(group: GroupRecord) {
  return {
    groupId: group.groupId,
    name: group.name,
    ownerId: group.ownerId,
    memberCount: group.memberIds.length,
    createdAt: group.createdAt,
  };
}

/** The client's address: the socket's peer, or what trusted proxies say (`trustProxy`). */
function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
