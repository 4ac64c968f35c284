import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CimError, ErrorCodes } from '@cim/common';
import { createLogger } from '@cim/common/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalCluster, type LocalCluster } from './local-cluster.js';
import { CimClient } from '@cim/client';
import { connectOrRegister, keepSession, logoutStored, resumeStored } from './session.js';
import { SessionStore } from './session-store.js';

describe('connectOrRegister', () => {
  let cluster: LocalCluster;
  const clients: CimClient[] = [];
  const client = (userName: string, password: string) => {
    const c = new CimClient({ routeUrl: cluster.routeUrl, userName, password });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    cluster = await startLocalCluster({ routePort: 0, tcpPort: 0, logger: createLogger('cim', { level: 'silent' }) });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await cluster?.stop();
  });

  it('creates the account of a newcomer and connects', async () => {
    const newcomer = client('newcomer', 'password');
    await expect(connectOrRegister(newcomer, 'newcomer', 'password')).resolves.toEqual({ registered: true });
    expect(newcomer.state).toBe('online');
  });

  it('just connects a known user with the right password', async () => {
    await client('known', 'password').api.register('known', 'password');
    const known = client('known', 'password');
    await expect(connectOrRegister(known, 'known', 'password')).resolves.toEqual({ registered: false });
    expect(known.state).toBe('online');
  });

  it('says "wrong password" when the name exists', async () => {
    await client('taken', 'right-password').api.register('taken', 'right-password');
    const intruder = client('taken', 'wrong');
    const failure = connectOrRegister(intruder, 'taken', 'wrong');
    await expect(failure).rejects.toBeInstanceOf(CimError);
    await expect(failure).rejects.toMatchObject({
      code: ErrorCodes.BAD_CREDENTIALS,
      message: 'wrong password for taken',
    });
    expect(intruder.state).toBe('idle');
  });

  it('passes other failures through', async () => {
    const unreachable = new CimClient({ routeUrl: 'http://127.0.0.1:1', userName: 'x', password: 'y' });
    await expect(connectOrRegister(unreachable, 'x', 'y')).rejects.toMatchObject({ code: ErrorCodes.UNAVAILABLE });
  });
});

describe('stored sessions', () => {
  let cluster: LocalCluster;
  let dir: string;
  const clients: CimClient[] = [];

  beforeAll(async () => {
    cluster = await startLocalCluster({ routePort: 0, tcpPort: 0, logger: createLogger('cim', { level: 'silent' }) });
    dir = mkdtempSync(join(tmpdir(), 'cim-session-'));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ logout: false })));
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function setup(userName: string) {
    const sessions = new SessionStore(join(dir, `${userName}.json`));
    const key = { routeUrl: cluster.routeUrl, userName, deviceId: 'cli' };
    const client = (auth: { token: string } | { password: string }) => {
      const made = new CimClient({ routeUrl: cluster.routeUrl, userName, deviceId: 'cli', ...auth });
      keepSession(made, sessions, key);
      clients.push(made);
      return made;
    };
    return { sessions, key, client };
  }

  it('resumes the stored session without the password until it is logged out, then needs the password', async () => {
    const { sessions, key, client } = setup('resumer');
    expect(await resumeStored(sessions, key, (token) => client({ token }))).toBeUndefined();
    const first = client({ password: 'password-resumer' });
    await connectOrRegister(first, 'resumer', 'password-resumer');
    await vi.waitFor(async () => expect((await sessions.load(key))?.token).toBe(first.session()?.token));
    await first.close({ logout: false });

    const resumed = await resumeStored(sessions, key, (token) => client({ token }));
    expect(resumed?.state).toBe('online');
    expect(resumed?.info().userName).toBe('resumer');
    // The resume refreshed the token: the new one is what is kept.
    await vi.waitFor(async () => expect((await sessions.load(key))?.token).toBe(resumed!.session()?.token));
    const ended = (await sessions.load(key))!.token;
    await resumed!.close({ logout: false });

    expect(await logoutStored(sessions, key)).toEqual({ hadSession: true, toldRoute: true, problem: undefined });
    expect(await sessions.load(key)).toBeUndefined();
    // The route ended it: the old token resumes nothing, and is forgotten again if stored.
    await sessions.save(key, { token: ended, userId: '1', deviceId: 'cli', expiresAt: Date.now() + 60_000 });
    expect(await resumeStored(sessions, key, (token) => client({ token }))).toBeUndefined();
    expect(await sessions.load(key)).toBeUndefined();
    expect(await logoutStored(sessions, key)).toEqual({ hadSession: false, toldRoute: false });
  });

  it('forgets the session on logout when the route cannot be told, and says so', async () => {
    const sessions = new SessionStore(join(dir, 'offline.json'));
    const key = { routeUrl: 'http://127.0.0.1:1', userName: 'offline', deviceId: 'cli' };
    await sessions.save(key, { token: 'some-token', userId: '9', deviceId: 'cli', expiresAt: Date.now() + 60_000 });
    const outcome = await logoutStored(sessions, key);
    expect(outcome).toMatchObject({ hadSession: true, toldRoute: false });
    expect(outcome.problem).toContain(ErrorCodes.UNAVAILABLE);
    expect(await sessions.load(key)).toBeUndefined();
  });
});
