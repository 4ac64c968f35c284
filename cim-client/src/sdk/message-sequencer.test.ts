import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { MessageSequencer } from './message-sequencer.js';

const msg = (conversationId: string, seq: number, msgId = `${conversationId}-${seq}`): ChatMessage => ({
  msgId,
  conversationId,
  seq: String(seq),
  fromUserId: '1',
  fromUserName: 'a',
  to: { userId: '2' },
  body: `m${seq}`,
  ts: '0',
  clientMsgId: msgId,
});

describe('MessageSequencer', () => {
  let out: string[];
  let seq: MessageSequencer<null>;
  beforeEach(() => {
    vi.useFakeTimers();
    out = [];
    seq = new MessageSequencer((m) => out.push(`${m.conversationId}#${m.seq}`), {
      holdMs: 1_000,
      now: () => Date.now(),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('emits each msgId once', () => {
    seq.push(msg('p:1:2', 1), null);
    seq.push(msg('p:1:2', 1), null);
    expect(out).toEqual(['p:1:2#1']);
  });

  it('after forgetGaps, neither keeps what it held nor holds for seqs that will never come', () => {
    seq.resume(new Map([['c', '1']]));
    seq.push(msg('c', 3), null);
    expect(out).toEqual([]);
    seq.forgetGaps();
    expect(out).toEqual(['c#3']);
    seq.push(msg('d', 5), null);
    seq.forgetGaps();
    seq.push(msg('c', 7), null);
    seq.push(msg('c', 8), null);
    expect(out).toEqual(['c#3', 'd#5', 'c#7', 'c#8']);
  });

  it('holds a message that overtook an earlier one and releases both in seq order', () => {
    seq.push(msg('c', 1), null);
    seq.push(msg('c', 3), null);
    expect(out).toEqual(['c#1']);
    seq.push(msg('c', 2), null);
    expect(out).toEqual(['c#1', 'c#2', 'c#3']);
  });

  it('keeps conversations independent', () => {
    seq.push(msg('a', 1), null);
    seq.push(msg('b', 7), null);
    seq.push(msg('a', 3), null);
    seq.push(msg('b', 8), null);
    expect(out).toEqual(['a#1', 'b#7', 'b#8']);
  });

  it('releases held messages after the hold time when the gap never fills', () => {
    seq.push(msg('c', 1), null);
    seq.push(msg('c', 4), null);
    seq.push(msg('c', 3), null);
    vi.advanceTimersByTime(1_000);
    expect(out).toEqual(['c#1', 'c#3', 'c#4']);
    seq.push(msg('c', 5), null);
    expect(out.at(-1)).toBe('c#5');
  });

  it('passes broadcasts (seq 0) straight through', () => {
    seq.push(msg('b', 0, 'x'), null);
    seq.push(msg('b', 0, 'y'), null);
    expect(out).toEqual(['b#0', 'b#0']);
  });

  it('still shows a message older than what was shown, rather than losing it', () => {
    seq.push(msg('c', 5), null);
    seq.push(msg('c', 4), null);
    expect(out).toEqual(['c#5', 'c#4']);
  });
});

describe('MessageSequencer after a restart', () => {
  it('continues after the last seq shown before, so a late lower seq is not shown out of order', () => {
    const out: string[] = [];
    const seq = new MessageSequencer<null>((m) => out.push(m.seq), { holdMs: 1_000 });
    seq.resume(new Map([['c', '5']]));
    seq.push(msg('c', 7), null);
    expect(out).toEqual([]);
    seq.push(msg('c', 6), null);
    expect(out).toEqual(['6', '7']);
  });
});
