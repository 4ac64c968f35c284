import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@cim/common/server';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../devkit/wait-for.js';
import { CIM_BIN, cleanEnv, REPO_ROOT, requireBuiltCli, runCim } from './cim-cli.js';

/** `cim register`, `cim send` and `cim tail` as scripts use them: real processes against a local cluster. */
describe('cim register / send / tail', { timeout: 60_000 }, () => {
  let cluster: LocalCluster;
  let configDir: string;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    requireBuiltCli();
    cluster = await startLocalCluster({
      servers: 2,
      routePort: 0,
      tcpPort: 0,
      logger: createLogger('cim', { level: 'silent' }),
    });
    configDir = mkdtempSync(join(tmpdir(), 'cim-cli-'));
    env = { CIM_ROUTE: cluster.routeUrl, CIM_PASSWORD: 'password', CIM_CONFIG_DIR: configDir };
    for (const name of ['alice', 'bob']) {
      const run = await runCim(['register', name], env);
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(run.stdout).toMatch(/^\d+\n$/);
      ids[name] = run.stdout.trim();
    }
  });

  afterAll(async () => {
    await cluster?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it("register fails with the route's code when the name is taken", async () => {
    const run = await runCim(['register', 'alice'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CIM_ERR_USER_EXISTS');
    expect(run.stdout).toBe('');
  });

  it('send prints the msgId answer as JSON and exits 0', async () => {
    const run = await runCim(['send', '--as', 'bob', 'alice', 'hello alice'], env);
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({
      msgId: expect.any(String),
      conversationId: expect.stringMatching(/^p:\d+:\d+$/),
      clientMsgId: expect.any(String),
    });
  });

  it('send reaches the lobby with "lobby" and a user by @name or id', async () => {
    const lobby = await runCim(['send', '--as', 'bob', 'lobby', 'hi all'], env);
    expect(JSON.parse(lobby.stdout)).toMatchObject({ conversationId: 'b' });
    const byName = JSON.parse((await runCim(['send', '--as', 'bob', '@alice', 'by name'], env)).stdout);
    const byId = JSON.parse((await runCim(['send', '--as', 'bob', ids.alice, 'by id'], env)).stdout);
    expect(byId.conversationId).toBe(byName.conversationId);
    expect(byName.conversationId.split(':')).toContain(ids.alice);
  });

  it('send fails with "code: message" on stderr and exit 1', async () => {
    const unknown = await runCim(['send', '--as', 'bob', 'nobody', 'hello'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^CIM_ERR_USER_NOT_FOUND: .+\n$/);
    expect(unknown.stdout).toBe('');

    const wrongPassword = await runCim(['send', '--as', 'bob', 'alice', 'hello'], { ...env, CIM_PASSWORD: 'nope' });
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toMatch(/^CIM_ERR_BAD_CREDENTIALS: /);
  });

  it('tail refuses a login timeout that is not a positive number, from the flag or CIM_LOGIN_TIMEOUT_MS', async () => {
    const byFlag = await runCim(['tail', '--as', 'bob', '--login-timeout-ms', '0'], env);
    expect(byFlag.code).toBe(1);
    expect(byFlag.stderr).toContain('loginTimeoutMs must be a positive number of milliseconds, not 0');
    const byEnv = await runCim(['tail', '--as', 'bob'], { ...env, CIM_LOGIN_TIMEOUT_MS: 'soon' });
    expect(byEnv.code).toBe(1);
    expect(byEnv.stderr).toContain('loginTimeoutMs must be a positive number of milliseconds, not NaN');
  });

  it('tail --json | head streams NDJSON, says when the backlog is done, and ends cleanly when head closes the pipe', async () => {
    // A fresh reader, so the stream holds exactly what this test sends.
    expect((await runCim(['register', 'carol'], env)).code).toBe(0);
    for (const body of ['first for carol', 'second for carol']) {
      expect((await runCim(['send', '--as', 'bob', 'carol', body], env)).code).toBe(0);
    }

    const pipeline = spawn(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${CIM_BIN}" tail --as carol --json | head -n 5; echo "status \${PIPESTATUS[0]} \${PIPESTATUS[1]}" >&2`,
      ],
      { cwd: REPO_ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    pipeline.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    pipeline.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => pipeline.on('close', resolve));

    try {
      await waitFor(() => stdout.split('\n').length > 5, {
        timeoutMs: 15_000,
        message: `five lines from cim tail (got ${JSON.stringify(stdout)})`,
      });
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toEqual([
        { type: 'state', state: 'connecting' },
        { type: 'state', state: 'online' },
        expect.objectContaining({
          type: 'message',
          fromUserName: 'bob',
          body: 'first for carol',
          cursor: expect.any(String),
          synced: true,
        }),
        expect.objectContaining({
          type: 'message',
          fromUserName: 'bob',
          body: 'second for carol',
          msgId: expect.any(String),
        }),
        { type: 'caughtUp', cursor: lines[3].cursor },
      ]);

      // head is gone; tail finds out at its next write, as `tail -f | head` does.
      expect((await runCim(['send', '--as', 'bob', 'carol', 'third for carol'], env)).code).toBe(0);
      expect(await exited).toBe(0);
      expect(stderr).toBe('status 0 0\n');
    } finally {
      pipeline.kill('SIGKILL');
    }
  });

  it('tail without --json prints human lines', async () => {
    expect((await runCim(['register', 'dave'], env)).code).toBe(0);
    expect((await runCim(['send', '--as', 'bob', 'dave', 'hi dave'], env)).code).toBe(0);
    const child = spawn(process.execPath, [CIM_BIN, 'tail', '--as', 'dave'], { cwd: REPO_ROOT, env: cleanEnv(env) });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor(() => stdout.includes('hi dave'), { timeoutMs: 15_000, message: 'the message in cim tail' });
      expect(stdout).toMatch(/^-- connecting\n-- online\n\d\d:\d\d \[private\] bob: hi dave\n/);
      // SIGTERM is a clean stop: logged out, exit code 0.
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
