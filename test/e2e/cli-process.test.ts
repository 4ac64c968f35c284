import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import { waitFor } from '../../devkit/wait-for.js';
import { CIM_BIN, type CimWorld, cleanEnv, REPO_ROOT, runCim, startCimWorld } from './cim-cli.js';

/** `cim register`, `cim send` and `cim tail` as scripts use them: real processes against a local cluster. */
describe('cim register / send / tail', { timeout: 60_000 }, () => {
  let world: CimWorld | undefined;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Groups of three or more are large: their messages are in no member's sync stream.
    world = await startCimWorld('cli', { route: { largeGroupMembers: 3 } });
    env = world.env;
    for (const name of ['alice', 'bob']) {
      const run = await runCim(['register', name], env);
      expect(run, run.stderr).toMatchObject({ code: 0 });
      expect(run.stdout).toMatch(/^\d+\n$/);
      ids[name] = run.stdout.trim();
    }
  });

  afterAll(async () => {
    await world?.stop();
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

  it("tail --json prints a large group's messages, read by seq after a restart and pushed live, each once", async () => {
    const api = new RouteApi(env.CIM_ROUTE);
    const userIds: string[] = [];
    for (const name of ['erin', 'fay', 'gus']) userIds.push((await api.register(name, 'password')).userId);
    api.token = (await api.login('erin', 'password', 'script')).token;
    const group = await api.createGroup('three', userIds.slice(1));
    await api.send({ groupId: group.groupId }, 'before gus tails', 'c-before');

    const tail = () => {
      const child = spawn(process.execPath, [CIM_BIN, 'tail', '--as', 'gus', '--json'], {
        cwd: REPO_ROOT,
        env: cleanEnv(env),
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const lines = () =>
        stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      const bodies = () => lines().flatMap((l) => (l.type === 'message' && !l.notice ? [l.body] : []));
      const stop = async () => {
        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      };
      return { child, lines, bodies, stop };
    };

    const first = tail();
    try {
      await waitFor(() => first.lines().some((l) => l.type === 'caughtUp'), { timeoutMs: 15_000, message: 'catch-up' });
      await api.send({ groupId: group.groupId }, 'while gus tails', 'c-live');
      await waitFor(() => first.bodies().includes('while gus tails'), { timeoutMs: 15_000, message: 'the live one' });
      expect(first.bodies()).toEqual(['before gus tails', 'while gus tails']);
      const messages = first.lines().filter((l) => l.type === 'message' && !l.notice);
      // Not in the stream: no cursor, by a catch-up and then live.
      expect(messages.map((m) => [m.cursor, m.synced])).toEqual([
        ['0', true],
        ['0', false],
      ]);
      await first.stop();
    } finally {
      first.child.kill('SIGKILL');
    }

    await api.send({ groupId: group.groupId }, 'while gus is away', 'c-away');
    const second = tail();
    try {
      await waitFor(() => second.bodies().includes('while gus is away'), {
        timeoutMs: 15_000,
        message: 'the missed one',
      });
      await waitFor(() => second.lines().some((l) => l.type === 'caughtUp'), {
        timeoutMs: 15_000,
        message: 'catch-up',
      });
      // The saved position in the group: only what came after it.
      expect(second.bodies()).toEqual(['while gus is away']);
      await second.stop();
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
