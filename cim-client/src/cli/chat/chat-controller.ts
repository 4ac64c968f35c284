import { randomUUID } from 'node:crypto';
import { CimError, ErrorCodes, type ChatMessage, type Destination } from '@cim/common';
import type { CimClient, ConnectionState } from '../../sdk/cim-client.js';
import type { UserSummary } from '../../sdk/route-api.js';
import { describeError, formatDuration } from '../format.js';
import { channelOfTarget, LOBBY, type ChatLine, type ChatView, type LinkState, type StoredRef } from './chat-view.js';
import { COMMANDS, parseInput, type ChatInput } from './commands.js';
import { ReceiptBook, type Receipt } from './receipt-book.js';

/** The part of CimClient the chat uses; tests pass a fake. */
export type ChatClient = Pick<CimClient, 'on' | 'send' | 'markRead' | 'onlineUsers' | 'findUsers' | 'userByName' | 'info' | 'close'>;

export interface ChatControllerOptions {
  client: ChatClient;
  userName: string;
  /** Logs in (registering a newcomer); resolves once online and caught up. */
  login: () => Promise<{ registered: boolean }>;
  now?: () => number;
}

/** The screen keeps this many lines; older ones scrolled off long ago. */
const MAX_LINES = 1000;
/** Own clientMsgIds remembered to recognise the echo of what this device sent. */
const MAX_OWN_IDS = 2000;

/**
 * Binds a CimClient to the chat screen: turns typed lines into sends and commands, client events
 * into lines and status, and publishes an immutable `ChatView` snapshot (for useSyncExternalStore).
 * Failures become lines on the screen, never exceptions, so the UI cannot crash on them.
 */
export class ChatController {
  private view: ChatView;
  private readonly listeners = new Set<() => void>();
  private readonly namesById = new Map<string, string>();
  private readonly idsByName = new Map<string, string>();
  private readonly ownClientMsgIds = new Set<string>();
  private readonly receipts = new ReceiptBook();
  /** The newest stored message from others in each private channel, not yet marked read. */
  private readonly unreadUpTo = new Map<string, StoredRef>();
  private readonly client: ChatClient;
  private readonly now: () => number;
  private nextKey = 0;
  private quitting = false;

  constructor(private readonly options: ChatControllerOptions) {
    this.client = options.client;
    this.now = options.now ?? Date.now;
    this.view = { userName: options.userName, link: 'connecting', busy: 'connecting…', target: LOBBY, unread: {}, lines: [] };
    this.client.on('state', (state) => this.onState(state));
    this.client.on('message', (message) => this.onMessage(message));
    this.client.on('sync', ({ fetched, done }) => this.update({ busy: done ? undefined : `catching up: ${fetched} messages…` }));
    this.client.on('kicked', (reason) => this.system(`signed out: ${reason} — :q quits`, 'error'));
    this.client.on('receipt', (receipt) => this.onReceipt(receipt));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): ChatView => this.view;

  /** Logs in; on failure the chat ends with exit code 1 and the reason on screen. */
  async start(): Promise<void> {
    try {
      const { registered } = await this.options.login();
      const info = this.client.info();
      if (info.userId) this.remember({ userId: info.userId, userName: info.userName });
      if (registered) this.system(`welcome, ${info.userName}: your account was created (user id ${info.userId})`);
      this.update({ server: info.server, busy: undefined });
      this.system(`connected as ${info.userName} to ${info.server} — plain lines go to the lobby; :all lists commands`);
    } catch (err) {
      const wrongPassword = err instanceof CimError && err.code === ErrorCodes.BAD_CREDENTIALS;
      this.system(wrongPassword ? `wrong password for ${this.options.userName}` : `cannot connect: ${describeError(err)}`, 'error');
      this.update({ link: 'offline', busy: undefined, exitCode: 1 });
    }
  }

  /** Carries out one typed line. Never throws. */
  async submit(line: string): Promise<void> {
    const input = parseInput(line);
    try {
      await this.run(input);
    } catch (err) {
      this.system(describeError(err), 'error');
    }
  }

  /** Logs out cleanly and ends the chat with exit code 0. */
  async quit(): Promise<void> {
    if (this.quitting) return;
    this.quitting = true;
    this.update({ busy: 'logging out…' });
    await this.client.close().catch(() => undefined);
    this.update({ busy: undefined, exitCode: 0 });
  }

  private async run(input: ChatInput): Promise<void> {
    switch (input.kind) {
      case 'empty':
        return;
      case 'invalid':
        return this.system(input.hint, 'error');
      case 'message': {
        const { target } = this.view;
        if (target.kind === 'lobby') return this.sendTo({ broadcast: true }, 'lobby', input.body);
        return this.sendTo({ userId: target.userId }, `@${target.userName}`, input.body);
      }
      case 'private-to-name': {
        const user = await this.lookUp(input.userName);
        return this.sendTo({ userId: user.userId }, `@${user.userName}`, input.body);
      }
      case 'private-to-id':
        return this.sendTo({ userId: input.userId }, this.channelOfUser(input.userId), input.body);
      case 'target-user': {
        const user = await this.lookUp(input.userName);
        this.update({ target: { kind: 'user', ...user }, unread: without(this.view.unread, `@${user.userName}`) });
        this.markRead(`@${user.userName}`);
        return this.system(`plain lines now go to @${user.userName}; :lobby goes back`);
      }
      case 'target-lobby':
        this.update({ target: LOBBY, unread: without(this.view.unread, 'lobby') });
        return this.system('plain lines now go to the lobby');
      case 'online-users': {
        const users = await this.client.onlineUsers();
        users.forEach((u) => this.remember(u));
        return this.system(`online (${users.length}): ${names(users)}`);
      }
      case 'find-users': {
        const users = await this.client.findUsers(input.prefix);
        users.forEach((u) => this.remember(u));
        return this.system(users.length ? `users starting with "${input.prefix}": ${names(users)}` : `no user name starts with "${input.prefix}"`);
      }
      case 'info':
        return this.showInfo();
      case 'help':
        for (const { usage, description } of COMMANDS) this.system(`${usage.padEnd(16)} ${description}`);
        return;
      case 'quit':
        return this.quit();
    }
  }

  private async sendTo(to: Destination, channel: string, body: string): Promise<void> {
    const clientMsgId = randomUUID();
    this.rememberOwn(clientMsgId);
    const key = this.key();
    const recipient = channel === 'lobby' ? undefined : channel;
    this.append({ kind: 'message', key, ts: this.now(), from: this.view.userName, channel, to: recipient, body, own: true, status: 'sending' });
    try {
      const answer = await this.client.send(to, body, { clientMsgId });
      const stored = 'broadcast' in to ? undefined : { msgId: answer.msgId, conversationId: answer.conversationId, seq: answer.seq };
      this.updateLine(key, (line) => ({
        ...line,
        ts: Number(answer.ts) || line.ts,
        stored,
        status: stored ? this.receipts.statusOf(stored, 'stored') : 'sent',
      }));
    } catch (err) {
      this.updateLine(key, (line) => ({ ...line, status: 'failed' }));
      this.system(`not sent: ${describeError(err)}`, 'error');
    }
  }

  private async lookUp(userName: string): Promise<UserSummary> {
    const known = this.idsByName.get(userName);
    if (known) return { userId: known, userName };
    try {
      const user = await this.client.userByName(userName);
      this.remember(user);
      return user;
    } catch (err) {
      if (err instanceof CimError && err.code === ErrorCodes.USER_NOT_FOUND) throw new Error(`no user named ${userName}`);
      throw err;
    }
  }

  private showInfo(): void {
    const info = this.client.info();
    const uptime = info.onlineSince && info.state === 'online' ? formatDuration(this.now() - info.onlineSince) : '—';
    this.system(`user ${info.userName} (id ${info.userId ?? '?'}) on device ${info.deviceId}`);
    this.system(`server ${info.serverId ?? '?'} at ${info.server ?? '?'}, ${info.state}, up ${uptime}, ${info.reconnects} reconnects`);
  }

  private onState(state: ConnectionState): void {
    const link = linkOf(state);
    const busy = link === 'connecting' ? 'connecting…' : link === 'reconnecting' ? 'reconnecting…' : undefined;
    this.update({ link, busy: this.quitting ? this.view.busy : busy });
    if (state === 'online') this.update({ server: this.client.info().server });
  }

  private onMessage(message: ChatMessage): void {
    this.remember({ userId: message.fromUserId, userName: message.fromUserName });
    // What this device sent is already on screen, with its own status.
    if (this.ownClientMsgIds.has(message.clientMsgId)) return;
    const own = message.fromUserId === this.client.info().userId;
    const channel = this.channelOf(message, own);
    const stored = message.seq === '0' ? undefined : { msgId: message.msgId, conversationId: message.conversationId, seq: message.seq };
    this.append({
      kind: 'message',
      key: this.key(),
      ts: Number(message.ts),
      from: message.fromUserName,
      channel,
      to: channel === 'lobby' ? undefined : own ? channel : `@${this.view.userName}`,
      body: message.body,
      own,
      status: own ? (stored ? this.receipts.statusOf(stored, 'stored') : 'sent') : undefined,
      stored,
    });
    if (own) return;
    if (stored && channel !== 'lobby') this.unreadUpTo.set(channel, stored);
    if (channel === channelOfTarget(this.view.target)) this.markRead(channel);
    else this.update({ unread: { ...this.view.unread, [channel]: (this.view.unread[channel] ?? 0) + 1 } });
  }

  private onReceipt(receipt: Receipt): void {
    this.receipts.record(receipt);
    const lines = this.view.lines.map((line) => {
      if (line.kind !== 'message' || !line.own || !line.stored || !line.status) return line;
      const status = this.receipts.statusOf(line.stored, line.status);
      return status === line.status ? line : { ...line, status };
    });
    this.update({ lines });
  }

  /** What is in the current target is on screen: tell the sender it was read. */
  private markRead(channel: string): void {
    const latest = this.unreadUpTo.get(channel);
    if (!latest) return;
    this.unreadUpTo.delete(channel);
    // A lost read mark costs only a receipt; it is not worth a line on the screen.
    this.client.markRead(latest.conversationId, latest.seq).catch(() => undefined);
  }

  private channelOf(message: ChatMessage, own: boolean): string {
    if ('broadcast' in message.to) return 'lobby';
    if ('groupId' in message.to) return `#group-${message.to.groupId}`;
    return own ? this.channelOfUser(message.to.userId) : `@${message.fromUserName}`;
  }

  private channelOfUser(userId: string): string {
    const name = this.namesById.get(userId);
    return name ? `@${name}` : `@#${userId}`;
  }

  private remember(user: UserSummary): void {
    this.namesById.set(user.userId, user.userName);
    this.idsByName.set(user.userName, user.userId);
  }

  private rememberOwn(clientMsgId: string): void {
    this.ownClientMsgIds.add(clientMsgId);
    if (this.ownClientMsgIds.size > MAX_OWN_IDS) {
      const oldest = this.ownClientMsgIds.values().next().value;
      if (oldest !== undefined) this.ownClientMsgIds.delete(oldest);
    }
  }

  private updateLine(key: string, change: (line: Extract<ChatLine, { kind: 'message' }>) => ChatLine): void {
    this.update({ lines: this.view.lines.map((line) => (line.key === key && line.kind === 'message' ? change(line) : line)) });
  }

  private system(text: string, tone: 'info' | 'error' = 'info'): void {
    this.append({ kind: 'system', key: this.key(), text, tone });
  }

  private append(line: ChatLine): void {
    this.update({ lines: [...this.view.lines, line].slice(-MAX_LINES) });
  }

  private key(): string {
    return String(this.nextKey++);
  }

  private update(change: Partial<ChatView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
}

function linkOf(state: ConnectionState): LinkState {
  switch (state) {
    case 'online':
      return 'online';
    case 'reconnecting':
      return 'reconnecting';
    case 'connecting':
      return 'connecting';
    default:
      return 'offline';
  }
}

function names(users: UserSummary[]): string {
  return users.map((u) => u.userName).join(', ');
}

function without(record: Readonly<Record<string, number>>, key: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
