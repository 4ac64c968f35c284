import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatMessage as msg } from '../../../test/support/chat-message.js';
import { MessageSequencer } from './message-sequencer.js';

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

  it('shows live pushes it held during a catch-up that read them again before what follows the catch-up', () => {
    // A large group's live pushes arrive while its catch-up runs; the catch-up's pages bring them
    // again (dropped by msgId) and end at seq 2.
    seq.catchUpStarted();
    seq.push(msg('g:L', 1), null, 'live');
    seq.push(msg('g:L', 2), null, 'live');
    seq.push(msg('g:L', 2), null, 'catchUp');
    seq.continueAfter('g:L', '2');
    seq.catchUpDone();
    seq.push(msg('g:L', 3), null, 'live');
    expect(out).toEqual(['g:L#1', 'g:L#2', 'g:L#3']);
  });

  it('emits each msgId once', () => {
    seq.push(msg('p:1:2', 1), null, 'live');
    seq.push(msg('p:1:2', 1), null, 'live');
    expect(out).toEqual(['p:1:2#1']);
  });

  it('after forgetGaps, neither keeps what it held nor holds for seqs that will never come', () => {
    seq.resume(new Map([['c', '1']]));
    seq.push(msg('c', 3), null, 'live');
    expect(out).toEqual([]);
    seq.forgetGaps();
    expect(out).toEqual(['c#3']);
    seq.push(msg('d', 5), null, 'live');
    seq.forgetGaps();
    seq.push(msg('c', 7), null, 'live');
    seq.push(msg('c', 8), null, 'live');
    expect(out).toEqual(['c#3', 'd#5', 'c#7', 'c#8']);
  });

  it('after forgetGap during a catch-up, starts that conversation at what the catch-up brings, after what it held below', () => {
    seq.resume(
      new Map([
        ['g:L', '2'],
        ['c', '1'],
      ]),
    );
    seq.catchUpStarted();
    seq.push(msg('g:L', 9), null, 'live');
    seq.push(msg('g:L', 12), null, 'live');
    seq.push(msg('c', 3), null, 'live');
    seq.forgetGap('g:L');
    seq.push(msg('g:L', 10), null, 'catchUp');
    seq.push(msg('g:L', 11), null, 'catchUp');
    expect(out).toEqual(['g:L#9', 'g:L#10', 'g:L#11', 'g:L#12']);
    // Other conversations still wait for their gaps.
    seq.catchUpDone();
    expect(out).toEqual(['g:L#9', 'g:L#10', 'g:L#11', 'g:L#12']);
  });

  it('holds a message that overtook an earlier one and releases both in seq order', () => {
    seq.push(msg('c', 1), null, 'live');
    seq.push(msg('c', 3), null, 'live');
    expect(out).toEqual(['c#1']);
    seq.push(msg('c', 2), null, 'live');
    expect(out).toEqual(['c#1', 'c#2', 'c#3']);
  });

  it('keeps conversations independent', () => {
    seq.resume(new Map([['b', '6']]));
    seq.push(msg('a', 1), null, 'live');
    seq.push(msg('b', 7), null, 'live');
    seq.push(msg('a', 3), null, 'live');
    seq.push(msg('b', 8), null, 'live');
    expect(out).toEqual(['a#1', 'b#7', 'b#8']);
  });

  it('holds a live push past seq 1 of a conversation with nothing shown: the first one may still be on its way', () => {
    seq.push(msg('n', 2), null, 'live');
    expect(out).toEqual([]);
    seq.push(msg('n', 1), null, 'live');
    expect(out).toEqual(['n#1', 'n#2']);
    // With nothing before it ever coming (a member who joined late), after the hold time.
    seq.push(msg('late', 7), null, 'live');
    vi.advanceTimersByTime(1_000);
    expect(out).toEqual(['n#1', 'n#2', 'late#7']);
  });

  it('releases held messages after the hold time when the gap never fills', () => {
    seq.push(msg('c', 1), null, 'live');
    seq.push(msg('c', 4), null, 'live');
    seq.push(msg('c', 3), null, 'live');
    vi.advanceTimersByTime(1_000);
    expect(out).toEqual(['c#1', 'c#3', 'c#4']);
    seq.push(msg('c', 5), null, 'live');
    expect(out.at(-1)).toBe('c#5');
  });

  it('passes broadcasts (seq 0) straight through', () => {
    seq.push(msg('b', 0, 'x'), null, 'live');
    seq.push(msg('b', 0, 'y'), null, 'live');
    expect(out).toEqual(['b#0', 'b#0']);
  });

  it('still shows a message older than what was shown, rather than losing it', () => {
    seq.resume(new Map([['c', '4']]));
    seq.push(msg('c', 5), null, 'live');
    seq.push(msg('c', 4), null, 'live');
    expect(out).toEqual(['c#5', 'c#4']);
  });

  describe('during a catch-up', () => {
    it('holds a live message of a conversation with nothing shown yet until the catch-up has shown the older ones', () => {
      seq.catchUpStarted();
      seq.push(msg('c', 5), null, 'live');
      expect(out).toEqual([]);
      seq.push(msg('c', 3), null, 'catchUp');
      seq.push(msg('c', 4), null, 'catchUp');
      expect(out).toEqual(['c#3', 'c#4', 'c#5']);
    });

    it('does not block a conversation on a gap the catch-up did not fill: starts it at its lowest held seq when done', () => {
      seq.catchUpStarted();
      seq.push(msg('c', 6), null, 'live');
      seq.push(msg('c', 5), null, 'live');
      seq.push(msg('c', 8), null, 'live');
      seq.catchUpDone();
      expect(out).toEqual(['c#5', 'c#6']);
      // Seq 7 may be a send racing this one (or never come): the usual hold time applies from here.
      vi.advanceTimersByTime(1_000);
      expect(out).toEqual(['c#5', 'c#6', 'c#8']);
    });

    it('releases nothing by time while the catch-up runs, and waits the hold time only after it', () => {
      seq.resume(new Map([['c', '2']]));
      seq.push(msg('c', 6), null, 'live');
      seq.catchUpStarted();
      seq.push(msg('c', 5), null, 'live');
      vi.advanceTimersByTime(10_000);
      expect(out).toEqual([]);
      seq.push(msg('c', 3), null, 'catchUp');
      seq.catchUpDone();
      expect(out).toEqual(['c#3']);
      vi.advanceTimersByTime(1_000);
      expect(out).toEqual(['c#3', 'c#5', 'c#6']);
    });

    it('after a failed catch-up attempt, holds what it held at most the hold time (the route may be out for long)', () => {
      seq.catchUpStarted();
      seq.push(msg('c', 5), null, 'live');
      seq.catchUpFailed();
      vi.advanceTimersByTime(999);
      expect(out).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(out).toEqual(['c#5']);
    });

    it('after a failed catch-up attempt, shows in seq order what a retry within the hold time brings', () => {
      seq.catchUpStarted();
      seq.push(msg('c', 5), null, 'live');
      seq.catchUpFailed();
      seq.push(msg('c', 4), null, 'catchUp');
      seq.catchUpDone();
      expect(out).toEqual(['c#4', 'c#5']);
    });

    it('shows a live message that is the next expected seq at once', () => {
      seq.resume(new Map([['c', '2']]));
      seq.catchUpStarted();
      seq.push(msg('c', 3), null, 'live');
      expect(out).toEqual(['c#3']);
    });

    it('shows held live messages with lower seqs before a catch-up message that starts their conversation', () => {
      seq.catchUpStarted();
      seq.push(msg('c', 5), null, 'live');
      seq.push(msg('c', 6), null, 'catchUp');
      seq.push(msg('c', 5), null, 'catchUp');
      seq.catchUpDone();
      expect(out).toEqual(['c#5', 'c#6']);
    });

    it('after forgetGaps during a catch-up, shows what it held in seq order with what the catch-up brings', () => {
      seq.resume(new Map([['c', '1']]));
      seq.catchUpStarted();
      seq.push(msg('c', 9), null, 'live');
      seq.forgetGaps();
      expect(out).toEqual([]);
      seq.push(msg('c', 7), null, 'catchUp');
      seq.push(msg('c', 8), null, 'catchUp');
      expect(out).toEqual(['c#7', 'c#8', 'c#9']);
    });
  });
});

describe('MessageSequencer after a restart', () => {
  it('continues after the last seq shown before, so a late lower seq is not shown out of order', () => {
    const out: string[] = [];
    const seq = new MessageSequencer<null>((m) => out.push(m.seq), { holdMs: 1_000 });
    seq.resume(new Map([['c', '5']]));
    seq.push(msg('c', 7), null, 'live');
    expect(out).toEqual([]);
    seq.push(msg('c', 6), null, 'live');
    expect(out).toEqual(['6', '7']);
  });
});
