import { describe, expect, it } from 'vitest';
import type { RouteApi } from '@cim/client';
import { parseRecipient, resolveRecipient } from './recipient.js';

describe('parseRecipient', () => {
  it.each([
    ['lobby', { broadcast: true }],
    ['all', { broadcast: true }],
    ['42', { userId: '42' }],
    ['bob', { userName: 'bob' }],
    ['@bob', { userName: 'bob' }],
    ['@all', { userName: 'all' }],
    ['@42', { userName: '42' }],
  ])('%s', (to, expected) => {
    expect(parseRecipient(to)).toEqual(expected);
  });
});

describe('resolveRecipient', () => {
  const api = {
    userByName: async (name: string) => ({ userId: name === 'bob' ? '2' : '9', userName: name }),
  } as unknown as RouteApi;

  it('looks a name up', async () => {
    await expect(resolveRecipient({ userName: 'bob' }, api)).resolves.toEqual({ userId: '2' });
  });

  it('passes ids and the broadcast through', async () => {
    await expect(resolveRecipient({ userId: '5' }, api)).resolves.toEqual({ userId: '5' });
    await expect(resolveRecipient({ broadcast: true }, api)).resolves.toEqual({ broadcast: true });
  });
});
