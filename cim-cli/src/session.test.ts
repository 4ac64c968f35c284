import { CimError, ErrorCodes } from '@cim/common';
import { createLogger } from '@cim/common/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from './local-cluster.js';
import { CimClient } from '@cim/client';
import { connectOrRegister } from './session.js';

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
