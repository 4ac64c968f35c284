import { describe, expect, it } from 'vitest';
import { ConversationIndex } from './conversation-index.js';

describe('ConversationIndex', () => {
  const filled = (count: number) => {
    const index = new ConversationIndex();
    for (let seq = 1; seq <= count; seq++) index.append(seq, `m${seq}`);
    return index;
  };

  it('lists message ids below a seq, newest first', () => {
    const index = filled(5);
    expect([...index.newestFirst(null)]).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect([...index.newestFirst(3)]).toEqual(['m2', 'm1']);
    expect([...index.newestFirst(99)]).toHaveLength(5);
    expect([...index.newestFirst(1)]).toEqual([]);
    expect([...index.newestFirst(0)]).toEqual([]);
  });

  it('drops the oldest gone entries within the budget, stopping at the first kept one', () => {
    const index = filled(6);
    const gone = new Set(['m1', 'm2', 'm3', 'm5']);
    index.dropOldest((msgId) => gone.has(msgId), 2);
    expect([...index.newestFirst(null)]).toEqual(['m6', 'm5', 'm4', 'm3']);
    index.dropOldest((msgId) => gone.has(msgId), 10);
    expect([...index.newestFirst(null)]).toEqual(['m6', 'm5', 'm4']);
  });

  it('keeps seqs and positions in step after reclaiming the space of dropped entries', () => {
    const index = filled(3000);
    index.dropOldest((msgId) => Number(msgId.slice(1)) <= 2000, 5000);
    expect([...index.newestFirst(2003)]).toEqual(['m2002', 'm2001']);
    index.append(3001, 'm3001');
    expect([...index.newestFirst(null)].slice(0, 2)).toEqual(['m3001', 'm3000']);
    expect([...index.newestFirst(null)]).toHaveLength(1001);
    expect(() => index.append(3005, 'm3005')).toThrow(/expected seq 3002/);
  });
});
