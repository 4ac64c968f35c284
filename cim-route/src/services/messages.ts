import { createHash, randomUUID } from 'node:crypto';
import {
  CimError,
  ErrorCodes,
  type ChatMessage,
  type Destination,
  type ScheduledAnswer,
  type SendAnswer,
  type TokenClaims,
} from '@cim/common';
import type { Logger } from '@cim/common/server';

export type { ScheduledAnswer, SendAnswer };
import type { AbuseLimits } from '../abuse-limits.js';
import type { RouteConfig } from '../config.js';
import type { RouteMetrics } from '../metrics.js';
import { TtlMap } from '../store/shared/ttl-map.js';
import { bodyTextProblem, clientMsgIdProblem } from '../text-rules.js';
import type { RouteStore, SavedMessage, SyncPage } from '../store/types.js';
import { saveAndPush, saveAndPushToGroup } from './save-and-push.js';
import { BROADCAST_CONVERSATION, groupConversationId, privateConversationId } from './conversation-ids.js';
import type { FanOut } from '../delivery/index.js';
import type { Groups } from './groups.js';
import { settleInto } from '../settle.js';
import { TurnBatch } from './turn-batch.js';

const KNOWN_USER_CACHE_MS = 10 * 60 * 1000;

export interface SendInput {
  to: Destination;
  body: string;
  clientMsgId?: string;
  /** ms since epoch: schedule instead of sending now. */
  deliverAt?: number;
}

/** Who sends: a logged-in user (the claims of their token). */
export type Sender = Pick<TokenClaims, 'uid' | 'name'>;

/** One send of a batch (see `Messages.sendMany`). */
export interface QueuedSend {
  sender: Sender;
  input: SendInput;
}

/**
 * Sending. User and group messages are stored before any push (the store assigns msgId, seq and
 * each recipient's cursor), then fanned out. Broadcasts are live only. Every send is idempotent on
 * the sender's clientMsgId.
 */
export class Messages {
  private readonly knownUsers = new TtlMap<string, true>(KNOWN_USER_CACHE_MS);
  private readonly batch = new TurnBatch<QueuedSend, SendAnswer | ScheduledAnswer>((sends) => this.sendMany(sends));

  constructor(
    private readonly store: RouteStore,
    private readonly groups: Groups,
    private readonly fanOut: FanOut,
    private readonly limits: AbuseLimits,
    private readonly config: Pick<RouteConfig, 'maxBodyChars' | 'recallWindowMs' | 'maxDelayMs'>,
    private readonly logger: Logger,
    private readonly metrics: RouteMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async send(sender: Sender, input: SendInput): Promise<SendAnswer | ScheduledAnswer> {
    this.validate(input);
    await this.limits.send(sender.uid);
    return this.sendAllowed(sender, input);
  }

  /**
   * `send`, together with the other sends of this turn of the event loop (see `sendMany`): what
   * the route's APIs use, so that a busy route stores many messages per round trip.
   */
  sendInBatch(sender: Sender, input: SendInput): Promise<SendAnswer | ScheduledAnswer> {
    return this.batch.add({ sender, input });
  }

  /**
   * Several sends, each answered as `send` would answer it, a refused or failed one failing no
   * other: the senders' rate-limit tokens are taken in one round trip, the private messages are
   * stored together (`saveBatch`) and pushed with one look-up of their recipients' devices;
   * group, broadcast and scheduled messages go their own way once allowed.
   */
  async sendMany(sends: QueuedSend[]): Promise<PromiseSettledResult<SendAnswer | ScheduledAnswer>[]> {
    const results = new Array<PromiseSettledResult<SendAnswer | ScheduledAnswer>>(sends.length);
    const valid: number[] = [];
    sends.forEach(({ input }, i) => {
      try {
        this.validate(input);
        valid.push(i);
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    });
    let refusals: (Error | undefined)[];
    try {
      refusals = await this.limits.sendMany(valid.map((i) => sends[i].sender.uid));
    } catch (reason) {
      for (const i of valid) results[i] = { status: 'rejected', reason };
      return results;
    }
    const privateNow: number[] = [];
    const others: Promise<void>[] = [];
    valid.forEach((i, k) => {
      const { sender, input } = sends[i];
      const refusal = refusals[k];
      if (refusal) results[i] = { status: 'rejected', reason: refusal };
      else if ('userId' in input.to && !(input.deliverAt !== undefined && input.deliverAt > this.now()))
        privateNow.push(i);
      else others.push(settleInto(results, i, this.sendAllowed(sender, input)));
    });
    await Promise.all([...others, this.sendPrivately(sends, privateNow, results)]);
    return results;
  }

  /** After the rate limit: schedules the message, or sends it now. */
  private sendAllowed(sender: Sender, input: SendInput): Promise<SendAnswer | ScheduledAnswer> {
    const clientMsgId = input.clientMsgId ?? randomUUID();
    if (input.deliverAt !== undefined && input.deliverAt > this.now()) {
      this.metrics.messages.inc({ kind: 'scheduled' });
      return this.schedule(sender, input, clientMsgId, input.deliverAt);
    }
    this.metrics.messages.inc({ kind: 'userId' in input.to ? 'user' : 'groupId' in input.to ? 'group' : 'broadcast' });
    return this.deliverNow(sender, input.to, input.body, clientMsgId);
  }

  /** The private messages `sends[i]` of `indexes`, sent now: stored by one `saveBatch`, then pushed together. */
  private async sendPrivately(
    sends: QueuedSend[],
    indexes: number[],
    results: PromiseSettledResult<SendAnswer | ScheduledAnswer>[],
  ): Promise<void> {
    const known = await Promise.allSettled(
      indexes.map((i) => this.requireUser((sends[i].input.to as { userId: string }).userId)),
    );
    const saving: number[] = [];
    indexes.forEach((i, k) => {
      const check = known[k];
      if (check.status === 'rejected') results[i] = check;
      else saving.push(i);
    });
    if (saving.length === 0) return;
    const saves = await this.store.messages.saveBatch(
      saving.map((i) => {
        const { sender, input } = sends[i];
        this.metrics.messages.inc({ kind: 'user' });
        const { conversationId, recipients } = privateConversation(sender.uid, (input.to as { userId: string }).userId);
        return {
          message: {
            conversationId,
            fromUserId: sender.uid,
            fromUserName: sender.name,
            to: input.to,
            body: input.body,
            clientMsgId: input.clientMsgId ?? randomUUID(),
          },
          recipientUserIds: recipients,
        };
      }),
    );
    const stored: { index: number; saved: SavedMessage }[] = [];
    saving.forEach((i, k) => {
      const save = saves[k];
      if (save.status === 'rejected') results[i] = save;
      else stored.push({ index: i, saved: save.value });
    });
    // Pushed again on a retry too, as deliverNow does.
    const pushed = this.fanOut.messages(stored.map((s) => s.saved));
    for (const { index, saved } of stored) results[index] = { status: 'fulfilled', value: answerOf(saved.message) };
    try {
      await pushed;
    } catch (reason) {
      for (const { index } of stored) results[index] = { status: 'rejected', reason };
    }
  }

  /** Sends at once, without the rate limit (used for scheduled messages that come due). */
  async deliverNow(sender: Sender, to: Destination, body: string, clientMsgId: string): Promise<SendAnswer> {
    if ('broadcast' in to) return this.broadcast(sender, body, clientMsgId);
    const from = { fromUserId: sender.uid, fromUserName: sender.name, to, body, clientMsgId };
    if ('groupId' in to) {
      const group = await this.groups.getAsMember(sender.uid, to.groupId);
      const conversationId = groupConversationId(group.groupId);
      return answerOf((await saveAndPushToGroup(this.store, this.fanOut, { conversationId, ...from }, group)).message);
    }
    await this.requireUser(to.userId);
    const { conversationId, recipients } = privateConversation(sender.uid, to.userId);
    const saved = await saveAndPush(this.store, this.fanOut, { conversationId, ...from }, recipients);
    return answerOf(saved.message);
  }

  /** Recalls one of the sender's own messages within the recall window. */
  async recall(userId: string, msgId: string): Promise<void> {
    const message = await this.store.messages.get(msgId);
    if (!message) throw new CimError(ErrorCodes.NOT_FOUND, `no message ${msgId}`);
    if (message.fromUserId !== userId)
      throw new CimError(ErrorCodes.FORBIDDEN, 'you can only recall your own messages');
    if (this.now() - Number(message.ts) > this.config.recallWindowMs) {
      throw new CimError(
        ErrorCodes.RECALL_TOO_LATE,
        `messages can be recalled within ${Math.round(this.config.recallWindowMs / 1000)} s`,
      );
    }
    const recalled = await this.store.messages.markRecalled(msgId);
    if (!recalled) return;
    const members = await this.participants(recalled);
    await this.fanOut.frame(
      { recalled: { msgId, conversationId: recalled.conversationId, seq: recalled.seq, byUserId: userId } },
      members,
    );
  }

  sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    return this.store.messages.sync(userId, after, limit);
  }

  /** Users who take part in a stored message's conversation. */
  async participants(message: ChatMessage): Promise<string[]> {
    if ('groupId' in message.to) return (await this.store.groups.get(message.to.groupId))?.memberIds ?? [];
    if ('userId' in message.to) return [...new Set([message.fromUserId, message.to.userId])];
    return [];
  }

  private async schedule(
    sender: Sender,
    input: SendInput,
    clientMsgId: string,
    deliverAt: number,
  ): Promise<ScheduledAnswer> {
    if (deliverAt - this.now() > this.config.maxDelayMs) {
      throw new CimError(
        ErrorCodes.INVALID_INPUT,
        `deliverAt may be at most ${Math.round(this.config.maxDelayMs / 86_400_000)} days ahead`,
      );
    }
    if ('groupId' in input.to) await this.groups.getAsMember(sender.uid, input.to.groupId);
    if ('userId' in input.to) await this.requireUser(input.to.userId);
    await this.store.schedule.schedule({
      senderId: sender.uid,
      senderName: sender.name,
      to: input.to,
      body: input.body,
      clientMsgId,
      deliverAt,
    });
    this.logger.info({ userId: sender.uid, clientMsgId, deliverAt }, 'message scheduled');
    return { scheduled: true, clientMsgId, deliverAt };
  }

  private async broadcast(sender: Sender, body: string, clientMsgId: string): Promise<SendAnswer> {
    const message: ChatMessage = {
      msgId: broadcastMsgId(sender.uid, clientMsgId),
      conversationId: BROADCAST_CONVERSATION,
      seq: '0',
      fromUserId: sender.uid,
      fromUserName: sender.name,
      to: { broadcast: true },
      body,
      ts: String(this.now()),
      clientMsgId,
    };
    await this.fanOut.broadcast(message);
    return answerOf(message);
  }

  /** Accounts are never deleted, so a user found once needs no second lookup (the cache only bounds memory). */
  private async requireUser(userId: string): Promise<void> {
    if (this.knownUsers.get(userId, this.now())) return;
    if (!(await this.store.users.getById(userId)))
      throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user with id ${userId}`);
    this.knownUsers.set(userId, true, this.now());
  }

  private validate(input: SendInput): void {
    if (!input.body) throw new CimError(ErrorCodes.INVALID_INPUT, 'message body must not be empty');
    if (Buffer.byteLength(input.body) > this.config.maxBodyChars) {
      throw new CimError(ErrorCodes.INVALID_INPUT, `message body is limited to ${this.config.maxBodyChars} bytes`);
    }
    const problem =
      bodyTextProblem(input.body) ??
      (input.clientMsgId === undefined ? undefined : clientMsgIdProblem(input.clientMsgId));
    if (problem) throw new CimError(ErrorCodes.INVALID_INPUT, problem);
  }
}

/**
 * Broadcasts are not stored, so their id comes from the sender and clientMsgId: a retried
 * broadcast (or one sent by two routes) carries the same msgId and clients show it once.
 */
function broadcastMsgId(senderId: string, clientMsgId: string): string {
  const digest = createHash('sha256').update(`${senderId}\u0000${clientMsgId}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn).toString();
}

/** A private conversation's id and the users whose streams get its messages (a note to self: one). */
function privateConversation(senderId: string, userId: string): { conversationId: string; recipients: string[] } {
  return {
    conversationId: privateConversationId(senderId, userId),
    recipients: userId === senderId ? [senderId] : [userId, senderId],
  };
}

function answerOf(message: ChatMessage): SendAnswer {
  return {
    msgId: message.msgId,
    conversationId: message.conversationId,
    seq: message.seq,
    ts: message.ts,
    clientMsgId: message.clientMsgId,
  };
}
