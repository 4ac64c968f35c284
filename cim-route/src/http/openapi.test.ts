import { describe, expect, it } from 'vitest';
import { DECIMAL_ID } from '@cim/common';
import { defaultRouteConfig } from '../config.js';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import { openApiDocument } from './openapi.js';
import { MAX_CLIENT_MSG_ID } from './schemas.js';
import { publicApi, type PublicApiContext } from './public-api.js';

/** "GET /groups/{id}" for every route the public router serves. */
function routesOfApp(): string[] {
  const router = publicApi({ config: { ...defaultRouteConfig, secret: 'x'.repeat(16) } } as PublicApiContext);
  const routes: string[] = [];
  for (const layer of router.stack) {
    const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
    if (!route) continue;
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    for (const method of Object.keys(route.methods)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  return routes.sort();
}

function routesOfDocument(): string[] {
  const routes: string[] = [];
  for (const [path, operations] of Object.entries(openApiDocument.paths)) {
    for (const method of Object.keys(operations)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  return routes.sort();
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app serves', () => {
    expect(routesOfApp().length).toBeGreaterThan(15);
    expect(routesOfDocument()).toEqual(routesOfApp());
  });

  it('documents an error answer and a success answer for every operation', () => {
    for (const operations of Object.values(openApiDocument.paths)) {
      for (const operation of Object.values(operations) as { responses: Record<string, unknown> }[]) {
        const statuses = Object.keys(operation.responses);
        expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
        expect(statuses.some((s) => s.startsWith('4'))).toBe(true);
      }
    }
  });

  it('documents request bodies with the rules the route checks them by', () => {
    type Schema = {
      properties: Record<string, { pattern?: string; minLength?: number; maxLength?: number; anyOf?: Schema[] }>;
    };
    const bodyOf = (path: '/accounts' | '/messages') =>
      openApiDocument.paths[path].post.requestBody.content['application/json'].schema as Schema;
    const register = bodyOf('/accounts').properties;
    expect(register.userName?.pattern).toBe('^[A-Za-z0-9_.-]{1,32}$');
    expect(register.password?.minLength).toBe(MIN_PASSWORD_LENGTH);
    const send = bodyOf('/messages').properties;
    expect(send.body?.maxLength).toBe(defaultRouteConfig.maxBodyChars);
    expect(send.clientMsgId?.maxLength).toBe(MAX_CLIENT_MSG_ID);
    expect(send.to?.anyOf?.[0]?.properties.userId?.pattern).toBe(DECIMAL_ID.source);
  });
});
