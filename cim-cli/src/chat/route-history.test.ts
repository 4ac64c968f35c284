import { describe, expect, it } from 'vitest';
import { conversationIdOf } from './route-history.js';

describe('conversationIdOf', () => {
  it('orders the two user ids as numbers, as the route does', () => {
    expect(conversationIdOf({ kind: 'user', userId: '10', userName: 'bob' }, '9')).toBe('p:9:10');
    expect(conversationIdOf({ kind: 'user', userId: '9', userName: 'bob' }, '10')).toBe('p:9:10');
  });

  it('is g:<id> for a group and none for the lobby, whose broadcasts are not stored', () => {
    expect(conversationIdOf({ kind: 'group', groupId: '7', name: 'ops' }, '1')).toBe('g:7');
    expect(conversationIdOf({ kind: 'lobby' }, '1')).toBeUndefined();
  });
});
