import type { ChatMessage } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { humanLine, jsonLine } from './tail-events.js';

const message: ChatMessage = {
  msgId: '7',
  conversationId: 'p:1:2',
  seq: '3',
  fromUserId: '2',
  fromUserName: 'bob',
  to: { userId: '1' },
  body: 'hi "alice"\nbye',
  ts: String(new Date(2025, 0, 2, 14, 3).getTime()),
  clientMsgId: 'c-1',
};

describe('jsonLine', () => {
  it('puts the message fields at the top level with the type and cursor', () => {
    const line = jsonLine({ type: 'message', message, cursor: '12', synced: true });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ type: 'message', ...message, cursor: '12', synced: true });
  });

  it('writes state and kicked events as they are', () => {
    expect(JSON.parse(jsonLine({ type: 'state', state: 'reconnecting' }))).toEqual({ type: 'state', state: 'reconnecting' });
    expect(JSON.parse(jsonLine({ type: 'kicked', reason: 'replaced' }))).toEqual({ type: 'kicked', reason: 'replaced' });
  });
});

describe('humanLine', () => {
  it('shows time, channel, sender and body', () => {
    expect(humanLine({ type: 'message', message, cursor: '12', synced: false })).toBe('14:03 [private] bob: hi "alice"\nbye');
    expect(humanLine({ type: 'message', message: { ...message, to: { broadcast: true } }, cursor: '0', synced: false })).toContain('[lobby] bob:');
  });

  it('marks connection events', () => {
    expect(humanLine({ type: 'state', state: 'online' })).toBe('-- online');
    expect(humanLine({ type: 'kicked', reason: 'replaced' })).toBe('-- signed out: replaced');
  });
});
