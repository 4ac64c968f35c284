import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/** `scripts/check-imports.mjs`, which `npm run lint` (and so CI) runs on the repository. */
const CHECK = fileURLToPath(new URL('../../scripts/check-imports.mjs', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function check(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CHECK, root]);
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** A repository laid out like this one with just the given files. */
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'cim-imports-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('the import check', () => {
  it('passes on this repository', async () => {
    expect(await check(REPO_ROOT)).toEqual({ code: 0, output: 'imports follow the package graph\n' });
  });

  it('fails when the SDK imports a server package, the UI, or another package by a relative path', async () => {
    const root = await tree({
      'cim-client/src/a.ts': "import { RouteService } from '@cim/route';\n",
      'cim-client/src/b.tsx': "import { Box } from 'ink';\n",
      'cim-client/src/c.ts': "export { createLogger } from '@cim/common/server';\n",
      'cim-client/src/d.ts': "import { PushServer } from '../../cim-server/src/push-server.js';\n",
    });
    const { code, output } = await check(root);
    expect(code).toBe(1);
    expect(output).toContain('cim-client/src/a.ts imports @cim/route');
    expect(output).toContain('cim-client/src/b.tsx imports ink');
    expect(output).toContain('cim-client/src/c.ts imports @cim/common/server');
    expect(output).toContain('cim-client/src/d.ts imports ../../cim-server/src/push-server.js, outside its package');
  });

  it("fails when @cim/common's main entry reaches a server-only module through its own files", async () => {
    const root = await tree({
      'cim-common/src/index.ts': "export * from './logger.js';\n",
      'cim-common/src/logger.ts': "import { pino } from 'pino';\n",
    });
    const { code, output } = await check(root);
    expect(code).toBe(1);
    expect(output).toContain("cim-common/src/logger.ts imports pino and is reached from @cim/common's main entry");
  });

  it("fails when the SDK's browser entry or @cim/common/client reaches Node's modules or @cim/common's main entry", async () => {
    const root = await tree({
      // A type-only import loads nothing: the Node-only store behind it is not reached.
      'cim-client/src/browser.ts':
        "export * from './sdk/a.js';\nexport * from './sdk/b.js';\nimport type { Store } from './sdk/file-store.js';\n",
      'cim-client/src/sdk/file-store.ts': "import { readFile } from 'node:fs/promises';\n",
      'cim-client/src/sdk/a.ts':
        "import { createHash } from 'node:crypto';\nimport { CimError } from '@cim/common/client';\n",
      'cim-client/src/sdk/b.ts': "import { encodeFrame } from '@cim/common';\n",
      'cim-client/src/index.ts': "import net from 'node:net';\n",
      'cim-common/src/client.ts': "import { EventEmitter } from 'events';\n",
    });
    const { code, output } = await check(root);
    expect(code).toBe(1);
    const browserProblems = output.split('\n').filter((line) => line.includes('runs in browsers'));
    expect(browserProblems.map((line) => line.trim())).toEqual([
      'cim-client/src/sdk/a.ts imports node:crypto and is reached from cim-client/src/browser.ts, which runs in browsers',
      'cim-client/src/sdk/b.ts imports @cim/common and is reached from cim-client/src/browser.ts, which runs in browsers',
      'cim-common/src/client.ts imports events and is reached from cim-common/src/client.ts, which runs in browsers',
    ]);
  });

  it('fails when bench imports test/', async () => {
    const root = await tree({ 'bench/run.ts': "import { freePort } from '../test/harness/free-port.js';\n" });
    const { code, output } = await check(root);
    expect(code).toBe(1);
    expect(output).toContain('bench/run.ts imports ../test/harness/free-port.js: bench does not import test/');
  });

  it('fails when the dev kit imports test/, which builds on it', async () => {
    const root = await tree({ 'devkit/cluster.ts': "import { backends } from '../test/harness/index.js';\n" });
    const { code, output } = await check(root);
    expect(code).toBe(1);
    expect(output).toContain('devkit/cluster.ts imports ../test/harness/index.js: devkit does not import test/');
  });
});
