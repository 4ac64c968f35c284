import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '@cim/cli';
import { z } from 'zod';
import { signUp, type SignedUpUser } from '../support/accounts.js';
import { routeHttp } from '../support/route-http.js';
import { startTestCluster } from '../support/test-cluster.js';

type JsonSchema = { $ref?: string; [key: string]: unknown };
interface OpenApiDocument {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
}

/** The schema with every `#/components/schemas/…` reference replaced by what it names. */
function inlined(schema: unknown, components: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlined(item, components));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, ...rest } = schema as JsonSchema;
  if ($ref) return inlined(components[$ref.replace('#/components/schemas/', '')], components);
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlined(value, components)]));
}

/**
 * Every operation of the OpenAPI document the route serves, called on a real route: each answer
 * (successes and errors alike) must fit the schema the document states for its status, so the
 * document cannot drift from what the route really says.
 */
describe('the answers of the public API', () => {
  let cluster: LocalCluster;
  let document: OpenApiDocument;
  const called = new Set<string>();
  const checked: string[] = [];

  beforeAll(async () => {
    // The team group below reaches three members: large, so the answers that speak of large groups show up.
    cluster = await startTestCluster({ route: { largeGroupMembers: 3 } });
    document = (await routeHttp(cluster.routeUrl, 'GET', '/api/v1/openapi.json', undefined)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  /** Calls `method path` (the document's template, filled with `values`) and checks the answer against the document. */
  async function call(
    method: string,
    template: string,
    options: { as?: SignedUpUser; values?: Record<string, string>; query?: string; body?: unknown } = {},
  ): Promise<unknown> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.values![name]));
    const answer = await routeHttp(
      cluster.routeUrl,
      method,
      `/api/v1${path}${options.query ?? ''}`,
      options.as?.token,
      options.body,
    );
    const operation = document.paths[template]?.[method.toLowerCase()];
    expect(operation, `${method} ${template} is in the document`).toBeDefined();
    const documented = operation!.responses[String(answer.status)];
    expect(
      documented,
      `${method} ${template} answered ${answer.status}, which the document does not list`,
    ).toBeDefined();
    const schema = documented!.content?.['application/json']?.schema;
    if (schema) {
      const parsed = z.fromJSONSchema(inlined(schema, document.components.schemas) as never).safeParse(answer.body);
      expect(
        parsed.error?.issues,
        `${method} ${template} ${answer.status}: ${JSON.stringify(answer.body)}`,
      ).toBeUndefined();
    } else {
      expect(answer.body, `${method} ${template} ${answer.status} has no body in the document`).toBeUndefined();
    }
    called.add(`${method} ${template}`);
    checked.push(`${method} ${template} ${answer.status}`);
    return answer.body;
  }

  it('fit the schemas the document states, for every operation it lists', async () => {
    const url = cluster.routeUrl;
    const alice = await signUp(url, 'alice');
    const bob = await signUp(url, 'bob');
    await call('POST', '/accounts', { body: { userName: 'carol', password: 'password-carol' } });
    await call('POST', '/accounts', { body: { userName: 'carol', password: 'password-carol' } });
    await call('POST', '/sessions', { body: { userName: 'carol', password: 'password-carol', deviceId: 'laptop' } });
    await call('POST', '/sessions', { body: { userName: 'carol', password: 'wrong-password' } });
    const carol = await signUp(url, 'dave');
    await call('POST', '/sessions/refresh', { as: carol });

    await call('GET', '/users/online', { as: alice, query: '?limit=10' });
    await call('GET', '/users', { as: alice, query: '?prefix=b' });
    await call('GET', '/users/{name}', { as: alice, values: { name: 'bob' } });
    await call('GET', '/users/{name}', { as: alice, values: { name: 'nobody' } });

    const sent = (await call('POST', '/messages', {
      as: alice,
      body: { to: { userId: bob.userId }, body: 'hello bob', clientMsgId: 'c1' },
    })) as { msgId: string; conversationId: string };
    await call('POST', '/messages', {
      as: alice,
      body: { to: { userId: bob.userId }, body: 'later', deliverAt: Date.now() + 60_000 },
    });
    await call('POST', '/messages', { as: alice, body: { to: { userId: bob.userId }, body: '' } });

    const group = (await call('POST', '/groups', { as: alice, body: { name: 'team', memberIds: [bob.userId] } })) as {
      groupId: string;
    };
    const open = (await call('POST', '/groups', { as: bob, body: { name: 'open', memberIds: [], public: true } })) as {
      groupId: string;
    };
    await call('GET', '/groups', { as: alice });
    await call('GET', '/groups/public', { as: alice, query: '?limit=1' });
    await call('GET', '/groups/{id}', { as: alice, values: { id: group.groupId } });
    await call('GET', '/groups/{id}', { as: carol, values: { id: group.groupId } });
    await call('POST', '/groups/{id}/members', {
      as: alice,
      values: { id: group.groupId },
      body: { userIds: [carol.userId] },
    });
    await call('POST', '/groups/{id}/members', { as: alice, values: { id: open.groupId }, body: {} });
    await call('DELETE', '/groups/{id}/members/{userId}', {
      as: carol,
      values: { id: group.groupId, userId: carol.userId },
    });
    await call('POST', '/messages', { as: bob, body: { to: { groupId: group.groupId }, body: 'hi team' } });

    const lastPage = (await call('GET', '/sync', { as: bob, query: '?after=0' })) as { largeGroups?: unknown[] };
    expect(lastPage.largeGroups).toHaveLength(1);
    await call('GET', '/conversations', { as: bob });
    await call('GET', '/conversations/{id}/messages', { as: bob, values: { id: `g:${group.groupId}` } });
    const forward = (await call('GET', '/conversations/{id}/messages', {
      as: bob,
      values: { id: `g:${group.groupId}` },
      query: '?afterSeq=1&limit=1',
    })) as { expired?: boolean };
    expect(forward.expired).toBe(false);
    await call('POST', '/conversations/{id}/read', {
      as: bob,
      values: { id: sent.conversationId },
      body: { seq: '1' },
    });
    await call('POST', '/messages/{msgId}/recall', { as: alice, values: { msgId: sent.msgId } });
    await call('POST', '/messages/{msgId}/recall', { as: bob, values: { msgId: sent.msgId } });
    await call('DELETE', '/groups/{id}', { as: bob, values: { id: open.groupId } });
    await call('DELETE', '/sessions/current', { as: carol });
    await call('GET', '/groups', { as: carol });

    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...called].sort()).toEqual(operations.sort());
    // Error answers were held to the Error schema too.
    expect(checked.filter((c) => / 4\d\d$/.test(c)).length).toBeGreaterThanOrEqual(6);
  });
});
