import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.js';

class Events extends Emitter<{ ping: [n: number]; done: [] }> {}

describe('Emitter (the SDK events without node:events)', () => {
  it('calls listeners in the order they were added, with the arguments', () => {
    const events = new Events();
    const calls: string[] = [];
    events.on('ping', (n) => calls.push(`a${n}`)).on('ping', (n) => calls.push(`b${n}`));
    expect(events.emit('ping', 1)).toBe(true);
    expect(events.emit('done')).toBe(false);
    expect(calls).toEqual(['a1', 'b1']);
  });

  it('runs a once listener one time, and off removes it by the function that was given', () => {
    const events = new Events();
    const calls: number[] = [];
    const listener = (n: number) => calls.push(n);
    events.once('ping', listener);
    events.emit('ping', 1);
    events.emit('ping', 2);
    events.once('ping', listener);
    events.off('ping', listener);
    events.emit('ping', 3);
    expect(calls).toEqual([1]);
    expect(events.listenerCount('ping')).toBe(0);
  });

  it('lets a listener remove itself or add others without changing the round being emitted', () => {
    const events = new Events();
    const calls: string[] = [];
    const first = () => {
      calls.push('first');
      events.off('ping', first);
      events.on('ping', () => calls.push('added'));
    };
    events.on('ping', first);
    events.on('ping', () => calls.push('second'));
    events.emit('ping', 1);
    events.emit('ping', 2);
    expect(calls).toEqual(['first', 'second', 'second', 'added']);
  });
});
