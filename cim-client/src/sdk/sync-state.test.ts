import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { inSeqOrder, SYNC_REWIND, SyncState } from './sync-state.js';

const m = (conversationId: string, seq: number): { message: ChatMessage } => ({
  message: {
    msgId: `${conversationId}/${seq}`,
    conversationId,
    seq: String(seq),
    fromUserId: '1',
    fromUserName: 'a',
    to: { userId: '2' },
    body: '',
    ts: '0',
    clientMsgId: '',
  },
});

describe('SyncState', () => {
  it('starts a catch-up one rewind window before the cursor', () => {
    const state = new SyncState();
    const cursor = 1_800_000_000_000n * 1024n;
    state.record('m1', cursor.toString(), true);
    expect(state.syncFrom).toBe((cursor - SYNC_REWIND).toString());
  });

  it('survives serialization with the recent msgIds, so a restarted client drops repeats', () => {
    const state = new SyncState();
    state.record('a', '5000000000', true);
    state.record('b', '5000001024', true);
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
    expect(state.record('a', '100', true)).toBe(true);
    expect(state.record('b', '90', true)).toBe(false);
    expect(state.cursor).toBe('100');
  });
});

describe('SyncState: a catch-up that has not succeeded yet', () => {
  const base = 1_800_000_000_000n * 1024n;
  const at = (ms: number) => (base + BigInt(ms) * 1024n).toString();

  it('does not let live pushes move the cursor past a range not synced yet', () => {
    const state = new SyncState();
    state.record('before', at(0), true);
    state.catchUpNeeded();
    expect(state.record('live-1', at(5_000), false)).toBe(false);
    expect(state.record('live-2', at(6_000), false)).toBe(false);
    expect(state.cursor).toBe(at(0));
    expect(state.caughtUp).toBe(false);
    // What a restart would resume from: before the gap, yet knowing the live ones were shown.
    const restored = new SyncState();
    restored.load(state.serialize());
    expect(restored.cursor).toBe(at(0));
    expect(restored.recentMsgIds()).toEqual(['before', 'live-1', 'live-2']);
  });

  it('moves the cursor through catch-up pages, which are contiguous from it', () => {
    const state = new SyncState();
    state.catchUpNeeded();
    state.record('live', at(9_000), false);
    expect(state.record('missed-1', at(1_000), true)).toBe(true);
    expect(state.record('missed-2', at(2_000), true)).toBe(true);
    expect(state.cursor).toBe(at(2_000));
    // A page that re-reads a message first seen live still advances over it.
    expect(state.record('live', at(9_000), true)).toBe(true);
    expect(state.cursor).toBe(at(9_000));
    expect(state.recentMsgIds()).toEqual(['live', 'missed-1', 'missed-2']);
  });

  it('once caught up, takes in what arrived live meanwhile and lets later pushes move the cursor', () => {
    const state = new SyncState();
    state.catchUpNeeded();
    state.record('live-1', at(5_000), false);
    state.record('missed', at(1_000), true);
    state.catchUpDone();
    expect(state.caughtUp).toBe(true);
    expect(state.cursor).toBe(at(5_000));
    expect(state.record('live-2', at(6_000), false)).toBe(true);
    expect(state.cursor).toBe(at(6_000));
    state.catchUpNeeded();
    expect(state.record('live-3', at(7_000), false)).toBe(false);
    expect(state.cursor).toBe(at(6_000));
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

describe('SyncState: large groups (read-diffused, not in the stream)', () => {
  it('moves a group by live pushes only when contiguous, and remembers what arrived past a gap', () => {
    const state = new SyncState();
    const groups = state.largeGroups;
    expect(groups.startCatchUp('g:1', '3')).toBe('3');
    groups.record('g:1', '4', 'm4', false);
    groups.record('g:1', '6', 'm6', false);
    groups.record('g:1', '7', 'm7', false);
    expect(groups.seq('g:1')).toBe('4');
    expect(state.recentMsgIds()).toEqual(['m6', 'm7']);
    // The missing one fills the gap: everything past it is contiguous now, and forgotten.
    groups.record('g:1', '5', 'm5', false);
    expect(groups.seq('g:1')).toBe('7');
    expect(state.recentMsgIds()).toEqual([]);
    expect(state.cursor).toBe('0');
  });

  it('takes catch-up pages as contiguous, and the seq the route listed as reached', () => {
    const groups = new SyncState().largeGroups;
    groups.record('g:1', '9', 'm9', false);
    expect(groups.seq('g:1')).toBeUndefined();
    expect(groups.startCatchUp('g:1', '5')).toBe('5');
    groups.record('g:1', '7', 'm7', true);
    expect(groups.seq('g:1')).toBe('7');
    groups.reached('g:1', '8');
    // 9 arrived live past 8: now contiguous.
    expect(groups.seq('g:1')).toBe('9');
  });

  it('starts a group again at its fromSeq when that is past the position (re-added after leaving)', () => {
    const groups = new SyncState().largeGroups;
    groups.startCatchUp('g:1', '2');
    groups.reached('g:1', '4');
    expect(groups.startCatchUp('g:1', '20')).toBe('20');
    expect(groups.startCatchUp('g:1', '3')).toBe('20');
  });

  it('drops the groups the user is no longer in', () => {
    const groups = new SyncState().largeGroups;
    groups.startCatchUp('g:1', '0');
    groups.startCatchUp('g:2', '0');
    groups.keepOnly(['g:2']);
    expect(groups.conversationIds()).toEqual(['g:2']);
  });

  it('is saved with the cursor: a new client resumes each group, and drops what it showed past a gap', () => {
    const state = new SyncState();
    state.record('stream', '5000000000', true);
    state.largeGroups.startCatchUp('g:1', '0');
    state.largeGroups.reached('g:1', '10');
    state.largeGroups.record('g:1', '12', 'm12', false);
    state.largeGroups.record('g:2', '3', 'g2-3', false);
    const restored = new SyncState();
    restored.load(state.serialize());
    expect(restored.cursor).toBe('5000000000');
    expect(restored.largeGroups.seq('g:1')).toBe('10');
    expect(restored.largeGroups.seq('g:2')).toBeUndefined();
    expect(restored.recentMsgIds()).toEqual(['stream', 'm12', 'g2-3']);
    restored.largeGroups.record('g:1', '11', 'm11', false);
    expect(restored.largeGroups.seq('g:1')).toBe('12');
  });

  it('remembers a message that came in the stream as its group became large until the group position passes it', () => {
    const state = new SyncState();
    const start = 1_800_000_000_000n * 1024n;
    // Sent just as the group became large: in the stream, at seq 8, which is past where a device
    // starts reading that group (7).
    state.record('raced', start.toString(), true, { conversationId: 'g:1', seq: '8' });
    state.largeGroups.record('g:1', '9', 'live-9', false);
    // Much later in the stream: past the rewind window.
    state.record('later', (start + 2n * SYNC_REWIND).toString(), true, { conversationId: 'p:1:2', seq: '1' });
    const restored = new SyncState();
    restored.load(state.serialize());
    expect(restored.recentMsgIds()).toEqual(['raced', 'later', 'live-9']);
    // Once the group's catch-up has read past it, it goes.
    restored.largeGroups.startCatchUp('g:1', '7');
    restored.largeGroups.reached('g:1', '9');
    const again = new SyncState();
    again.load(restored.serialize());
    expect(again.recentMsgIds()).toEqual(['later']);
  });

  it('loads a state saved before large groups existed as having none', () => {
    const old = JSON.stringify({ cursor: '77', recent: [['a', '70']], shown: [['p:1:2', '3']] });
    const state = new SyncState();
    state.largeGroups.startCatchUp('g:1', '4');
    state.load(old);
    expect(state.cursor).toBe('77');
    expect(state.largeGroups.conversationIds()).toEqual([]);
    expect(state.recentMsgIds()).toEqual(['a']);
  });

  it('keeps the large groups when the stream is reset (its cursor expired)', () => {
    const state = new SyncState();
    state.largeGroups.startCatchUp('g:1', '6');
    state.reset();
    expect(state.largeGroups.seq('g:1')).toBe('6');
  });
});
