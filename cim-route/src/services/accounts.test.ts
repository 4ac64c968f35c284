import { describe, expect, it } from 'vitest';
import { ErrorCodes, signToken, verifyToken, type LoginAnswer } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { defaultRouteConfig } from '../config.js';
import { deliveryFixture } from '../delivery/delivery-fakes.js';
import { Accounts } from './accounts.js';

const secret = 'accounts-test-secret';

/** Accounts on the in-memory delivery fixture, with user `dave` (password `password-1`) registered. */
async function accountsFixture(config: Partial<typeof defaultRouteConfig> = {}) {
  const fixture = await deliveryFixture(config);
  const settings = { ...defaultRouteConfig, secret, ...config };
  const now = () => fixture.clock.now;
  const accounts = new Accounts(
    fixture.store,
    fixture.directory,
    fixture.dispatcher,
    settings,
    silentLogger,
    fixture.metrics,
    now,
  );
  await accounts.register('dave', 'password-1');
  const login = () => accounts.login('dave', 'password-1', 'phone');
  const claimsOf = (answer: LoginAnswer) => verifyToken(answer.token, secret, now());
  return { ...fixture, accounts, login, claimsOf };
}

const sessionEnded = { code: ErrorCodes.SESSION_ENDED };

describe('refreshing a session', () => {
  it('answers a retry with the replaced token again, with the same session and token, until the new token is used', async () => {
    const { accounts, login, claimsOf } = await accountsFixture();
    const first = await login();
    const refreshed = await accounts.refresh(first.token);
    expect(refreshed.sessionId).not.toBe(first.sessionId);

    // The device never got `refreshed` and retries with the token it has.
    expect(await accounts.refresh(first.token)).toEqual(refreshed);
    expect(await accounts.refresh(first.token)).toEqual(refreshed);
    // The old token itself stays ended for everything but the refresh.
    await expect(accounts.authenticate(first.token)).rejects.toMatchObject(sessionEnded);

    // The device used the new token on an API call: the old one gets nothing from now on.
    await accounts.authenticate(refreshed.token);
    await expect(accounts.refresh(first.token)).rejects.toMatchObject(sessionEnded);
    expect(claimsOf(await accounts.refresh(refreshed.token)).dev).toBe('phone');
  });

  it('stops answering the replaced token once the device logged in over TCP with the new one', async () => {
    const { accounts, login, claimsOf } = await accountsFixture();
    const first = await login();
    const refreshed = await accounts.refresh(first.token);
    expect(await accounts.refresh(first.token)).toEqual(refreshed);
    const claims = claimsOf(refreshed);
    await accounts.attachConnection(
      { userId: claims.uid, userName: claims.name, deviceId: claims.dev, sessionId: claims.sid },
      refreshed.server.id,
      'conn-1',
    );
    await expect(accounts.refresh(first.token)).rejects.toMatchObject(sessionEnded);
  });

  it('stops answering the replaced token after refreshRetryMs', async () => {
    const { accounts, login, clock } = await accountsFixture({ refreshRetryMs: 10_000 });
    const first = await login();
    const refreshed = await accounts.refresh(first.token);
    clock.now += 9_999;
    expect(await accounts.refresh(first.token)).toEqual(refreshed);
    clock.now += 1;
    await expect(accounts.refresh(first.token)).rejects.toMatchObject(sessionEnded);
  });

  it('never answers the replaced token when refreshRetryMs is 0', async () => {
    const { accounts, login } = await accountsFixture({ refreshRetryMs: 0 });
    const first = await login();
    await accounts.refresh(first.token);
    await expect(accounts.refresh(first.token)).rejects.toMatchObject(sessionEnded);
  });

  it('ends the replaced token at once with a logout or a password login on the device', async () => {
    const { accounts, login, claimsOf } = await accountsFixture();
    const first = await login();
    const refreshed = await accounts.refresh(first.token);
    await accounts.logout(claimsOf(refreshed));
    await expect(accounts.refresh(first.token)).rejects.toMatchObject(sessionEnded);
    await expect(accounts.refresh(refreshed.token)).rejects.toMatchObject(sessionEnded);

    const second = await login();
    const secondRefreshed = await accounts.refresh(second.token);
    await login();
    await expect(accounts.refresh(second.token)).rejects.toMatchObject(sessionEnded);
    await expect(accounts.refresh(secondRefreshed.token)).rejects.toMatchObject(sessionEnded);
  });

  it('sends a retry to another push server when the one of the first answer went away', async () => {
    const { accounts, login, servers } = await accountsFixture();
    const first = await login();
    const refreshed = await accounts.refresh(first.token);
    await servers.unregister(refreshed.server.id);
    const again = await accounts.refresh(first.token);
    expect(again.token).toBe(refreshed.token);
    expect(again.server.id).not.toBe(refreshed.server.id);
  });
});

describe('token authentication', () => {
  it('refuses a token once it expires, though it was accepted a moment before', async () => {
    const { accounts, store, clock } = await accountsFixture();
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
