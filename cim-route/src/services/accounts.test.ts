import { describe, expect, it } from 'vitest';
import { ErrorCodes, signToken } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { defaultRouteConfig } from '../config.js';
import type { PushDispatcher, ServerDirectory } from '../delivery/index.js';
import { RouteMetrics } from '../metrics.js';
import { MemoryStore } from '../store/memory-store.js';
import { Accounts } from './accounts.js';

const secret = 'accounts-test-secret-0123456789';

describe('token authentication', () => {
  it('refuses a token once it expires, though it was accepted a moment before', async () => {
    const clock = { now: 1_000_000 };
    const store = new MemoryStore({ now: () => clock.now });
    const accounts = new Accounts(
      store,
      {} as ServerDirectory,
      {} as PushDispatcher,
      { ...defaultRouteConfig, secret },
      silentLogger,
      new RouteMetrics(),
      () => clock.now,
    );
    await store.sessions.put({
      userId: '1',
      userName: 'alice',
      deviceId: 'phone',
      sessionId: 's1',
      serverId: 'srv',
      createdAt: clock.now,
      expiresAt: clock.now + 3_600_000,
    });
    const token = signToken({ uid: '1', name: 'alice', dev: 'phone', sid: 's1', exp: clock.now + 100 }, secret);

    expect(await accounts.authenticate(token)).toMatchObject({ uid: '1', sid: 's1' });
    clock.now += 50;
    expect(await accounts.authenticate(token)).toMatchObject({ uid: '1', sid: 's1' });
    clock.now += 50;
    await expect(accounts.authenticate(token)).rejects.toMatchObject({ code: ErrorCodes.TOKEN_EXPIRED });
    await expect(accounts.authenticate(`${token}x`)).rejects.toMatchObject({ code: ErrorCodes.BAD_TOKEN });
  });
});
