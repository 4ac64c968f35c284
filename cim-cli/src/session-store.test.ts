import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore, SessionStore } from './session-store.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('SessionStore', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cim-sessions-'));
    dirs.push(dir);
    return dir;
  };
  const alice = { routeUrl: 'http://127.0.0.1:8083', userName: 'alice', deviceId: 'cli' };
  const session = (token: string) => ({ token, userId: '1', deviceId: 'cli', expiresAt: 1_800_000_000_000 });

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates its file readable by the owner only (0600), in a private folder', async () => {
    const dir = join(tempDir(), 'cim');
    const store = sessionStore({ CIM_CONFIG_DIR: dir });
    await store.save(alice, session('t1'));
    expect(store.path).toBe(join(dir, 'sessions.json'));
    expect(modeOf(store.path)).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
    await store.save({ ...alice, deviceId: 'laptop' }, session('t2'));
    expect(modeOf(store.path)).toBe(0o600);
  });

  it('makes an existing file that others could read private again before using it', async () => {
    const path = join(tempDir(), 'sessions.json');
    writeFileSync(path, JSON.stringify({ 'http://127.0.0.1:8083|alice|cli': session('old') }));
    chmodSync(path, 0o644);
    const store = new SessionStore(path);
    expect(await store.load(alice)).toEqual(session('old'));
    expect(modeOf(path)).toBe(0o600);
  });

  it('keeps one session per route, user and device, and forgets one without touching the others', async () => {
    const store = new SessionStore(join(tempDir(), 'sessions.json'));
    const otherRoute = { ...alice, routeUrl: 'http://10.0.0.2:8083' };
    const otherDevice = { ...alice, deviceId: 'laptop' };
    await Promise.all([
      store.save(alice, session('a')),
      store.save(otherRoute, session('b')),
      store.save(otherDevice, session('c')),
    ]);
    await store.save(alice, session('a2'));

    expect(await store.load(alice)).toEqual(session('a2'));
    expect(await store.forget(alice)).toBe(true);
    expect(await store.forget(alice)).toBe(false);
    expect(await store.load(alice)).toBeUndefined();
    expect(await new SessionStore(store.path).load(otherRoute)).toEqual(session('b'));
    expect(await store.load(otherDevice)).toEqual(session('c'));
  });

  it('reads a missing or damaged file as empty', async () => {
    const path = join(tempDir(), 'sessions.json');
    expect(await new SessionStore(path).load(alice)).toBeUndefined();
    writeFileSync(path, '{not json', { mode: 0o600 });
    expect(await new SessionStore(path).load(alice)).toBeUndefined();
  });
});
