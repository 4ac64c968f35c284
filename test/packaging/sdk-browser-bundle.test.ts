import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../devkit/free-port.js';

/**
 * The SDK's browser bundle, as `npm run build` makes it: one ES module with everything inside,
 * nothing of Node, within its size budget, and working where Node's own globals are gone.
 */

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../cim-client/dist/cim-client.browser.js', import.meta.url));
/** The budget README states; today's bundle is about 170 KB, 31.5 KB gzipped. */
const MAX_BYTES = 200_000;
const MAX_GZIP_BYTES = 40_000;

describe('the SDK bundle for browsers (cim-client/dist/cim-client.browser.js)', () => {
  let code: string;

  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../../cim-client/dist/browser.js', import.meta.url)))) {
      throw new Error('the SDK is not built: run "npx tsc -b" (npm test builds it first)');
    }
    // The build step itself, as `npm run build` runs it after tsc.
    await run(process.execPath, ['scripts/build-browser-sdk.mjs'], { cwd: REPO_ROOT });
    code = await readFile(BUNDLE, 'utf8');
  }, 60_000);

  it('imports nothing: no node: module, no Node builtin, no require', () => {
    expect(code).not.toMatch(/["'`]node:/);
    expect(code).not.toMatch(/\brequire\s*\(/);
    // A self-contained module has no import of any kind (import.meta aside).
    expect(code).not.toMatch(/\bimport\s*[^.\s]/);
    for (const name of builtinModules) expect(code).not.toContain(`from"${name}"`);
  });

  it(`stays within its budget: ${MAX_BYTES} bytes, ${MAX_GZIP_BYTES} gzipped`, () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAX_BYTES);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it('runs without Node globals (no Buffer, process, require): exports the browser API, calls the route over fetch', async () => {
    const port = await freePort();
    // Node's own globals are removed before the bundle loads, so a use of any of them fails here.
    const script = `
      const log = console.log.bind(console);
      delete globalThis.Buffer;
      delete globalThis.process;
      delete globalThis.global;
      const storage = new Map();
      globalThis.localStorage = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) };
      const sdk = await import(${JSON.stringify(BUNDLE)});
      const api = new sdk.RouteApi('http://127.0.0.1:${port}');
      const code = await api.register('alice', 'password-1').then(() => 'ok', (err) => err.code);
      const store = new sdk.LocalStorageCursorStore();
      await store.save('k', 'v');
      const client = new sdk.CimClient({ routeUrl: 'http://127.0.0.1:${port}', userName: 'alice', token: 't', cursorStore: store });
      const connect = await client.connect().then(() => 'ok', (err) => err.code);
      log(JSON.stringify({ exports: Object.keys(sdk).sort(), code, stored: storage.get('cim:sync:k'), connect, state: client.state }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      code: 'CIM_ERR_UNAVAILABLE',
      stored: 'v',
      connect: 'CIM_ERR_UNAVAILABLE',
      state: 'idle',
    });
    expect(result.exports).toEqual(
      expect.arrayContaining(['CimClient', 'RouteApi', 'LocalStorageCursorStore', 'MemoryCursorStore', 'CimError']),
    );
    expect(result.exports).not.toContain('FileCursorStore');
  });
});
