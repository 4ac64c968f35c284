import { apiAnswers, ErrorCodes } from '@cim/common';
import { z } from 'zod';
import { defaultRouteConfig } from '../config.js';
import {
  addMembersBody,
  createGroupBody,
  loginBody,
  readBody,
  refreshBody,
  registerBody,
  sendBody,
} from './schemas.js';
/**
 * The OpenAPI 3.1 document of the route's public API, served at GET /api/v1/openapi.json.
 * A test checks that every route of the app is here and every path here is a route of the app.
 * Request bodies are generated from the zod schemas the route checks them with; answers from the
 * zod schemas of @cim/common (`apiAnswers`), which the SDK's types are inferred from.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema?: object) => (schema ? { description, ...json(schema) } : { description });
/** The JSON Schema of what a client sends (defaults may be left out), as OpenAPI 3.1 embeds it. */
function requestSchema(schema: z.ZodType): object {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}
const requestBody = (schema: z.ZodType) => json(requestSchema(schema));
/** The answers' JSON Schemas, each under its id, referring to one another as components. */
function answerSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(apiAnswers, {
    io: 'output',
    unrepresentable: 'any',
    uri: (name) => `#/components/schemas/${name}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _dialect, $id: _id, ...schema }]) => [name, schema]),
  );
}
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: errorText[s] ?? 'error', ...json(ref('Error')) }]));
const errorText: Record<number, string> = {
  400: `invalid input (${ErrorCodes.INVALID_INPUT})`,
  401: `missing, bad or expired token, or its session ended (${ErrorCodes.UNAUTHORIZED}, ${ErrorCodes.BAD_TOKEN}, ${ErrorCodes.TOKEN_EXPIRED}, ${ErrorCodes.SESSION_ENDED}, ${ErrorCodes.BAD_CREDENTIALS})`,
  403: `not allowed (${ErrorCodes.FORBIDDEN}, ${ErrorCodes.NOT_A_MEMBER})`,
  404: `not found (${ErrorCodes.NOT_FOUND}, ${ErrorCodes.USER_NOT_FOUND})`,
  409: `conflict (${ErrorCodes.USER_EXISTS}, ${ErrorCodes.ALREADY_LOGGED_IN}, ${ErrorCodes.GROUP_FULL}, ${ErrorCodes.RECALL_TOO_LATE})`,
  410: `messages after the cursor are no longer kept: past the retention, or lost (${ErrorCodes.CURSOR_EXPIRED})`,
  413: `body too large (${ErrorCodes.BODY_TOO_LARGE})`,
  429: `rate limited (${ErrorCodes.RATE_LIMITED})`,
  503: `no push server or storage unavailable (${ErrorCodes.NO_SERVER}, ${ErrorCodes.UNAVAILABLE})`,
};
const auth = [{ bearer: [] }];
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const queryParam = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'CIM-TS route API',
    version: '1',
    description:
      'Client-facing API of a CIM-TS route. After login, send the token as `Authorization: Bearer <token>`. Errors are `{code, message}`. 64-bit numbers are decimal strings.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: answerSchemas(),
  },
  paths: {
    '/accounts': {
      post: {
        summary: 'Register',
        requestBody: requestBody(registerBody),
        responses: { '201': ok('registered', ref('User')), ...errors(400, 409, 429) },
      },
    },
    '/sessions': {
      post: {
        summary: 'Log in: picks a push server and returns a token',
        requestBody: requestBody(loginBody),
        responses: {
          '200': ok('logged in', ref('Session')),
          ...errors(400, 401, 409, 429, 503),
        },
      },
    },
    '/sessions/refresh': {
      post: {
        summary:
          'A new session (server, token) for the device of a current session, without the password; the old session ends',
        security: auth,
        requestBody: { ...requestBody(refreshBody), required: false },
        responses: { '200': ok('refreshed', ref('Session')), ...errors(400, 401, 503) },
      },
    },
    '/sessions/current': {
      delete: { summary: 'Log out', security: auth, responses: { '204': ok('logged out'), ...errors(401) } },
    },
    '/users/online': {
      get: {
        summary: 'Online users, paged',
        security: auth,
        parameters: [
          queryParam('cursor', 'from the previous page'),
          queryParam('limit', '1-1000', { type: 'integer' }),
        ],
        responses: {
          '200': ok('a page', ref('OnlineUsersPage')),
          ...errors(400, 401),
        },
      },
    },
    '/users': {
      get: {
        summary: 'Find users by name prefix',
        security: auth,
        parameters: [queryParam('prefix', 'name prefix'), queryParam('limit', '1-100', { type: 'integer' })],
        responses: {
          '200': ok('users', ref('Users')),
          ...errors(400, 401),
        },
      },
    },
    '/users/{name}': {
      get: {
        summary: 'A user by exact name',
        security: auth,
        parameters: [pathParam('name', 'user name')],
        responses: { '200': ok('the user', ref('User')), ...errors(401, 404) },
      },
    },
    '/messages': {
      post: {
        summary: 'Send (stored before any push; idempotent on clientMsgId); with deliverAt, schedule',
        security: auth,
        requestBody: requestBody(sendBody(defaultRouteConfig.maxBodyChars)),
        responses: {
          '200': ok('stored (or broadcast)', ref('SendAnswer')),
          '202': ok('scheduled', ref('ScheduledAnswer')),
          ...errors(400, 401, 403, 404, 429, 503),
        },
      },
    },
    '/messages/{msgId}/recall': {
      post: {
        summary: 'Recall one of my messages',
        security: auth,
        parameters: [pathParam('msgId', 'message id')],
        responses: { '204': ok('recalled'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/sync': {
      get: {
        summary:
          'Everything after a sync cursor, in order, in pages; the last page also lists the large groups, whose messages are paged by seq instead',
        security: auth,
        parameters: [
          queryParam('after', 'cursor (0 = from the start)'),
          queryParam('limit', '1-1000', { type: 'integer' }),
        ],
        responses: {
          '200': ok('a page', ref('SyncPage')),
          ...errors(400, 401, 410),
        },
      },
    },
    '/conversations': {
      get: {
        summary: 'My conversations with unread counts',
        security: auth,
        parameters: [queryParam('limit', '1-500', { type: 'integer' })],
        responses: {
          '200': ok('conversations', ref('Conversations')),
          ...errors(400, 401),
        },
      },
    },
    '/conversations/{id}/messages': {
      get: {
        summary:
          'History, newest first, paged backwards by seq, with a keyword filter; or, with afterSeq, oldest first, paged forward (how a device catches up on a large group)',
        security: auth,
        parameters: [
          pathParam('id', 'conversation id'),
          queryParam('beforeSeq', 'exclusive upper bound'),
          queryParam(
            'afterSeq',
            'exclusive lower bound: pages forward, the answer says `expired` when the messages right after it are no longer kept; not with beforeSeq or q',
          ),
          queryParam('limit', '1-200', { type: 'integer' }),
          queryParam('q', 'keyword'),
        ],
        responses: {
          '200': ok('messages', ref('History')),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/conversations/{id}/read': {
      post: {
        summary: 'Mark read up to a seq',
        security: auth,
        parameters: [pathParam('id', 'conversation id')],
        requestBody: requestBody(readBody),
        responses: { '204': ok('marked'), ...errors(400, 401, 403, 404) },
      },
    },
    '/groups': {
      post: {
        summary: 'Create a group, private unless `public: true`',
        security: auth,
        requestBody: requestBody(createGroupBody),
        responses: { '201': ok('created', ref('Group')), ...errors(400, 401, 404, 409, 429) },
      },
      get: {
        summary: 'My groups',
        security: auth,
        responses: {
          '200': ok('groups', ref('Groups')),
          ...errors(401),
        },
      },
    },
    '/groups/public': {
      get: {
        summary: 'Public groups, by id, paged',
        security: auth,
        parameters: [
          queryParam('after', 'nextCursor of the previous page'),
          queryParam('limit', '1-100', { type: 'integer' }),
        ],
        responses: {
          '200': ok('a page', ref('PublicGroupsPage')),
          ...errors(400, 401),
        },
      },
    },
    '/groups/{id}': {
      get: {
        summary: 'One group (members only; a private group is 404 to others)',
        security: auth,
        parameters: [pathParam('id', 'group id')],
        responses: { '200': ok('the group', ref('Group')), ...errors(400, 401, 403, 404) },
      },
      delete: {
        summary: 'Dissolve (owner)',
        security: auth,
        parameters: [pathParam('id', 'group id')],
        responses: { '204': ok('dissolved'), ...errors(400, 401, 403, 404) },
      },
    },
    '/groups/{id}/members': {
      post: {
        summary: 'Add (invite) members, as a member; with none, join a public group',
        security: auth,
        parameters: [pathParam('id', 'group id')],
        requestBody: requestBody(addMembersBody),
        responses: { '200': ok('the group', ref('Group')), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/groups/{id}/members/{userId}': {
      delete: {
        summary: 'Remove a member (yourself: leave)',
        security: auth,
        parameters: [pathParam('id', 'group id'), pathParam('userId', 'member')],
        responses: { '200': ok('the group', ref('Group')), ...errors(400, 401, 403, 404) },
      },
    },
  },
} as const;
