/**
 * The answers of the route's public API, written once as zod schemas: the route's OpenAPI document
 * is generated from them, the SDK's types are inferred from them, and a test holds the route's
 * real answers to them.
 */
import { z } from 'zod';
import type { ChatMessage } from './codec/types.js';
import { DECIMAL_CURSOR, DECIMAL_ID } from './decimal.js';

/** Every answer schema, by the name the OpenAPI document gives it (`#/components/schemas/<id>`). */
export const apiAnswers = z.registry<{ id: string }>();

const id = z.string().regex(DECIMAL_ID);
/** A cursor or seq ("0" allowed). */
const position = z.string().regex(DECIMAL_CURSOR);
const count = z.number().int().nonnegative();

export const destinationSchema = z.union([
  z.object({ userId: z.string() }),
  z.object({ groupId: z.string() }),
  z.object({ broadcast: z.literal(true) }),
]);

export const messageNoticeSchema = z.object({
  kind: z.literal('MEMBERS_ADDED'),
  userIds: z.array(id),
  userNames: z.array(z.string()),
});

/** A stored (or broadcast) message, as `ChatMessage` (proto `Message`). */
export const chatMessageSchema = z
  .object({
    msgId: id,
    conversationId: z.string().meta({ description: 'p:<lowUserId>:<highUserId>, g:<groupId> or b' }),
    seq: position,
    fromUserId: id,
    fromUserName: z.string(),
    to: destinationSchema,
    body: z.string(),
    ts: position.meta({ description: 'ms since the epoch' }),
    clientMsgId: z.string(),
    recalled: z.boolean().optional(),
    notice: messageNoticeSchema
      .optional()
      .meta({ description: 'set when the route wrote it about the conversation ("alice added bob")' }),
  })
  .register(apiAnswers, { id: 'Message' }) satisfies z.ZodType<ChatMessage>;

export const errorAnswerSchema = z
  .object({ code: z.string().meta({ description: 'CIM_ERR_*' }), message: z.string() })
  .register(apiAnswers, { id: 'Error' });

export const userSummarySchema = z.object({ userId: id, userName: z.string() }).register(apiAnswers, { id: 'User' });
export type UserSummary = z.infer<typeof userSummarySchema>;

/** A login (or token refresh): the session, its token, and the push server to connect to. */
export const loginAnswerSchema = z
  .object({
    userId: id,
    userName: z.string(),
    deviceId: z.string(),
    sessionId: z.string(),
    token: z.string(),
    expiresAt: z.number().int().meta({ description: 'ms since the epoch' }),
    server: z.object({
      id: z.string(),
      host: z.string(),
      tcpPort: z.number().int(),
      tls: z.boolean(),
      wsUrl: z
        .string()
        .optional()
        .meta({ description: 'ws://host:port/ or wss://…: present when the server has a WebSocket listener' }),
    }),
    heartbeatMs: z.number().int(),
  })
  .register(apiAnswers, { id: 'Session' });
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

/** How a device connects to its push server; asked for at login (`transport`, default "tcp"). */
export type ClientTransportName = 'tcp' | 'ws';

/** A stored (or broadcast) message: its coordinates. */
export const sendAnswerSchema = z
  .object({ msgId: id, conversationId: z.string(), seq: position, ts: position, clientMsgId: z.string() })
  .register(apiAnswers, { id: 'SendAnswer' });
export type SendAnswer = z.infer<typeof sendAnswerSchema>;

/** A message scheduled for later (`deliverAt`, ms since epoch). */
export const scheduledAnswerSchema = z
  .object({ scheduled: z.literal(true), clientMsgId: z.string(), deliverAt: z.number().int() })
  .register(apiAnswers, { id: 'ScheduledAnswer' });
export type ScheduledAnswer = z.infer<typeof scheduledAnswerSchema>;

export const groupSchema = z
  .object({
    groupId: id,
    name: z.string(),
    ownerId: id,
    memberIds: z.array(id),
    createdAt: z.number().int(),
    public: z.boolean().meta({ description: 'anyone may find and join it; else only members add people' }),
  })
  .register(apiAnswers, { id: 'Group' });
export type Group = z.infer<typeof groupSchema>;

/** A public group as anyone sees it in the listing: no member list. */
export const publicGroupSchema = z
  .object({ groupId: id, name: z.string(), ownerId: id, memberCount: count, createdAt: z.number().int() })
  .register(apiAnswers, { id: 'PublicGroup' });
export type PublicGroup = z.infer<typeof publicGroupSchema>;

export const conversationSummarySchema = z
  .object({ conversationId: z.string(), lastSeq: position, readSeq: position, unread: count })
  .register(apiAnswers, { id: 'Conversation' });
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const onlineUsersPageSchema = z
  .object({
    users: z.array(userSummarySchema),
    nextCursor: z.string().nullable().meta({ description: 'pass as `cursor` for the next page; null at the end' }),
  })
  .register(apiAnswers, { id: 'OnlineUsersPage' });
export const usersAnswerSchema = z.object({ users: z.array(userSummarySchema) }).register(apiAnswers, { id: 'Users' });
export const historyAnswerSchema = z
  .object({
    messages: z.array(chatMessageSchema),
    expired: z.boolean().optional().meta({
      description:
        'with afterSeq only: the messages right after afterSeq are no longer kept, so the page starts at the oldest kept one',
    }),
  })
  .register(apiAnswers, { id: 'History' });
export const conversationsAnswerSchema = z
  .object({ conversations: z.array(conversationSummarySchema) })
  .register(apiAnswers, { id: 'Conversations' });
export const groupsAnswerSchema = z.object({ groups: z.array(groupSchema) }).register(apiAnswers, { id: 'Groups' });
export const publicGroupsPageSchema = z
  .object({
    groups: z.array(publicGroupSchema),
    nextCursor: id.nullable().meta({ description: 'pass as `after` for the next page; null at the end' }),
  })
  .register(apiAnswers, { id: 'PublicGroupsPage' });
export type PublicGroupsPage = z.infer<typeof publicGroupsPageSchema>;

/**
 * A large group (read diffusion) the user is a member of: its messages are in no sync stream, so a
 * device pages its conversation by seq (`GET /conversations/:id/messages?afterSeq=`) from the seq it
 * has, or from `fromSeq` when it has nothing of it, up to `seq`.
 */
export const largeGroupPositionSchema = z
  .object({
    conversationId: z.string(),
    seq: position.meta({ description: "the conversation's latest seq" }),
    fromSeq: position.meta({
      description:
        'a device with nothing of the group has everything up to here (in its stream, or from before it joined)',
    }),
  })
  .register(apiAnswers, { id: 'LargeGroupPosition' });
export type LargeGroupPosition = z.infer<typeof largeGroupPositionSchema>;

/** A page of `GET /sync`: everything after the cursor asked for, in order. */
export const syncAnswerSchema = z
  .object({
    messages: z.array(z.object({ cursor: position, message: chatMessageSchema })),
    cursor: position.meta({ description: 'ask for the next page after this' }),
    hasMore: z.boolean(),
    largeGroups: z
      .array(largeGroupPositionSchema)
      .optional()
      .meta({ description: 'on the last page (hasMore false) only: every large group I am a member of' }),
  })
  .register(apiAnswers, { id: 'SyncPage' });
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;
