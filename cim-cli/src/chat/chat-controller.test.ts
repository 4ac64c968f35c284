import { EventEmitter } from 'node:events';
import { CimError, ErrorCodes, type ChatMessage, type Destination } from '@cim/common';
import { describe, expect, it, vi } from 'vitest';
import type {
  CimClientEvents,
  ConnectionState,
  ConversationSummary,
  Group,
  ScheduledAnswer,
  SendAnswer,
  UserSummary,
} from '@cim/client';
import { ChatController, type ChatClient } from './chat-controller.js';
import type { ChatLine } from './chat-view.js';
import { emojiPage } from './emoji.js';
import { PUBLIC_GROUPS_PAGE } from './group-commands.js';
import { formatMoment } from './moment.js';

const USERS: UserSummary[] = [
  { userId: '1', userName: 'alice' },
  { userId: '2', userName: 'bob' },
  { userId: '3', userName: 'carol' },
];
/** Carol is never online, so her name is known only to a look-up by name. */
const ONLINE = USERS.slice(0, 2);

/** A CimClient stand-in: records sends, answers from a script, emits what the test says. */
class FakeClient extends EventEmitter<CimClientEvents> {
  sent: { to: Destination; body: string; clientMsgId?: string }[] = [];
  sendError: Error | undefined;
  scheduled: { to: Destination; body: string; deliverAt: number }[] = [];
  recalls: string[] = [];
  recallError: Error | undefined;
  reads: [conversationId: string, seq: string][] = [];
  /** Stored messages by conversation, oldest first. */
  stored: Record<string, ChatMessage[]> = {};
  conversationList: ConversationSummary[] = [];
  conversationsError: Error | undefined;
  groups = new Map<string, Group>();
  invites: [groupId: string, userIds: string[]][] = [];
  private nextGroupId = 10;
  closed = false;
  state: ConnectionState = 'idle';

  readonly api = {
    createGroup: async (name: string, memberIds: string[], options: { public?: boolean } = {}): Promise<Group> => {
      const group = {
        groupId: String(this.nextGroupId++),
        name,
        ownerId: '1',
        memberIds: ['1', ...memberIds],
        createdAt: 0,
        public: options.public === true,
      };
      this.groups.set(group.groupId, group);
      return group;
    },
    myGroups: async (): Promise<{ groups: Group[] }> => ({
      groups: [...this.groups.values()].filter((g) => g.memberIds.includes('1')),
    }),
    group: async (groupId: string): Promise<Group> => {
      const group = this.groups.get(groupId);
      if (!group) throw new CimError(ErrorCodes.NOT_FOUND, `no group with id ${groupId}`);
      if (!group.memberIds.includes('1'))
        throw new CimError(ErrorCodes.NOT_A_MEMBER, `you are not a member of group ${groupId}`);
      return group;
    },
    publicGroups: async (options: { after?: string; limit?: number } = {}) => {
      const listed = [...this.groups.values()].filter(
        (g) => g.public && Number(g.groupId) > Number(options.after ?? 0),
      );
      const groups = listed.slice(0, options.limit).map((g) => ({ ...g, memberCount: g.memberIds.length }));
      // As the route: a full page may have more after it.
      return { groups, nextCursor: groups.length === options.limit ? groups[groups.length - 1].groupId : null };
    },
    joinGroup: async (groupId: string): Promise<Group> => {
      const group = this.groups.get(groupId);
      if (!group || !(group.public || group.memberIds.includes('1'))) {
        throw new CimError(ErrorCodes.NOT_FOUND, `no group with id ${groupId}`);
      }
      if (!group.memberIds.includes('1')) group.memberIds.push('1');
      return group;
    },
    invite: async (groupId: string, userIds: string[]): Promise<Group> => {
      this.invites.push([groupId, userIds]);
      const group = this.groups.get(groupId)!;
      group.memberIds.push(...userIds);
      return group;
    },
    removeMember: async (groupId: string, userId: string): Promise<Group> => {
      const group = this.groups.get(groupId)!;
      group.memberIds = group.memberIds.filter((id) => id !== userId);
      return group;
    },
    dissolveGroup: async (groupId: string): Promise<void> => {
      if (this.groups.get(groupId)?.ownerId !== '1')
        throw new CimError(ErrorCodes.FORBIDDEN, 'only the owner can dissolve the group');
      this.groups.delete(groupId);
    },
  };

  async schedule(to: Destination, body: string, deliverAt: number): Promise<ScheduledAnswer> {
    this.scheduled.push({ to, body, deliverAt });
    return { scheduled: true, clientMsgId: 'later', deliverAt };
  }

  async recall(msgId: string): Promise<void> {
    if (this.recallError) throw this.recallError;
    this.recalls.push(msgId);
  }

  async history(conversationId: string, options: { limit?: number; q?: string } = {}): Promise<ChatMessage[]> {
    const all = [...(this.stored[conversationId] ?? [])].reverse();
    const matching = options.q ? all.filter((m) => m.body.toLowerCase().includes(options.q!.toLowerCase())) : all;
    return matching.slice(0, options.limit ?? 50);
  }

  async conversations(): Promise<ConversationSummary[]> {
    if (this.conversationsError) throw this.conversationsError;
    return this.conversationList;
  }

  async send(to: Destination, body: string, options: { clientMsgId?: string } = {}): Promise<SendAnswer> {
    this.sent.push({ to, body, clientMsgId: options.clientMsgId });
    if (this.sendError) throw this.sendError;
    if ('broadcast' in to)
      return {
        msgId: `b${this.sent.length}`,
        conversationId: 'b',
        seq: '0',
        ts: '1000',
        clientMsgId: options.clientMsgId ?? '',
      };
    return {
      msgId: `m${this.sent.length}`,
      conversationId: 'p:1:2',
      seq: String(this.sent.length),
      ts: '1000',
      clientMsgId: options.clientMsgId ?? '',
    };
  }

  async markRead(conversationId: string, seq: string): Promise<void> {
    this.reads.push([conversationId, seq]);
  }

  async onlineUsers(): Promise<UserSummary[]> {
    return ONLINE;
  }

  async findUsers(prefix: string): Promise<UserSummary[]> {
    return USERS.filter((u) => u.userName.startsWith(prefix));
  }

  async userByName(userName: string): Promise<UserSummary> {
    const user = USERS.find((u) => u.userName === userName);
    if (!user) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user named ${userName}`);
    return user;
  }

  info() {
    return {
      userId: '1',
      userName: 'alice',
      deviceId: 'default',
      serverId: 's1',
      server: '127.0.0.1:9000',
      state: this.state,
      onlineSince: 5_000,
      reconnects: 2,
      cursor: '0',
    };
  }

  /** How the last close went: `{ logout: false }` keeps the session. */
  closeOptions: { logout?: boolean } | undefined;

  async close(options: { logout?: boolean } = {}): Promise<void> {
    this.closed = true;
    this.closeOptions = options;
    this.setState('closed');
  }

  setState(state: ConnectionState): void {
    this.state = state;
    this.emit('state', state);
  }
}

function message(over: Partial<ChatMessage>): ChatMessage {
  return {
    msgId: '100',
    conversationId: 'b',
    seq: '0',
    fromUserId: '2',
    fromUserName: 'bob',
    to: { broadcast: true },
    body: 'hello',
    ts: '5000',
    clientMsgId: 'other',
    ...over,
  };
}

async function started(
  login: () => Promise<{ registered: boolean }> = async () => ({ registered: false }),
  prepare: (client: FakeClient) => void = () => {},
) {
  const client = new FakeClient();
  prepare(client);
  const controller = new ChatController({
    client: client as unknown as ChatClient,
    userName: 'alice',
    login: async () => {
      client.setState('connecting');
      const result = await login();
      client.setState('online');
      return result;
    },
    now: () => 125_000,
  });
  await controller.start();
  const lines = () => controller.snapshot().lines;
  const texts = () =>
    lines().map((l) => {
      if (l.kind === 'system') return l.text;
      if (l.kind === 'emoji') return `emoji page ${l.page}`;
      return `${l.from}${l.to ? ` → ${l.to}` : ''}: ${l.recalled ? '(recalled)' : l.body} [${l.status ?? ''}]`;
    });
  return { client, controller, lines, texts };
}

const messages = (lines: readonly ChatLine[]) => lines.filter((l) => l.kind === 'message');

describe('ChatController', () => {
  it('starts connecting, then shows where it is connected', async () => {
    const client = new FakeClient();
    const controller = new ChatController({
      client: client as unknown as ChatClient,
      userName: 'alice',
      login: () => new Promise(() => {}),
    });
    expect(controller.snapshot()).toMatchObject({ link: 'connecting', busy: 'connecting…' });
    const { controller: online, texts } = await started();
    expect(online.snapshot()).toMatchObject({ link: 'online', server: '127.0.0.1:9000', busy: undefined });
    expect(texts().join('\n')).toContain('connected as alice to 127.0.0.1:9000');
  });

  it('keeps saying "connecting" while a newcomer is registered between two connects', async () => {
    const client = new FakeClient();
    let link: string | undefined;
    const controller: ChatController = new ChatController({
      client: client as unknown as ChatClient,
      userName: 'alice',
      login: async () => {
        // The first connect is refused (no such account yet) and the client falls back to idle.
        client.setState('connecting');
        client.setState('idle');
        link = controller.snapshot().link;
        client.setState('connecting');
        client.setState('online');
        return { registered: true };
      },
    });
    await controller.start();
    expect(link).toBe('connecting');
  });

  it('welcomes a newcomer whose account was just created', async () => {
    const { texts } = await started(async () => ({ registered: true }));
    expect(texts()[0]).toBe('welcome, alice: your account was created (user id 1)');
  });

  it('says "wrong password" and ends with exit code 1 when the login is refused', async () => {
    const { controller, texts } = await started(async () => {
      throw new CimError(ErrorCodes.BAD_CREDENTIALS, 'wrong password for alice');
    });
    expect(texts()).toContain('wrong password for alice');
    expect(controller.snapshot()).toMatchObject({ exitCode: 1, link: 'offline' });
  });

  it('reports an unreachable route and ends with exit code 1', async () => {
    const { controller, texts } = await started(async () => {
      throw new CimError(ErrorCodes.UNAVAILABLE, 'route is unreachable');
    });
    expect(texts()).toContain('cannot connect: CIM_ERR_UNAVAILABLE: route is unreachable');
    expect(controller.snapshot().exitCode).toBe(1);
  });

  it('sends a plain line to the lobby and marks it sent', async () => {
    const { client, controller, lines } = await started();
    await controller.submit('hello all');
    expect(client.sent).toEqual([{ to: { broadcast: true }, body: 'hello all', clientMsgId: expect.any(String) }]);
    expect(messages(lines())).toEqual([
      expect.objectContaining({ from: 'alice', own: true, body: 'hello all', status: 'sent', channel: 'lobby' }),
    ]);
  });

  it('shows "sending" until the route answers', async () => {
    const { client, controller, lines } = await started();
    let answer!: (a: SendAnswer) => void;
    client.send = async (to, body, options = {}) => {
      client.sent.push({ to, body, clientMsgId: options.clientMsgId });
      return new Promise((resolve) => (answer = resolve));
    };
    const sending = controller.submit('slow');
    await Promise.resolve();
    expect(messages(lines())[0]).toMatchObject({ status: 'sending' });
    answer({ msgId: '1', conversationId: 'b', seq: '0', ts: '1', clientMsgId: '' });
    await sending;
    expect(messages(lines())[0]).toMatchObject({ status: 'sent' });
  });

  it('does not show its own message twice when the server echoes it back', async () => {
    const { client, controller, lines } = await started();
    await controller.submit('@bob hi bob');
    const { clientMsgId } = client.sent[0];
    client.emit(
      'message',
      message({
        fromUserId: '1',
        fromUserName: 'alice',
        to: { userId: '2' },
        body: 'hi bob',
        clientMsgId: clientMsgId!,
      }),
      { cursor: '7', synced: false },
    );
    expect(messages(lines())).toHaveLength(1);
    expect(messages(lines())[0]).toMatchObject({ to: '@bob', status: 'stored' });
  });

  it('sends @name text privately to that user id', async () => {
    const { client, controller, texts } = await started();
    await controller.submit('@bob hi bob');
    expect(client.sent[0]).toMatchObject({ to: { userId: '2' }, body: 'hi bob' });
    expect(texts()).toContain('alice → @bob: hi bob [stored]');
  });

  it("sends CIM's id;;text privately to that id", async () => {
    const { client, controller } = await started();
    await controller.submit('2;;by id');
    expect(client.sent[0]).toMatchObject({ to: { userId: '2' }, body: 'by id' });
  });

  it('shows a send failure inline with its code, and keeps going', async () => {
    const { client, controller, texts } = await started();
    client.sendError = new CimError(ErrorCodes.RATE_LIMITED, 'sending too fast');
    await expect(controller.submit('too fast')).resolves.toBeUndefined();
    expect(texts()).toContain('alice: too fast [failed]');
    expect(texts()).toContain('not sent: CIM_ERR_RATE_LIMITED: sending too fast');
    client.sendError = undefined;
    await controller.submit('again');
    expect(texts()).toContain('alice: again [sent]');
  });

  it('names an unknown user instead of sending', async () => {
    const { client, controller, texts } = await started();
    await controller.submit('@zed hello');
    expect(client.sent).toHaveLength(0);
    expect(texts()).toContain('no user named zed');
  });

  it('refuses a message over 4096 bytes without sending it', async () => {
    const { client, controller, texts } = await started();
    await controller.submit('x'.repeat(5000));
    expect(client.sent).toHaveLength(0);
    expect(texts().at(-1)).toBe('message not sent: it is 5000 bytes, the limit is 4096');
  });

  it('shows messages from others, private ones addressed to this user', async () => {
    const { client, texts } = await started();
    client.emit('message', message({ body: 'to all' }), { cursor: '0', synced: false });
    client.emit('message', message({ msgId: '101', to: { userId: '1' }, body: 'just you' }), {
      cursor: '3',
      synced: false,
    });
    expect(texts()).toEqual(expect.arrayContaining(['bob: to all []', 'bob → @alice: just you []']));
  });

  it('counts unread messages outside the current target, and :to clears them', async () => {
    const { client, controller, texts } = await started();
    client.emit('message', message({ msgId: '1', to: { userId: '1' } }), { cursor: '1', synced: false });
    client.emit('message', message({ msgId: '2', to: { userId: '1' } }), { cursor: '2', synced: false });
    client.emit('message', message({ msgId: '3' }), { cursor: '0', synced: false });
    expect(controller.snapshot().unread).toEqual({ '@bob': 2 });

    await controller.submit(':to bob');
    expect(controller.snapshot().target).toEqual({ kind: 'user', userId: '2', userName: 'bob' });
    expect(controller.snapshot().unread).toEqual({});
    expect(texts()).toContain('plain lines now go to @bob; :lobby goes back');

    await controller.submit('now private');
    expect(client.sent.at(-1)).toMatchObject({ to: { userId: '2' }, body: 'now private' });

    client.emit('message', message({ msgId: '4' }), { cursor: '0', synced: false });
    expect(controller.snapshot().unread).toEqual({ lobby: 1 });
    await controller.submit(':lobby');
    expect(controller.snapshot()).toMatchObject({ target: { kind: 'lobby' }, unread: {} });
  });

  it('lists online users, finds users by prefix and says when none match', async () => {
    const { controller, texts } = await started();
    await controller.submit(':olu');
    await controller.submit(':pu b');
    await controller.submit(':pu z');
    expect(texts().slice(-3)).toEqual([
      'online (2): alice, bob',
      'users starting with "b": bob',
      'no user name starts with "z"',
    ]);
  });

  it('shows a page of emoji with :emoji', async () => {
    const { controller, lines } = await started();
    await controller.submit(':emoji 2');
    expect(lines().at(-1)).toMatchObject({ kind: 'emoji', page: 2, entries: emojiPage(2) });
  });

  it('sends known shortcodes as emoji', async () => {
    const { client, controller } = await started();
    await controller.submit('on my way :rocket:');
    expect(client.sent[0].body).toBe('on my way 🚀');
  });

  it('shows who and where it is with :info', async () => {
    const { controller, texts } = await started();
    await controller.submit(':info');
    expect(texts().slice(-2)).toEqual([
      'user alice (id 1) on device default',
      'server s1 at 127.0.0.1:9000, online, up 2m 0s, 2 reconnects',
    ]);
  });

  it('lists the commands with :all and hints at unknown ones', async () => {
    const { controller, texts } = await started();
    await controller.submit(':all');
    expect(texts().some((t) => t.startsWith(':olu') && t.includes('online'))).toBe(true);
    for (const command of [
      ':q <keyword>',
      ':emoji',
      ':delay',
      ':create',
      ':join',
      ':leave',
      ':members',
      ':groups',
      ':g <group>',
      ':recall',
    ]) {
      expect(texts().some((t) => t.startsWith(command))).toBe(true);
    }
    await controller.submit(':wat');
    expect(texts().at(-1)).toBe('unknown command :wat — :all lists commands');
  });

  it('follows the connection: reconnecting with a spinner, then online', async () => {
    const { client, controller } = await started();
    client.setState('reconnecting');
    expect(controller.snapshot()).toMatchObject({ link: 'reconnecting', busy: 'reconnecting…' });
    client.setState('online');
    expect(controller.snapshot()).toMatchObject({ link: 'online', busy: undefined });
  });

  it('shows catch-up progress while syncing', async () => {
    const { client, controller } = await started();
    client.emit('sync', { fetched: 200, done: false });
    expect(controller.snapshot().busy).toBe('catching up: 200 messages…');
    client.emit('sync', { fetched: 250, done: true });
    expect(controller.snapshot().busy).toBeUndefined();
  });

  it('says so when another login takes over', async () => {
    const { client, texts } = await started();
    client.emit('kicked', 'logged in on another connection');
    expect(texts().at(-1)).toBe('signed out: logged in on another connection — :q quits');
  });

  it('closes, keeping the session for the next chat, and ends with exit code 0 on :q', async () => {
    const { client, controller } = await started();
    await controller.submit(':q');
    expect(client.closed).toBe(true);
    expect(client.closeOptions).toEqual({ logout: false });
    expect(controller.snapshot()).toMatchObject({ exitCode: 0, link: 'offline' });
  });

  it('says so when the resumed session ends, and that the next chat asks for the password', async () => {
    const { client, texts } = await started();
    client.emit('sessionEnded', new CimError(ErrorCodes.SESSION_ENDED, 'the session has ended'));
    expect(texts().at(-1)).toBe('the session has ended — :q quits; the next cim chat asks for the password');
  });

  it('shows a session resumed before the screen started as online', async () => {
    const client = new FakeClient();
    client.setState('online');
    const controller = new ChatController({
      client: client as unknown as ChatClient,
      userName: 'alice',
      login: async () => ({ registered: false }),
    });
    await controller.start();
    expect(controller.snapshot()).toMatchObject({ link: 'online', busy: undefined });
  });

  describe('receipts', () => {
    const receipt = (kind: 'DELIVERED' | 'READ', over: { msgId?: string; seq: string }) => ({
      kind,
      conversationId: 'p:1:2',
      msgId: over.msgId ?? '0',
      seq: over.seq,
      byUserId: '2',
    });

    it('moves an own private message on to delivered, then read', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('@bob one');
      client.emit('receipt', receipt('DELIVERED', { msgId: 'm1', seq: '1' }));
      expect(texts()).toContain('alice → @bob: one [delivered]');
      client.emit('receipt', receipt('READ', { seq: '1' }));
      expect(texts()).toContain('alice → @bob: one [read]');
    });

    it('applies a receipt that came before the send answer', async () => {
      const { client, controller, texts } = await started();
      client.emit('receipt', receipt('DELIVERED', { msgId: 'm1', seq: '1' }));
      await controller.submit('@bob quick');
      expect(texts()).toContain('alice → @bob: quick [delivered]');
    });

    it('never moves a status back', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('@bob one');
      client.emit('receipt', receipt('READ', { seq: '1' }));
      client.emit('receipt', receipt('DELIVERED', { msgId: 'm1', seq: '1' }));
      expect(texts()).toContain('alice → @bob: one [read]');
    });

    it('marks read only up to the seq read', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('@bob one');
      await controller.submit('@bob two');
      client.emit('receipt', receipt('READ', { seq: '1' }));
      expect(texts()).toEqual(expect.arrayContaining(['alice → @bob: one [read]', 'alice → @bob: two [stored]']));
    });
  });

  describe('reading', () => {
    const fromBob = (seq: string) => message({ msgId: `in${seq}`, conversationId: 'p:1:2', seq, to: { userId: '1' } });

    it('marks a private chat read when its messages arrive while it is the target', async () => {
      const { client, controller } = await started();
      await controller.submit(':to bob');
      client.emit('message', fromBob('4'), { cursor: '9', synced: false });
      expect(client.reads).toEqual([['p:1:2', '4']]);
      expect(controller.snapshot().unread).toEqual({});
    });

    it('leaves messages outside the target unread until :to opens them', async () => {
      const { client, controller } = await started();
      client.emit('message', fromBob('4'), { cursor: '9', synced: false });
      client.emit('message', fromBob('5'), { cursor: '10', synced: false });
      expect(client.reads).toEqual([]);
      await controller.submit(':to bob');
      expect(client.reads).toEqual([['p:1:2', '5']]);
    });

    it('does not mark lobby messages read (they are not stored)', async () => {
      const { client } = await started();
      client.emit('message', message({}), { cursor: '0', synced: false });
      expect(client.reads).toEqual([]);
    });
  });

  describe(':delay', () => {
    it('schedules to the current target and says when it goes out', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':to bob');
      await controller.submit(':delay 90 see you later');
      expect(client.scheduled).toEqual([{ to: { userId: '2' }, body: 'see you later', deliverAt: 215_000 }]);
      expect(texts().at(-1)).toBe(
        `scheduled for ${formatMoment(215_000, 125_000, { seconds: true })} → @bob: see you later`,
      );
      expect(client.sent).toHaveLength(0);
    });

    it('schedules a broadcast from the lobby', async () => {
      const { client, controller } = await started();
      await controller.submit(':delay 5 hello later');
      expect(client.scheduled[0]).toMatchObject({ to: { broadcast: true }, deliverAt: 130_000 });
    });

    it('shows the message when the route sends it, though this device wrote it', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':delay 5 @bob later');
      client.emit(
        'message',
        message({
          msgId: '9',
          conversationId: 'b',
          fromUserId: '1',
          fromUserName: 'alice',
          body: '@bob later',
          clientMsgId: 'later',
        }),
        { cursor: '0', synced: false },
      );
      expect(texts().at(-1)).toBe('alice: @bob later [sent]');
    });
  });

  describe(':recall', () => {
    it('recalls my last stored message in the current conversation, then the one before', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('@bob one');
      await controller.submit('@bob two');
      await controller.submit('in the lobby');
      await controller.submit(':to bob');
      await controller.submit(':recall');
      expect(client.recalls).toEqual(['m2']);
      expect(texts()).toEqual(
        expect.arrayContaining([
          'alice → @bob: one [stored]',
          'alice → @bob: (recalled) [stored]',
          'you recalled "two" in @bob',
        ]),
      );
      await controller.submit(':recall');
      expect(client.recalls).toEqual(['m2', 'm1']);
      await controller.submit(':recall');
      expect(texts().at(-1)).toBe('no message of yours in @bob to recall');
    });

    it('forgets the recalled words, not just hides them', async () => {
      const { controller, lines } = await started();
      await controller.submit('@bob secret');
      await controller.submit(':to bob');
      await controller.submit(':recall');
      expect(messages(lines())[0]).toMatchObject({ body: '', recalled: true });
    });

    it('explains that lobby messages cannot be recalled', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('hello all');
      await controller.submit(':recall');
      expect(client.recalls).toEqual([]);
      expect(texts().at(-1)).toBe('lobby messages are not stored, so they cannot be recalled');
    });

    it('keeps the message when the route refuses, saying why', async () => {
      const { client, controller, texts } = await started();
      await controller.submit('@bob old');
      await controller.submit(':to bob');
      client.recallError = new CimError(ErrorCodes.RECALL_TOO_LATE, 'messages can be recalled within 120 s');
      await controller.submit(':recall');
      expect(texts()).toContain('alice → @bob: old [stored]');
      expect(texts().at(-1)).toBe('CIM_ERR_RECALL_TOO_LATE: messages can be recalled within 120 s');
    });

    it("marks anyone's message recalled when the route says so", async () => {
      const { client, texts } = await started();
      client.emit(
        'message',
        message({ msgId: 'in5', conversationId: 'p:1:2', seq: '5', to: { userId: '1' }, body: 'oops' }),
        { cursor: '5', synced: false },
      );
      client.emit('recalled', { msgId: 'in5', conversationId: 'p:1:2', seq: '5', byUserId: '2' });
      expect(texts()).toContain('bob → @alice: (recalled) []');
      expect(texts().join('\n')).not.toContain('oops');
    });

    it('shows a message that was recalled before it arrived as recalled', async () => {
      const { client, texts } = await started();
      client.emit(
        'message',
        message({ msgId: 'in6', conversationId: 'p:1:2', seq: '6', to: { userId: '1' }, body: '', recalled: true }),
        { cursor: '6', synced: true },
      );
      expect(texts()).toContain('bob → @alice: (recalled) []');
    });
  });

  describe(':q <keyword>', () => {
    const stored = (
      conversationId: string,
      seq: number,
      from: UserSummary,
      body: string,
      to: Destination,
    ): ChatMessage =>
      message({
        msgId: `${conversationId}/${seq}`,
        conversationId,
        seq: String(seq),
        fromUserId: from.userId,
        fromUserName: from.userName,
        to,
        body,
        ts: String(60_000 * seq),
      });
    const [alice, bob, carol] = USERS;

    function withHistory(client: FakeClient) {
      client.stored['p:1:2'] = [
        stored('p:1:2', 1, bob, 'lunch at noon?', { userId: '1' }),
        stored('p:1:2', 2, alice, 'yes, LUNCH it is', { userId: '2' }),
        stored('p:1:2', 3, bob, 'see you', { userId: '1' }),
      ];
      client.stored['p:1:3'] = [stored('p:1:3', 4, carol, 'lunch tomorrow instead', { userId: '1' })];
      client.conversationList = ['p:1:2', 'p:1:3'].map((conversationId) => ({
        conversationId,
        lastSeq: '9',
        readSeq: '9',
        unread: 0,
      }));
    }

    it('searches the current conversation, oldest match first', async () => {
      const { controller, texts } = await started(undefined, withHistory);
      await controller.submit(':to bob');
      await controller.submit(':q lunch');
      expect(texts().slice(-3)).toEqual([
        '2 messages in @bob matching "lunch":',
        `${formatMoment(60_000, 125_000)} bob: lunch at noon?`,
        `${formatMoment(120_000, 125_000)} alice: yes, LUNCH it is`,
      ]);
    });

    it('searches every conversation from the lobby, naming where each match is', async () => {
      const { controller, texts } = await started(undefined, withHistory);
      await controller.submit(':q lunch');
      expect(texts().slice(-4)).toEqual([
        '3 messages in your conversations matching "lunch":',
        `${formatMoment(60_000, 125_000)} @bob bob: lunch at noon?`,
        `${formatMoment(120_000, 125_000)} @bob alice: yes, LUNCH it is`,
        `${formatMoment(240_000, 125_000)} @carol carol: lunch tomorrow instead`,
      ]);
    });

    it('says when nothing matches', async () => {
      const { controller, texts } = await started(undefined, withHistory);
      await controller.submit(':to bob');
      await controller.submit(':q dinner');
      expect(texts().at(-1)).toBe('nothing in @bob matches "dinner"');
    });

    it('shows only the newest matches when there are many', async () => {
      const { controller, texts } = await started(undefined, (client) => {
        client.stored['p:1:2'] = Array.from({ length: 30 }, (_, i) =>
          stored('p:1:2', i + 1, bob, `ping ${i + 1}`, { userId: '1' }),
        );
      });
      await controller.submit(':to bob');
      await controller.submit(':q ping');
      const shown = texts().slice(-21);
      expect(shown[0]).toBe('the newest 20 messages in @bob matching "ping":');
      expect(shown[1]).toMatch(/ bob: ping 11$/);
      expect(shown[20]).toMatch(/ bob: ping 30$/);
    });
  });

  describe('groups', () => {
    it(':create makes a group of the named users and talks there', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':create team bob carol');
      expect(client.groups.get('10')).toMatchObject({ name: 'team', memberIds: ['1', '2', '3'] });
      expect(controller.snapshot().target).toEqual({ kind: 'group', groupId: '10', name: 'team' });
      expect(client.groups.get('10')!.public).toBe(false);
      expect(texts().at(-1)).toBe(
        'created private #team (group 10) with bob, carol; plain lines now go there, :invite 10 <name> lets others in',
      );

      await controller.submit('hello team');
      expect(client.sent.at(-1)).toMatchObject({ to: { groupId: '10' }, body: 'hello team' });
      expect(texts()).toContain('alice → #team: hello team [stored]');
    });

    it(':create names an unknown user and creates nothing', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':create team bob zed');
      expect(client.groups.size).toBe(0);
      expect(texts().at(-1)).toBe('no user named zed');
      expect(controller.snapshot().target).toEqual({ kind: 'lobby' });
    });

    it(':members names everyone, the creator marked, even someone never seen online', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '3',
        memberIds: ['3', '2', '1', '99'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':g ops');
      await controller.submit(':members');
      expect(texts().at(-1)).toBe('members of #ops (4): #3 (creator), bob, alice, #99');
    });

    it(':groups lists mine with their ids, or says there are none', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':groups');
      expect(texts().at(-1)).toBe('you are in no group — :create <group> starts one, :join <id> joins one');
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });
      client.groups.set('8', {
        groupId: '8',
        name: 'other',
        ownerId: '2',
        memberIds: ['2'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':create team');
      await controller.submit(':groups');
      expect(texts().at(-1)).toBe('your groups (2): #ops (id 7, 2 members), #team (id 10, 1 member)');
    });

    it(':create-public makes a group anyone can join', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':create-public town');
      expect(client.groups.get('10')).toMatchObject({ name: 'town', memberIds: ['1'], public: true });
      expect(texts().at(-1)).toBe('created public #town (group 10); plain lines now go there, anyone can :join 10');
    });

    it(':join <id> joins a public group and talks there; :leave leaves and goes back to the lobby', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', { groupId: '7', name: 'ops', ownerId: '2', memberIds: ['2'], createdAt: 0, public: true });
      await controller.submit(':join 7');
      expect(client.groups.get('7')!.memberIds).toEqual(['2', '1']);
      expect(controller.snapshot().target).toEqual({ kind: 'group', groupId: '7', name: 'ops' });
      expect(texts().at(-1)).toBe('you joined #ops (group 7, 2 members); plain lines now go there');

      await controller.submit(':leave');
      expect(client.groups.get('7')!.memberIds).toEqual(['2']);
      expect(controller.snapshot().target).toEqual({ kind: 'lobby' });
      expect(texts().at(-1)).toBe('you left #ops; plain lines go to the lobby');
    });

    it(':join of a private group, or one that does not exist, shows the coded refusal and how to get in', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '2',
        memberIds: ['2'],
        createdAt: 0,
        public: false,
      });
      for (const groupId of ['7', '404']) {
        await controller.submit(`:join ${groupId}`);
        expect(texts().at(-1)).toBe(
          `CIM_ERR_NOT_FOUND: no group with id ${groupId} — or it is private, and a member has to :invite you`,
        );
      }
      expect(client.groups.get('7')!.memberIds).toEqual(['2']);
      expect(controller.snapshot().target).toEqual({ kind: 'lobby' });
    });

    it(':invite adds users by name to one of my groups, named or by id', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':invite ops bob carol alice');
      expect(client.invites).toEqual([['7', ['2', '3']]]);
      expect(texts().at(-1)).toBe('bob, carol now in #ops (group 7, 4 members)');
      await controller.submit(':invite 7 zed');
      expect(texts().at(-1)).toBe('no user named zed');
      await controller.submit(':invite nope bob');
      expect(texts().at(-1)).toBe('you are in no group named nope — :groups lists yours');
      expect(client.invites).toHaveLength(1);
    });

    it(':groups public lists public groups a page at a time', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':groups public');
      expect(texts().at(-1)).toBe('there are no public groups — :create-public <group> starts one');
      for (let i = 0; i < PUBLIC_GROUPS_PAGE + 1; i++) {
        const groupId = String(100 + i);
        client.groups.set(groupId, {
          groupId,
          name: `g${i}`,
          ownerId: '2',
          memberIds: ['2'],
          createdAt: 0,
          public: true,
        });
      }
      client.groups.set('99', {
        groupId: '99',
        name: 'hidden',
        ownerId: '2',
        memberIds: ['2'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':groups public');
      const last = String(100 + PUBLIC_GROUPS_PAGE - 1);
      expect(texts().at(-1)).toMatch(
        /^public groups, :join <id> to join: #g0 \(id 100, 1 member\), #g1 \(id 101, 1 member\), /,
      );
      expect(texts().at(-1)).toMatch(new RegExp(`; more: :groups public ${last}$`));
      expect(texts().at(-1)).not.toContain('hidden');
      await controller.submit(`:groups public ${last}`);
      expect(texts().at(-1)).toBe(
        `public groups, :join <id> to join: #g${PUBLIC_GROUPS_PAGE} (id ${100 + PUBLIC_GROUPS_PAGE}, 1 member)`,
      );
    });

    it('keeps the creator from :leave and lets them :dissolve', async () => {
      const { client, controller, texts } = await started();
      await controller.submit(':create team bob');
      await controller.submit(':leave');
      expect(texts().at(-1)).toBe('you created #team, so you cannot leave it: :dissolve ends it');
      await controller.submit(':dissolve');
      expect(client.groups.size).toBe(0);
      expect(controller.snapshot().target).toEqual({ kind: 'lobby' });
      expect(texts().at(-1)).toBe('#team is dissolved; plain lines go to the lobby');
    });

    it('asks for a group first when :leave, :dissolve or :members has none to act on', async () => {
      const { controller, texts } = await started();
      for (const command of [':leave', ':dissolve', ':members']) {
        await controller.submit(command);
        expect(texts().at(-1)).toBe('plain lines do not go to a group now: :g <group> picks one');
      }
    });

    it(':g finds my groups by name or id, and explains the rest', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });
      client.groups.set('8', {
        groupId: '8',
        name: 'other',
        ownerId: '2',
        memberIds: ['2'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':g 7');
      expect(controller.snapshot().target).toEqual({ kind: 'group', groupId: '7', name: 'ops' });
      await controller.submit(':g ops');
      expect(texts().at(-1)).toBe('plain lines now go to #ops (group 7); :lobby goes back');
      await controller.submit(':g nope');
      expect(texts().at(-1)).toBe('you are in no group named nope — :groups lists yours');
      await controller.submit(':g 8');
      expect(texts().at(-1)).toBe('you are not in group 8: :join 8 first');
      await controller.submit(':g 404');
      expect(texts().at(-1)).toBe('CIM_ERR_NOT_FOUND: no group with id 404');
    });

    it(':g asks for an id when two of my groups share the name', async () => {
      const { client, controller, texts } = await started();
      client.groups.set('7', {
        groupId: '7',
        name: 'team',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });
      client.groups.set('8', {
        groupId: '8',
        name: 'team',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });
      await controller.submit(':g team');
      expect(texts().at(-1)).toBe('2 of your groups are named team: use an id (7, 8)');
    });

    const inGroup = (groupId: string, seq: string, body: string) =>
      message({ msgId: `g${groupId}/${seq}`, conversationId: `g:${groupId}`, seq, to: { groupId }, body });

    it('files group messages under #name, counts them unread and marks them read on :g', async () => {
      const { client, controller, texts } = await started(undefined, (c) => {
        c.groups.set('7', {
          groupId: '7',
          name: 'ops',
          ownerId: '2',
          memberIds: ['2', '1'],
          createdAt: 0,
          public: false,
        });
      });
      client.emit('message', inGroup('7', '1', 'deploy at 5'), { cursor: '1', synced: false });
      expect(texts()).toContain('bob → #ops: deploy at 5 []');
      expect(controller.snapshot().unread).toEqual({ '#ops': 1 });
      await controller.submit(':g ops');
      expect(controller.snapshot().unread).toEqual({});
      expect(client.reads).toEqual([['g:7', '1']]);
    });

    /** Group 7, "ops", that bob made and alice is in, though this chat has not heard of it yet. */
    const opsKnownToTheRoute = (client: FakeClient) =>
      client.groups.set('7', {
        groupId: '7',
        name: 'ops',
        ownerId: '2',
        memberIds: ['2', '1'],
        createdAt: 0,
        public: false,
      });

    it('names a group it first hears of once the route says its name', async () => {
      const { client, controller, texts } = await started();
      opsKnownToTheRoute(client);
      client.emit('message', inGroup('7', '1', 'you are in'), { cursor: '1', synced: false });
      client.emit('message', inGroup('7', '2', 'welcome'), { cursor: '2', synced: false });
      expect(controller.snapshot().unread).toEqual({ '#group-7': 2 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(texts()).toEqual(expect.arrayContaining(['bob → #ops: you are in []', 'bob → #ops: welcome []']));
      expect(controller.snapshot().unread).toEqual({ '#ops': 2 });
      await controller.submit(':g ops');
      expect(client.reads).toEqual([['g:7', '2']]);
    });
    it('shows "bob added alice" as news about the group it names, and the group is then known to :g', async () => {
      const { client, controller, lines } = await started();
      opsKnownToTheRoute(client);
      const notice = { kind: 'MEMBERS_ADDED' as const, userIds: ['1'], userNames: ['alice'] };
      client.emit('message', { ...inGroup('7', '1', 'bob added alice'), notice }, { cursor: '4', synced: true });
      await vi.waitFor(() => expect(messages(lines()).at(-1)).toMatchObject({ channel: '#ops' }));
      expect(messages(lines()).at(-1)).toMatchObject({ notice: true, from: 'bob', body: 'bob added alice' });

      await controller.submit(':g ops');
      expect(controller.snapshot().target).toEqual({ kind: 'group', groupId: '7', name: 'ops' });
      // A notice of this user's own add carries no delivery status: nobody typed it.
      const ownAdd = { ...notice, userIds: ['3'], userNames: ['carol'] };
      const own = { ...inGroup('7', '2', 'alice added carol'), fromUserId: '1', fromUserName: 'alice', notice: ownAdd };
      client.emit('message', own, { cursor: '5', synced: false });
      expect(messages(lines()).at(-1)).toMatchObject({ notice: true, own: true, status: undefined });
    });
  });

  describe('at start-up', () => {
    const [alice, bob] = USERS;
    const stored = (conversationId: string, seq: number, from: UserSummary, to: Destination): ChatMessage =>
      message({
        msgId: `${conversationId}/${seq}`,
        conversationId,
        seq: String(seq),
        fromUserId: from.userId,
        fromUserName: from.userName,
        to,
        body: `${seq}`,
      });

    it('shows how many messages from others wait unread in each conversation', async () => {
      const { client, controller } = await started(undefined, (c) => {
        c.groups.set('7', {
          groupId: '7',
          name: 'ops',
          ownerId: '2',
          memberIds: ['2', '1'],
          createdAt: 0,
          public: false,
        });
        c.stored['p:1:2'] = [
          stored('p:1:2', 1, bob, { userId: '1' }),
          stored('p:1:2', 2, bob, { userId: '1' }),
          stored('p:1:2', 3, alice, { userId: '2' }),
        ];
        c.stored['g:7'] = [stored('g:7', 1, bob, { groupId: '7' })];
        // The route counts this user's own messages as unread too.
        c.stored['p:1:3'] = [stored('p:1:3', 1, alice, { userId: '3' })];
        c.conversationList = [
          { conversationId: 'p:1:2', lastSeq: '3', readSeq: '0', unread: 3 },
          { conversationId: 'g:7', lastSeq: '1', readSeq: '0', unread: 1 },
          { conversationId: 'p:1:3', lastSeq: '1', readSeq: '0', unread: 1 },
        ];
      });
      expect(controller.snapshot().unread).toEqual({ '@bob': 2, '#ops': 1 });
      expect(controller.snapshot().busy).toBeUndefined();
      await controller.submit(':to bob');
      expect(client.reads).toEqual([['p:1:2', '3']]);
    });

    it('keeps chatting when groups and unread counts cannot be loaded', async () => {
      const { controller, texts } = await started(undefined, (c) => {
        c.conversationsError = new CimError(ErrorCodes.UNAVAILABLE, 'route is unreachable');
      });
      expect(texts().at(-1)).toBe(
        'could not load your groups and unread counts: CIM_ERR_UNAVAILABLE: route is unreachable',
      );
      expect(controller.snapshot()).toMatchObject({ link: 'online', busy: undefined });
      expect(controller.snapshot().exitCode).toBeUndefined();
    });
  });

  it('tells subscribers about every change', async () => {
    const { controller } = await started();
    let calls = 0;
    const unsubscribe = controller.subscribe(() => calls++);
    await controller.submit(':olu');
    expect(calls).toBeGreaterThan(0);
    unsubscribe();
    const before = calls;
    await controller.submit(':olu');
    expect(calls).toBe(before);
  });
});
