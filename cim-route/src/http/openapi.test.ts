import { describe, expect, it } from 'vitest';
import { defaultRouteConfig } from '../config.js';
import { openApiDocument } from './openapi.js';
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
});
