import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { inSeqOrder, SYNC_REWIND, SyncState } from './sync-state.js';

const m = (conversationId: string, seq: number): { message: ChatMessage } => ({
  message: { msgId: `${conversationId}/${seq}`, conversationId, seq: String(seq), fromUserId: '1', fromUserName: 'a', to: { userId: '2' }, body: '', ts: '0', clientMsgId: '' },
});

describe('SyncState', () => {
  it('starts a catch-up one rewind window before the cursor', () => {
    const state = new SyncState();
    const cursor = 1_800_000_000_000n * 1024n;
    state.record('m1', cursor.toString());
    expect(state.syncFrom).toBe((cursor - SYNC_REWIND).toString());
  });

  it('survives serialization with the recent msgIds, so a restarted client drops repeats', () => {
    const state = new SyncState();
    state.record('a', '5000000000');
    state.record('b', '5000001024');
    const restored = new SyncState();
    restored.load(state.serialize());
    expect(restored.cursor).toBe('5000001024');
    expect(restored.recentMsgIds()).toEqual(['a', 'b']);
  });

  it('accepts a bare cursor and ignores garbage', () => {
    const state = new SyncState();
    state.load('42');
    expect(state.cursor).toBe('42');
    state.load('{not json');
    expect(state.cursor).toBe('0');
  });

  it('never moves the cursor back', () => {
    const state = new SyncState();
    expect(state.record('a', '100')).toBe(true);
    expect(state.record('b', '90')).toBe(false);
    expect(state.cursor).toBe('100');
  });
});

describe('inSeqOrder', () => {
  it('puts each conversation in seq order and leaves the interleaving of conversations alone', () => {
    const page = [m('x', 2), m('y', 7), m('x', 1), m('y', 6), m('z', 1)];
    expect(inSeqOrder(page).map((e) => e.message.msgId)).toEqual(['x/1', 'y/6', 'x/2', 'y/7', 'z/1']);
  });
});

describe('SyncState: shown seqs', () => {
  it('keeps the highest seq shown per conversation across a restart', () => {
    const state = new SyncState();
    state.recordShown('p:1:2', '4');
    state.recordShown('p:1:2', '3');
    state.recordShown('g:7', '10');
    const restored = new SyncState();
    restored.load(state.serialize());
    expect([...restored.shownSeqs()]).toEqual([
      ['p:1:2', '4'],
      ['g:7', '10'],
    ]);
  });
});
