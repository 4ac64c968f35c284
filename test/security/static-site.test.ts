import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRegistryHub, silentLogger } from '@cim/common/server';
import { createStore, RouteService } from '@cim/route';

/** The route serving a folder (the web chat) at a path: only that folder, under a strict CSP. */
describe('route static site', () => {
  let site: string;
  let route: RouteService;
  let bare: RouteService;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'cim-site-'));
    site = join(root, 'site');
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>chat</title>');
    writeFileSync(join(site, 'app.js'), 'export {};');
    const start = async (staticSite?: { path: string; dir: string }) => {
      const service = new RouteService({
        secret: 'static-site-test-secret',
        port: 0,
        store: createStore({}),
        registry: new MemoryRegistryHub().client(),
        logger: silentLogger,
        staticSite,
      });
      await service.start();
      return service;
    };
    route = await start({ path: '/chat', dir: site });
    bare = await start();
  });

  afterAll(async () => {
    await route?.stop();
    await bare?.stop();
    if (site) rmSync(join(site, '..'), { recursive: true, force: true });
  });

  it('serves the folder at its path with a Content-Security-Policy that forbids inline script', async () => {
    const page = await fetch(`${route.url}/chat/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>chat</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await fetch(`${route.url}/chat/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('sends /chat on to /chat/, so the page finds its files', async () => {
    const res = await fetch(`${route.url}/chat`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/chat/');
  });

  it('serves nothing outside the folder: the coded 404 of any unknown path', async () => {
    for (const path of ['/chat/..%2fsecret.txt', '/chat/%2e%2e/secret.txt', '/chat/missing.js']) {
      const res = await fetch(`${route.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('not for the web');
    }
  });

  it('serves no site unless given one', async () => {
    const res = await fetch(`${bare.url}/chat/`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'CIM_ERR_NOT_FOUND' });
  });
});
