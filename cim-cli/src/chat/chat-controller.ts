import { CimError, ErrorCodes, type ChatMessage, type Destination } from '@cim/common/client';
import {
  randomId,
  type CimClient,
  type CimClientEvents,
  type ConnectionState,
  type Group,
  type UserSummary,
} from '@cim/client';
import { describeError, formatDuration } from '../format.js';
import { channelOfTarget, LOBBY, type ChatView, type LinkState, type StoredRef, type Target } from './chat-view.js';
import { COMMANDS, parseInput, type ChatInput } from './commands.js';
import { Directory, unknownGroupLabel } from './directory.js';
import { EMOJI_PAGES, emojiPage } from './emoji.js';
import { GroupCommands, type GroupClient } from './group-commands.js';
import { formatMoment } from './moment.js';
import { ReceiptBook, type Receipt } from './receipt-book.js';
import { conversationIdOf, searchHistory, unreadConversations } from './route-history.js';
import { ViewStore, type MessageLine } from './view-store.js';

/** The part of CimClient the chat uses; tests pass a fake. */
export type ChatClient = Pick<
  CimClient,
  | 'on'
  | 'send'
  | 'schedule'
  | 'recall'
  | 'markRead'
  | 'history'
  | 'conversations'
  | 'onlineUsers'
  | 'findUsers'
  | 'userByName'
  | 'info'
  | 'close'
> &
  GroupClient;

export interface ChatControllerOptions {
  client: ChatClient;
  userName: string;
  /** Logs in (registering a newcomer); resolves once online and caught up. */
  login: () => Promise<{ registered: boolean }>;
  now?: () => number;
}

type Recall = CimClientEvents['recalled'][0];

/** Own clientMsgIds remembered to recognise the echo of what this device sent. */
const MAX_OWN_IDS = 2000;

/**
 * Binds a CimClient to the chat screen: turns typed lines into sends and commands, client events
 * into lines and status, and publishes an immutable `ChatView` snapshot (for useSyncExternalStore).
 * Failures become lines on the screen, never exceptions, so the UI cannot crash on them.
 */
export class ChatController {
  private readonly store: ViewStore;
  private readonly directory: Directory;
  private readonly groups: GroupCommands;
  private readonly ownClientMsgIds = new Set<string>();
  private readonly receipts = new ReceiptBook();
  /** The newest stored message from others in each channel, not yet marked read. */
  private readonly unreadUpTo = new Map<string, StoredRef>();
  /** Groups whose name is being fetched, so a burst of their messages asks once. */
  private readonly learningGroups = new Set<string>();
  private readonly client: ChatClient;
  private readonly now: () => number;
  private quitting = false;

  constructor(private readonly options: ChatControllerOptions) {
    this.client = options.client;
    this.now = options.now ?? Date.now;
    this.store = new ViewStore({
      userName: options.userName,
      link: 'connecting',
      busy: 'connecting…',
      target: LOBBY,
      unread: {},
      lines: [],
    });
    this.directory = new Directory(this.client);
    this.groups = new GroupCommands(this.client, this.directory, this.store, (target) => this.enter(target));
    this.client.on('state', (state) => this.onState(state));
    this.client.on('message', (message) => this.onMessage(message));
    this.client.on('sync', ({ fetched, done }) =>
      this.store.update({ busy: done ? undefined : `catching up: ${fetched} messages…` }),
    );
    this.client.on('kicked', (reason) => this.store.system(`signed out: ${reason} — :q quits`, 'error'));
    this.client.on('sessionEnded', () =>
      this.store.system('the session has ended — :q quits; the next cim chat asks for the password', 'error'),
    );
    this.client.on('receipt', (receipt) => this.onReceipt(receipt));
    this.client.on('recalled', (recall) => this.onRecalled(recall));
  }

  /** For useSyncExternalStore. */
  get subscribe(): (listener: () => void) => () => void {
    return this.store.subscribe;
  }

  get snapshot(): () => ChatView {
    return this.store.snapshot;
  }

  /** Logs in, then loads groups and unread counts; a failed login ends the chat with exit code 1. */
  async start(): Promise<void> {
    try {
      const { registered } = await this.options.login();
      const info = this.client.info();
      if (info.userId) this.directory.rememberUser({ userId: info.userId, userName: info.userName });
      if (registered) this.store.system(`welcome, ${info.userName}: your account was created (user id ${info.userId})`);
      // A resumed session is online before the screen starts listening.
      this.store.update({ server: info.server, busy: undefined, link: linkOf(info.state) });
      this.store.system(
        `connected as ${info.userName} to ${info.server} — plain lines go to the lobby; :all lists commands`,
      );
    } catch (err) {
      const wrongPassword = err instanceof CimError && err.code === ErrorCodes.BAD_CREDENTIALS;
      this.store.system(
        wrongPassword ? `wrong password for ${this.options.userName}` : `cannot connect: ${describeError(err)}`,
        'error',
      );
      this.store.update({ link: 'offline', busy: undefined, exitCode: 1 });
      return;
    }
    await this.loadConversations();
  }

  /** Carries out one typed line. Never throws. */
  async submit(line: string): Promise<void> {
    const input = parseInput(line);
    try {
      await this.run(input);
    } catch (err) {
      this.store.system(describeError(err), 'error');
    }
  }

  /**
   * Closes the connection and ends the chat with exit code 0. The session stays, so that the next
   * chat resumes it with the stored token (`cim logout` ends it).
   */
  async quit(): Promise<void> {
    if (this.quitting) return;
    this.quitting = true;
    this.store.update({ busy: 'closing…' });
    await this.client.close({ logout: false }).catch(() => undefined);
    this.store.update({ busy: undefined, exitCode: 0 });
  }

  private async run(input: ChatInput): Promise<void> {
    switch (input.kind) {
      case 'empty':
        return;
      case 'invalid':
        return this.store.system(input.hint, 'error');
      case 'message':
        return this.sendTo(destinationOf(this.view().target), channelOfTarget(this.view().target), input.body);
      case 'private-to-name': {
        const user = await this.directory.user(input.userName);
        return this.sendTo({ userId: user.userId }, `@${user.userName}`, input.body);
      }
      case 'private-to-id':
        return this.sendTo({ userId: input.userId }, this.directory.userLabel(input.userId), input.body);
      case 'delayed':
        return this.sendLater(input.seconds, input.body);
      case 'recall':
        return this.recallLast();
      case 'target-user': {
        const user = await this.directory.user(input.userName);
        this.enter({ kind: 'user', ...user });
        return this.store.system(`plain lines now go to @${user.userName}; :lobby goes back`);
      }
      case 'target-group':
        return this.groups.pick(input.group);
      case 'target-lobby':
        this.enter(LOBBY);
        return this.store.system('plain lines now go to the lobby');
      case 'search':
        return this.search(input.keyword);
      case 'create-group':
        return this.groups.create(input.name, input.memberNames, input.public);
      case 'join-group':
        return this.groups.join(input.groupId);
      case 'leave-group':
        return this.groups.leave();
      case 'dissolve-group':
        return this.groups.dissolve();
      case 'members':
        return this.groups.members();
      case 'invite':
        return this.groups.invite(input.group, input.userNames);
      case 'groups':
        return this.groups.list();
      case 'public-groups':
        return this.groups.listPublic(input.after);
      case 'online-users': {
        const users = await this.client.onlineUsers();
        users.forEach((u) => this.directory.rememberUser(u));
        return this.store.system(`online (${users.length}): ${names(users)}`);
      }
      case 'find-users': {
        const users = await this.client.findUsers(input.prefix);
        users.forEach((u) => this.directory.rememberUser(u));
        return this.store.system(
          users.length
            ? `users starting with "${input.prefix}": ${names(users)}`
            : `no user name starts with "${input.prefix}"`,
        );
      }
      case 'emoji':
        return this.store.append({
          kind: 'emoji',
          key: this.store.key(),
          page: input.page,
          pages: EMOJI_PAGES,
          entries: emojiPage(input.page),
        });
      case 'info':
        return this.showInfo();
      case 'help': {
        const width = Math.max(...COMMANDS.map((c) => c.usage.length));
        for (const { usage, description } of COMMANDS) this.store.system(`${usage.padEnd(width)}  ${description}`);
        return;
      }
      case 'quit':
        return this.quit();
    }
  }

  private async sendTo(to: Destination, channel: string, body: string): Promise<void> {
    const clientMsgId = randomId();
    this.rememberOwn(clientMsgId);
    const key = this.store.key();
    const recipient = channel === 'lobby' ? undefined : channel;
    this.store.append({
      kind: 'message',
      key,
      ts: this.now(),
      from: this.view().userName,
      channel,
      to: recipient,
      body,
      own: true,
      status: 'sending',
    });
    try {
      const answer = await this.client.send(to, body, { clientMsgId });
      const stored =
        'broadcast' in to ? undefined : { msgId: answer.msgId, conversationId: answer.conversationId, seq: answer.seq };
      this.updateLine(key, (line) => ({
        ...line,
        ts: Number(answer.ts) || line.ts,
        stored,
        status: stored ? this.receipts.statusOf(stored, 'stored') : 'sent',
      }));
    } catch (err) {
      this.updateLine(key, (line) => ({ ...line, status: 'failed' }));
      this.store.system(`not sent: ${describeError(err)}`, 'error');
    }
  }

  /**
   * The route holds the message until it is due. Its clientMsgId is not remembered as this
   * device's, so when it comes back it shows like any message, at the time it was sent.
   */
  private async sendLater(seconds: number, body: string): Promise<void> {
    const deliverAt = this.now() + seconds * 1000;
    const channel = channelOfTarget(this.view().target);
    await this.client.schedule(destinationOf(this.view().target), body, deliverAt);
    this.store.system(`scheduled for ${formatMoment(deliverAt, this.now(), { seconds: true })} → ${channel}: ${body}`);
  }

  private async recallLast(): Promise<void> {
    const channel = channelOfTarget(this.view().target);
    if (this.view().target.kind === 'lobby')
      return this.store.system('lobby messages are not stored, so they cannot be recalled', 'error');
    const last = this.view().lines.findLast(
      (line): line is MessageLine & { stored: StoredRef } =>
        line.kind === 'message' && line.own && line.channel === channel && !!line.stored && !line.recalled,
    );
    if (!last) return this.store.system(`no message of yours in ${channel} to recall`, 'error');
    await this.client.recall(last.stored.msgId);
    this.markRecalled(last.stored.msgId);
    this.store.system(`you recalled "${excerpt(last.body)}" in ${channel}`);
  }

  private async search(keyword: string): Promise<void> {
    const myUserId = this.client.info().userId!;
    const conversationId = conversationIdOf(this.view().target, myUserId);
    const where = conversationId ? channelOfTarget(this.view().target) : 'your conversations';
    const { hits, more } = await this.whileBusy(`searching for "${keyword}"…`, () =>
      searchHistory(this.client, keyword, conversationId),
    );
    if (hits.length === 0) return this.store.system(`nothing in ${where} matches "${keyword}"`);
    this.store.system(
      `${more ? `the newest ${hits.length}` : hits.length} ${hits.length === 1 ? 'message' : 'messages'} in ${where} matching "${keyword}":`,
    );
    for (const hit of hits) {
      this.directory.rememberUser({ userId: hit.fromUserId, userName: hit.fromUserName });
      // From the lobby the search went over every conversation: say which one each hit is in.
      const place = conversationId ? '' : `${this.channelOf(hit, hit.fromUserId === myUserId)} `;
      this.store.system(`${formatMoment(Number(hit.ts), this.now())} ${place}${hit.fromUserName}: ${hit.body}`);
    }
  }

  /** Makes `target` where plain lines go; what it holds is on screen now, so it is read. */
  private enter(target: Target): void {
    const channel = channelOfTarget(target);
    this.store.update({ target, unread: without(this.view().unread, channel) });
    this.markRead(channel);
  }

  /** Groups and unread counts from the route; missing them costs only these, not the chat. */
  private async loadConversations(): Promise<void> {
    try {
      await this.whileBusy('loading your conversations…', async () => {
        for (const group of await this.directory.refreshGroups()) this.relabelGroup(group);
        const myUserId = this.client.info().userId!;
        for (const conversation of await unreadConversations(this.client, myUserId)) {
          for (const m of conversation.messages)
            this.directory.rememberUser({ userId: m.fromUserId, userName: m.fromUserName });
          const channel = this.channelOf(conversation.messages[0], conversation.messages[0].fromUserId === myUserId);
          // A conversation opened meanwhile is being read.
          if (channel === channelOfTarget(this.view().target)) continue;
          this.unreadUpTo.set(channel, conversation.latest);
          this.store.update({ unread: { ...this.view().unread, [channel]: conversation.count } });
        }
      });
    } catch (err) {
      this.store.system(`could not load your groups and unread counts: ${describeError(err)}`, 'error');
    }
  }

  /** Shows `label` by the spinner while `work` runs, unless something else (a reconnect) takes the spinner meanwhile. */
  private async whileBusy<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.store.update({ busy: label });
    try {
      return await work();
    } finally {
      if (this.view().busy === label) this.store.update({ busy: undefined });
    }
  }

  private showInfo(): void {
    const info = this.client.info();
    const uptime = info.onlineSince && info.state === 'online' ? formatDuration(this.now() - info.onlineSince) : '—';
    this.store.system(`user ${info.userName} (id ${info.userId ?? '?'}) on device ${info.deviceId}`);
    this.store.system(
      `server ${info.serverId ?? '?'} at ${info.server ?? '?'}, ${info.state}, up ${uptime}, ${info.reconnects} reconnects`,
    );
  }

  private onState(state: ConnectionState): void {
    // A first connect that fails falls back to idle; start() decides what that means (register
    // and try again, or give up), so the screen keeps saying "connecting" meanwhile.
    if (state === 'idle') return;
    const link = linkOf(state);
    const busy = link === 'connecting' ? 'connecting…' : link === 'reconnecting' ? 'reconnecting…' : undefined;
    this.store.update({ link, busy: this.quitting ? this.view().busy : busy });
    if (state === 'online') this.store.update({ server: this.client.info().server });
  }

  private onMessage(message: ChatMessage): void {
    this.directory.rememberUser({ userId: message.fromUserId, userName: message.fromUserName });
    // What this device sent is already on screen, with its own status.
    if (this.ownClientMsgIds.has(message.clientMsgId)) return;
    const own = message.fromUserId === this.client.info().userId;
    const channel = this.channelOf(message, own);
    const stored =
      message.seq === '0'
        ? undefined
        : { msgId: message.msgId, conversationId: message.conversationId, seq: message.seq };
    this.store.append({
      kind: 'message',
      key: this.store.key(),
      ts: Number(message.ts),
      from: message.fromUserName,
      channel,
      to: channel === 'lobby' ? undefined : own || 'groupId' in message.to ? channel : `@${this.view().userName}`,
      body: message.body,
      recalled: message.recalled || undefined,
      notice: message.notice ? true : undefined,
      own,
      status: own && !message.notice ? (stored ? this.receipts.statusOf(stored, 'stored') : 'sent') : undefined,
      stored,
    });
    if ('groupId' in message.to && !this.directory.knownGroup(message.to.groupId))
      void this.learnGroup(message.to.groupId);
    if (own) return;
    if (stored && channel !== 'lobby') this.unreadUpTo.set(channel, stored);
    if (channel === channelOfTarget(this.view().target)) this.markRead(channel);
    else this.store.update({ unread: { ...this.view().unread, [channel]: (this.view().unread[channel] ?? 0) + 1 } });
  }

  private onReceipt(receipt: Receipt): void {
    this.receipts.record(receipt);
    this.store.updateMessages((line) => {
      if (!line.own || !line.stored || !line.status) return line;
      const status = this.receipts.statusOf(line.stored, line.status);
      return status === line.status ? line : { ...line, status };
    });
  }

  private onRecalled(recall: Recall): void {
    this.markRecalled(recall.msgId);
  }

  /** The body goes: a recall is meant to take the words back, not to leave them on screen. */
  private markRecalled(msgId: string): void {
    this.store.updateMessages((line) =>
      line.stored?.msgId === msgId && !line.recalled ? { ...line, body: '', recalled: true } : line,
    );
  }

  /** A message came from a group this chat has not seen: fetch its name and put it on the lines so far. */
  private async learnGroup(groupId: string): Promise<void> {
    if (this.learningGroups.has(groupId)) return;
    this.learningGroups.add(groupId);
    try {
      const group = await this.client.api.group(groupId);
      this.directory.rememberGroup(group);
      this.relabelGroup(group);
    } catch {
      // The stand-in label stays; the messages are on screen either way.
    } finally {
      this.learningGroups.delete(groupId);
    }
  }

  /** Lines and counts filed under a group's stand-in label move to its name. */
  private relabelGroup(group: Group): void {
    const from = unknownGroupLabel(group.groupId);
    const to = `#${group.name}`;
    this.store.updateMessages((line) => (line.channel === from ? { ...line, channel: to, to } : line));
    const waiting = this.view().unread[from];
    if (waiting)
      this.store.update({
        unread: { ...without(this.view().unread, from), [to]: (this.view().unread[to] ?? 0) + waiting },
      });
    const upTo = this.unreadUpTo.get(from);
    if (upTo) {
      this.unreadUpTo.delete(from);
      this.unreadUpTo.set(to, upTo);
    }
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
    if ('groupId' in message.to) return this.directory.groupLabel(message.to.groupId);
    return own ? this.directory.userLabel(message.to.userId) : `@${message.fromUserName}`;
  }

  private rememberOwn(clientMsgId: string): void {
    this.ownClientMsgIds.add(clientMsgId);
    if (this.ownClientMsgIds.size > MAX_OWN_IDS) {
      const oldest = this.ownClientMsgIds.values().next().value;
      if (oldest !== undefined) this.ownClientMsgIds.delete(oldest);
    }
  }

  private updateLine(key: string, change: (line: MessageLine) => MessageLine): void {
    this.store.updateMessages((line) => (line.key === key ? change(line) : line));
  }

  private view(): ChatView {
    return this.store.snapshot();
  }
}

function destinationOf(target: Target): Destination {
  switch (target.kind) {
    case 'lobby':
      return { broadcast: true };
    case 'user':
      return { userId: target.userId };
    case 'group':
      return { groupId: target.groupId };
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

/** The start of a body, enough to recognise it by. */
function excerpt(body: string): string {
  return body.length > 40 ? `${body.slice(0, 39)}…` : body;
}

function names(users: UserSummary[]): string {
  return users.map((u) => u.userName).join(', ');
}

function without(record: Readonly<Record<string, number>>, key: string): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
