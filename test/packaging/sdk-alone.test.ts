import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../devkit/free-port.js';

/**
 * An app that embeds the SDK gets the SDK and the protocol, nothing of the servers or the `cim`
 * command: `npm pack` the SDK and everything it depends on, install the tarballs into an empty app
 * with `npm install --offline` (no registry needed), then look at what got installed and loaded.
 */

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKSPACES: Record<string, string> = {
  '@cim/client': 'cim-client',
  '@cim/common': 'cim-common',
  '@cim/proto': 'proto',
};
/** What an app embedding the SDK must never get: server frameworks, stores, ZooKeeper, the terminal UI. */
const FORBIDDEN = ['express', 'ioredis', 'node-zookeeper-client', 'ink', 'react', 'yargs', 'axios', 'pino'];
const FORBIDDEN_OURS = ['@cim/route', '@cim/server', '@cim/cli'];
const MAX_PACKAGES = 10;

interface PackageJson {
  name: string;
  main?: string;
  exports?: Record<string, string | { default: string }>;
  dependencies?: Record<string, string>;
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Where the checkout keeps a package: its workspace, or the installed copy the lock file pinned. */
function sourceDir(name: string): string {
  return join(REPO_ROOT, WORKSPACES[name] ?? join('node_modules', name));
}

/** `@cim/client` and every package its `dependencies` pull in, transitively (peers are the app's choice). */
async function dependencyClosure(): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ['@cim/client'];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...Object.keys((await readPackageJson(sourceDir(name))).dependencies ?? {}));
  }
  return [...seen];
}

/** Every package directory under an app's node_modules, nested ones included. */
async function installedPackages(nodeModules: string): Promise<string[]> {
  if (!existsSync(nodeModules)) return [];
  const found: string[] = [];
  for (const entry of await readdir(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? (await readdir(join(nodeModules, entry))).map((sub) => join(entry, sub))
      : [entry];
    for (const dir of dirs) {
      found.push(dir);
      found.push(...(await installedPackages(join(nodeModules, dir, 'node_modules'))));
    }
  }
  return found;
}

/** The file a bare import of an installed package loads (its "." export, else main). */
async function entryFile(packageDir: string): Promise<string> {
  const pkg = await readPackageJson(packageDir);
  const dot = pkg.exports?.['.'];
  const entry = typeof dot === 'string' ? dot : (dot?.default ?? pkg.main ?? 'index.js');
  return join(packageDir, entry);
}

/** The packages reached by the static imports of `@cim/client`, following our own packages' files through. */
async function importedPackages(nodeModules: string): Promise<Set<string>> {
  const reached = new Set<string>();
  const visited = new Set<string>();
  const queue = [await entryFile(join(nodeModules, '@cim/client'))];
  const importPattern = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (visited.has(file)) continue;
    visited.add(file);
    for (const match of (await readFile(file, 'utf8')).matchAll(importPattern)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (specifier.startsWith('node:')) continue;
      else {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        reached.add(name);
        if (name in WORKSPACES && name === specifier) queue.push(await entryFile(join(nodeModules, name)));
      }
    }
  }
  return reached;
}

describe('the SDK installed alone from npm pack tarballs', () => {
  let workDir: string;
  let appDir: string;
  let closure: string[];

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'cim-client/dist/index.js'))) {
      throw new Error('the SDK is not built: run "npx tsc -b" (npm test builds it first)');
    }
    workDir = await mkdtemp(join(tmpdir(), 'cim-sdk-alone-'));
    closure = await dependencyClosure();
    const tarballs: string[] = [];
    for (const name of closure) {
      const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', workDir], {
        cwd: sourceDir(name),
      });
      tarballs.push(join(workDir, stdout.trim().split('\n').pop()!));
    }
    appDir = join(workDir, 'app');
    await mkdir(appDir);
    await writeFile(
      join(appDir, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs], {
      cwd: appDir,
    });
  }, 120_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it(`installs at most ${MAX_PACKAGES} packages, none of the servers' or the cim command's`, async () => {
    const installed = await installedPackages(join(appDir, 'node_modules'));
    expect(installed.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(installed.sort()).toEqual([...closure].sort());
    for (const name of [...FORBIDDEN, ...FORBIDDEN_OURS]) expect(installed).not.toContain(name);
    // Nothing the installed packages need is missing (the unmet optional peers of @cim/common/server aside).
    await run('npm', ['ls', '--all'], { cwd: appDir });
  });

  it('imports only the protocol packages and the schema library the protocol rules are written in', async () => {
    const reached = await importedPackages(join(appDir, 'node_modules'));
    expect([...reached].sort()).toEqual(['@cim/common', '@cim/proto', 'protobufjs', 'zod']);
  });

  it('works in the app: a route call to a closed port is a coded CIM_ERR_UNAVAILABLE, and no server module loaded', async () => {
    const port = await freePort();
    const script = `
      import { createRequire } from 'node:module';
      const sdk = await import('@cim/client');
      const api = new sdk.RouteApi('http://127.0.0.1:${port}');
      const code = await api.register('alice', 'password-1').then(() => 'ok', (err) => err.code);
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ exports: Object.keys(sdk), code, loaded }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: appDir });
    const result = JSON.parse(stdout) as { exports: string[]; code: string; loaded: string[] };
    expect(result.exports).toEqual(
      expect.arrayContaining(['CimClient', 'RouteApi', 'FileCursorStore', 'MemoryCursorStore']),
    );
    expect(result.exports).not.toContain('startLocalCluster');
    expect(result.code).toBe('CIM_ERR_UNAVAILABLE');
    for (const name of [...FORBIDDEN, ...FORBIDDEN_OURS]) {
      expect(result.loaded.filter((file) => file.includes(`/node_modules/${name}/`))).toEqual([]);
    }
  });
});
