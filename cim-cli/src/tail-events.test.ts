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

  it('is exact once parsed, and escapes every character a terminal would obey', () => {
    const hostile = {
      ...message,
      fromUserName: 'bob\u009b2J',
      body: '\u001b]0;pwned\u0007 \u001b]52;c;ZXZpbA==\u0007 \u202Egnp',
    };
    const line = jsonLine({ type: 'message', message: hostile, cursor: '12', synced: false });
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(line)).toMatchObject({ fromUserName: hostile.fromUserName, body: hostile.body });
  });

  it('writes state and kicked events as they are', () => {
    expect(JSON.parse(jsonLine({ type: 'state', state: 'reconnecting' }))).toEqual({
      type: 'state',
      state: 'reconnecting',
    });
    expect(JSON.parse(jsonLine({ type: 'kicked', reason: 'replaced' }))).toEqual({
      type: 'kicked',
      reason: 'replaced',
    });
  });
});

describe('humanLine', () => {
  it('shows time, channel, sender and body, on one line', () => {
    expect(humanLine({ type: 'message', message, cursor: '12', synced: false })).toBe(
      '14:03 [private] bob: hi "alice"\\nbye',
    );
    expect(
      humanLine({ type: 'message', message: { ...message, to: { broadcast: true } }, cursor: '0', synced: false }),
    ).toContain('[lobby] bob:');
  });

  it('spells out escape sequences in names and bodies instead of printing them', () => {
    const hostile = {
      ...message,
      fromUserName: 'bo\u001b[2Jb',
      body: '\u001b]0;pwned\u0007 \u001b]8;;https://evil.example\u001b\\x',
    };
    expect(humanLine({ type: 'message', message: hostile, cursor: '12', synced: false })).toBe(
      '14:03 [private] bo\\u{1b}[2Jb: \\u{1b}]0;pwned\\u{7} \\u{1b}]8;;https://evil.example\\u{1b}\\x',
    );
    expect(humanLine({ type: 'kicked', reason: 'x\u001b]0;t\u0007' })).toBe('-- signed out: x\\u{1b}]0;t\\u{7}');
  });

  it('shows a group notice as news about the group, not as words typed', () => {
    const notice = {
      ...message,
      to: { groupId: '7' },
      body: 'bob added alice',
      notice: { kind: 'MEMBERS_ADDED' as const, userIds: ['1'], userNames: ['alice'] },
    };
    expect(humanLine({ type: 'message', message: notice, cursor: '12', synced: false })).toBe(
      '14:03 [group] -- bob added alice',
    );
    expect(JSON.parse(jsonLine({ type: 'message', message: notice, cursor: '12', synced: false }))).toMatchObject({
      body: 'bob added alice',
      notice: { kind: 'MEMBERS_ADDED', userIds: ['1'], userNames: ['alice'] },
    });
  });

  it('marks connection events', () => {
    expect(humanLine({ type: 'state', state: 'online' })).toBe('-- online');
    expect(humanLine({ type: 'kicked', reason: 'replaced' })).toBe('-- signed out: replaced');
  });
});

describe('cursorExpired', () => {
  it('names the large group whose older messages expired, and the stream when none is named', () => {
    expect(humanLine({ type: 'cursorExpired', conversationId: 'g:42' })).toBe(
      '-- older messages of g:42 have expired; some may be missing',
    );
    expect(humanLine({ type: 'cursorExpired' })).toBe('-- older messages have expired; some may be missing');
    expect(JSON.parse(jsonLine({ type: 'cursorExpired', conversationId: 'g:42' }))).toEqual({
      type: 'cursorExpired',
      conversationId: 'g:42',
    });
  });
});
