import { decimalCursorSchema, decimalIdSchema, ErrorCodes } from '@cim/common';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import { bodyTextProblem, clientMsgIdProblem, nameTextProblem } from '../text-rules.js';

/** Turns a text rule (a reason to refuse, or undefined) into a schema check. */
function refuseWhen(problem: (text: string) => string | undefined) {
  return (text: string, ctx: z.RefinementCtx) => {
    const message = problem(text);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

export const userName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'user names are 1-32 of A-Z a-z 0-9 _ . -')
  .meta({ description: 'unique in any letter case' });
const decimalId = decimalIdSchema();

/** The password rule itself is checked after the name (see Accounts.register). */
export const registerBody = z.object({
  userName,
  // The documented minimum is the policy's, which Accounts.register enforces.
  password: z.string().min(1, 'password must not be empty').max(256).meta({ minLength: MIN_PASSWORD_LENGTH }),
});

/** Any non-empty password: accounts registered before the length rule keep logging in. */
/** How the device will connect to its push server: only servers that speak it are picked. */
const transport = z.enum(['tcp', 'ws']).default('tcp');

export const loginBody = z.object({
  userName,
  password: z.string().min(1).max(256),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'device ids are 1-64 of A-Z a-z 0-9 _ . : -')
    .optional(),
  transport,
});

/** A refresh needs no body; one may name the transport. */
export const refreshBody = z.object({ transport }).default({ transport: 'tcp' });

export const destination = z.union([
  z.object({ userId: decimalId }).strict(),
  z.object({ groupId: decimalId }).strict(),
  z.object({ broadcast: z.literal(true) }).strict(),
]);

/** Longest clientMsgId a send may carry, over HTTP and over TCP. */
export const MAX_CLIENT_MSG_ID = 64;

export function sendBody(maxBodyChars: number) {
  return z.object({
    to: destination,
    body: z
      .string()
      .min(1, 'message body must not be empty')
      .refine((s) => Buffer.byteLength(s) <= maxBodyChars, `message body is limited to ${maxBodyChars} bytes`)
      .superRefine(refuseWhen(bodyTextProblem))
      .meta({
        maxLength: maxBodyChars,
        description: `no control characters except line feed and tab (${ErrorCodes.INVALID_INPUT})`,
      }),
    clientMsgId: z.string().min(1).max(MAX_CLIENT_MSG_ID).superRefine(refuseWhen(clientMsgIdProblem)).optional(),
    deliverAt: z.number().int().positive().optional(),
  });
}

export const idParam = decimalId;

export const createGroupBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a group needs a name')
    .max(64)
    .superRefine(refuseWhen(nameTextProblem))
    .meta({ description: `no control characters or bidi overrides/isolates (${ErrorCodes.INVALID_INPUT})` }),
  memberIds: z.array(decimalId).max(10_000).default([]),
  public: z.boolean().default(false),
});

export const publicGroupsQuery = z.object({
  after: decimalIdSchema('after must be a group id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const addMembersBody = z.object({
  userIds: z.array(decimalId).max(10_000).default([]),
});

export const historyQuery = z
  .object({
    beforeSeq: decimalIdSchema('beforeSeq must be a seq').optional(),
    afterSeq: decimalCursorSchema('afterSeq must be a seq').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    q: z.string().min(1).max(100).optional(),
  })
  .refine((query) => query.afterSeq === undefined || (query.beforeSeq === undefined && query.q === undefined), {
    message: 'afterSeq pages forward and cannot be combined with beforeSeq or q',
  });

export const readBody = z.object({
  seq: decimalCursorSchema('seq must be a decimal seq'),
});

export const conversationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const syncQuery = z.object({
  after: decimalCursorSchema().default('0'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const onlineQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const prefixQuery = z.object({
  prefix: z.string().max(32).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
