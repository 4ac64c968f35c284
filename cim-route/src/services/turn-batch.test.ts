import { describe, expect, it } from 'vitest';
import { TurnBatch } from './turn-batch.js';

describe('TurnBatch', () => {
  it('hands the calls of one turn to one handler call and answers each with its own result', async () => {
    const calls: number[][] = [];
    const batch = new TurnBatch<number, number>(async (items) => {
      calls.push(items);
      return items.map((n) =>
        n < 0 ? { status: 'rejected', reason: new Error(`negative ${n}`) } : { status: 'fulfilled', value: n * 10 },
      );
    });
    const answers = await Promise.allSettled([batch.add(1), batch.add(-2), batch.add(3)]);
    expect(calls).toEqual([[1, -2, 3]]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('negative -2') },
      { status: 'fulfilled', value: 30 },
    ]);
    // A later turn is a batch of its own.
    expect(await batch.add(4)).toBe(40);
    expect(calls).toEqual([[1, -2, 3], [4]]);
  });

  it('fails every call of a batch whose handler throws, and keeps working after', async () => {
    let fail = true;
    const batch = new TurnBatch<string, string>(async (items) => {
      if (fail) throw new Error('store is down');
      return items.map((value) => ({ status: 'fulfilled', value }));
    });
    const answers = await Promise.allSettled([batch.add('a'), batch.add('b')]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batch.add('c')).toBe('c');
  });
});

describe('TurnBatch, answering early', () => {
  it('answers an item as soon as the handler says, before the rest of its batch is done, and keeps that answer', async () => {
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const batch = new TurnBatch<string, string>(async (items, answerOne) => {
      answerOne(0, { status: 'fulfilled', value: `${items[0]} early` });
      await finished;
      return items.map((value) => ({ status: 'fulfilled', value: `${value} late` }));
    });
    const first = batch.add('a');
    const second = batch.add('b');

    expect(await first).toBe('a early');
    finish();
    expect(await second).toBe('b late');
  });
});
