import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalCluster, LocalClusterOptions } from '@cim/cli';
import { startTestCluster } from '../support/test-cluster.js';

/** The repository root and the `cim` shim, which runs the built CLI (cim-cli/dist). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CIM_BIN = fileURLToPath(new URL('../../bin/cim.js', import.meta.url));

/** These tests run the real `cim` command, so the CLI must have been built (`npm test` does it). */
export function requireBuiltCli(): void {
  if (!existsSync(fileURLToPath(new URL('../../cim-cli/dist/main.js', import.meta.url)))) {
    throw new Error('the cim CLI is not built: run "npx tsc -b" (npm test builds it first)');
  }
}

/** A local cluster of two push servers, a fresh config dir, and the environment `cim` needs to use both. */
export interface CimWorld {
  cluster: LocalCluster;
  configDir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts a `CimWorld` for the built `cim` command (`options` for its cluster); every user's password is "password". */
export async function startCimWorld(name: string, options: LocalClusterOptions = {}): Promise<CimWorld> {
  requireBuiltCli();
  const cluster = await startTestCluster({ servers: 2, ...options });
  const configDir = mkdtempSync(join(tmpdir(), `cim-${name}-`));
  // CI=false: with CI set, Ink draws only the final frame.
  const env = { CI: 'false', CIM_ROUTE: cluster.routeUrl, CIM_PASSWORD: 'password', CIM_CONFIG_DIR: configDir };
  return {
    cluster,
    configDir,
    env,
    stop: async () => {
      await cluster.stop();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

export interface CimRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/cim.js …args` to the end with the given extra environment. */
export function runCim(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<CimRun> {
  return runProcess(process.execPath, [CIM_BIN, ...args], env, timeoutMs);
}

/** Runs a command line in bash (for pipelines) to the end. */
export function runBash(script: string, env: Record<string, string>, timeoutMs = 20_000): Promise<CimRun> {
  return runProcess('bash', ['-c', script], env, timeoutMs);
}

/** The test's environment without any CIM_* settings of whoever runs it, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CIM_')));
  return { ...env, ...extra };
}

function runProcess(command: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<CimRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} did not finish within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
