import { EventEmitter } from 'node:events';
import { CimError, ErrorCodes, type ChatMessage, type Destination } from '@cim/common';
import { describe, expect, it } from 'vitest';
import type { CimClientEvents, ConnectionState } from '../../sdk/cim-client.js';
import type { SendAnswer, UserSummary } from '../../sdk/route-api.js';
import { ChatController, type ChatClient } from './chat-controller.js';
import type { ChatLine } from './chat-view.js';

const USERS: UserSummary[] = [
  { userId: '1', userName: 'alice' },
  { userId: '2', userName: 'bob' },
];

/** A CimClient stand-in: records sends, answers from a script, emits what the test says. */
class FakeClient extends EventEmitter<CimClientEvents> {
  sent: { to: Destination; body: string; clientMsgId?: string }[] = [];
  sendError: Error | undefined;
  reads: [conversationId: string, seq: string][] = [];
  closed = false;
  state: ConnectionState = 'idle';

  async send(to: Destination, body: string, options: { clientMsgId?: string } = {}): Promise<SendAnswer> {
    this.sent.push({ to, body, clientMsgId: options.clientMsgId });
    if (this.sendError) throw this.sendError;
    if ('broadcast' in to) return { msgId: `b${this.sent.length}`, conversationId: 'b', seq: '0', ts: '1000', clientMsgId: options.clientMsgId ?? '' };
    return { msgId: `m${this.sent.length}`, conversationId: 'p:1:2', seq: String(this.sent.length), ts: '1000', clientMsgId: options.clientMsgId ?? '' };
  }

  async markRead(conversationId: string, seq: string): Promise<void> {
    this.reads.push([conversationId, seq]);
  }

  async onlineUsers(): Promise<UserSummary[]> {
    return USERS;
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
    return { userId: '1', userName: 'alice', deviceId: 'default', serverId: 's1', server: '127.0.0.1:9000', state: this.state, onlineSince: 5_000, reconnects: 2, cursor: '0' };
  }

  async close(): Promise<void> {
    this.closed = true;
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

async function started(login: () => Promise<{ registered: boolean }> = async () => ({ registered: false })) {
  const client = new FakeClient();
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
  const texts = () => lines().map((l) => (l.kind === 'system' ? l.text : `${l.from}${l.to ? ` → ${l.to}` : ''}: ${l.body} [${l.status ?? ''}]`));
  return { client, controller, lines, texts };
}

const messages = (lines: readonly ChatLine[]) => lines.filter((l) => l.kind === 'message');

describe('ChatController', () => {
  it('starts connecting, then shows where it is connected', async () => {
    const client = new FakeClient();
    const controller = new ChatController({ client: client as unknown as ChatClient, userName: 'alice', login: () => new Promise(() => {}) });
    expect(controller.snapshot()).toMatchObject({ link: 'connecting', busy: 'connecting…' });
    const { controller: online, texts } = await started();
    expect(online.snapshot()).toMatchObject({ link: 'online', server: '127.0.0.1:9000', busy: undefined });
    expect(texts().join('\n')).toContain('connected as alice to 127.0.0.1:9000');
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
    expect(messages(lines())).toEqual([expect.objectContaining({ from: 'alice', own: true, body: 'hello all', status: 'sent', channel: 'lobby' })]);
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
    client.emit('message', message({ fromUserId: '1', fromUserName: 'alice', to: { userId: '2' }, body: 'hi bob', clientMsgId: clientMsgId! }), { cursor: '7', synced: false });
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
    client.emit('message', message({ msgId: '101', to: { userId: '1' }, body: 'just you' }), { cursor: '3', synced: false });
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
    expect(texts().slice(-3)).toEqual(['online (2): alice, bob', 'users starting with "b": bob', 'no user name starts with "z"']);
  });

  it('shows who and where it is with :info', async () => {
    const { controller, texts } = await started();
    await controller.submit(':info');
    expect(texts().slice(-2)).toEqual(['user alice (id 1) on device default', 'server s1 at 127.0.0.1:9000, online, up 2m 0s, 2 reconnects']);
  });

  it('lists the commands with :all and hints at unknown ones', async () => {
    const { controller, texts } = await started();
    await controller.submit(':all');
    expect(texts().some((t) => t.startsWith(':olu') && t.includes('online'))).toBe(true);
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

  it('logs out and ends with exit code 0 on :q', async () => {
    const { client, controller } = await started();
    await controller.submit(':q');
    expect(client.closed).toBe(true);
    expect(controller.snapshot()).toMatchObject({ exitCode: 0, link: 'offline' });
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
