import { randomUUID } from 'node:crypto';
import { CimError, ErrorCodes, IdGenerator, type ChatMessage, type Destination, type Logger, type TokenClaims } from '@cim/common';
import type { RouteConfig } from '../config.js';
import type { PushDispatcher } from '../push-dispatcher.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { ServerDirectory } from '../server-directory.js';
import type { RouteStore, SavedMessage, SyncPage } from '../store/types.js';
import type { Presence } from './presence.js';

export interface SendInput {
  to: Destination;
  body: string;
  clientMsgId?: string;
}

export interface SendAnswer {
  msgId: string;
  conversationId: string;
  seq: string;
  ts: string;
  clientMsgId: string;
}

export const BROADCAST_CONVERSATION = 'b';

/** Conversation id of a private chat: the same whichever of the two sends. */
export function privateConversationId(a: string, b: string): string {
  return BigInt(a) <= BigInt(b) ? `p:${a}:${b}` : `p:${b}:${a}`;
}

/**
 * Sending and fan-out. User messages are stored before any push (the store assigns msgId, seq and
 * each recipient's cursor), then pushed with one request per push server. Broadcasts are live only.
 */
export class Messages {
  private readonly broadcastIds = new IdGenerator();

  constructor(
    private readonly store: RouteStore,
    private readonly presence: Presence,
    private readonly directory: ServerDirectory,
    private readonly dispatcher: PushDispatcher,
    private readonly rateLimiter: RateLimiter,
    private readonly config: Pick<RouteConfig, 'maxBodyChars'>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async send(sender: TokenClaims, input: SendInput): Promise<SendAnswer> {
    if (!input.body) throw new CimError(ErrorCodes.INVALID_INPUT, 'message body must not be empty');
    if (Buffer.byteLength(input.body) > this.config.maxBodyChars) {
      throw new CimError(ErrorCodes.INVALID_INPUT, `message body is limited to ${this.config.maxBodyChars} bytes`);
    }
    if (!this.rateLimiter.take(sender.uid)) {
      throw new CimError(ErrorCodes.RATE_LIMITED, 'sending too fast: slow down and retry with the same clientMsgId');
    }
    const clientMsgId = input.clientMsgId ?? randomUUID();
    if ('broadcast' in input.to) return this.broadcast(sender, input.body, clientMsgId);
    if ('userId' in input.to) return this.sendPrivate(sender, input.to.userId, input.body, clientMsgId);
    throw new CimError(ErrorCodes.UNSUPPORTED, 'group messages are not available yet');
  }

  private async sendPrivate(sender: TokenClaims, toUserId: string, body: string, clientMsgId: string): Promise<SendAnswer> {
    const recipient = await this.store.getUserById(toUserId);
    if (!recipient) throw new CimError(ErrorCodes.USER_NOT_FOUND, `no user with id ${toUserId}`);
    const recipients = recipient.userId === sender.uid ? [sender.uid] : [recipient.userId, sender.uid];
    const saved = await this.store.saveMessage(
      {
        conversationId: privateConversationId(sender.uid, recipient.userId),
        fromUserId: sender.uid,
        fromUserName: sender.name,
        to: { userId: recipient.userId },
        body,
        clientMsgId,
      },
      recipients,
    );
    // A retry may come because the first push was lost with a crashed route: push again.
    // Clients drop what they already have (by msgId).
    await this.fanOut(saved);
    return answerOf(saved.message);
  }

  private async broadcast(sender: TokenClaims, body: string, clientMsgId: string): Promise<SendAnswer> {
    const message: ChatMessage = {
      msgId: this.broadcastIds.next(),
      conversationId: BROADCAST_CONVERSATION,
      seq: '0',
      fromUserId: sender.uid,
      fromUserName: sender.name,
      to: { broadcast: true },
      body,
      ts: String(this.now()),
      clientMsgId,
    };
    await Promise.all(this.directory.live().map((server) => this.dispatcher.broadcast(server, message)));
    return answerOf(message);
  }

  /** Pushes a stored message to every live device of its recipients: one request per server. */
  private async fanOut(saved: SavedMessage): Promise<void> {
    const userIds = Object.keys(saved.cursors);
    const sessions = await this.presence.liveSessionsOf(userIds);
    const targetsByServer = new Map<string, Map<string, string>>();
    for (const [userId, list] of sessions) {
      for (const session of list) {
        let targets = targetsByServer.get(session.serverId);
        if (!targets) targetsByServer.set(session.serverId, (targets = new Map()));
        targets.set(userId, saved.cursors[userId]);
      }
    }
    const pushes = [];
    for (const [serverId, targets] of targetsByServer) {
      const server = this.directory.get(serverId);
      if (!server) continue;
      const list = [...targets].map(([userId, cursor]) => ({ userId, cursor }));
      pushes.push(this.dispatcher.deliver(server, { message: saved.message, targets: list }));
    }
    await Promise.all(pushes);
  }

  async sync(userId: string, after: string, limit: number): Promise<SyncPage> {
    return this.store.sync(userId, after, limit);
  }
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
