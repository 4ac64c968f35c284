import { describe, expect, it } from 'vitest';
import { InputHistory } from './input-history.js';

describe('InputHistory', () => {
  it('walks back through submitted lines and forward to the draft', () => {
    const history = new InputHistory();
    history.add('one');
    history.add('two');
    expect(history.previous('dra')).toBe('two');
    expect(history.previous('two')).toBe('one');
    expect(history.previous('one')).toBeUndefined();
    expect(history.next()).toBe('two');
    expect(history.next()).toBe('dra');
    expect(history.next()).toBeUndefined();
  });

  it('has nothing to recall before the first line', () => {
    const history = new InputHistory();
    expect(history.previous('')).toBeUndefined();
    expect(history.next()).toBeUndefined();
  });

  it('skips blank lines and immediate repeats', () => {
    const history = new InputHistory();
    for (const line of ['a', 'a', '  ', 'b']) history.add(line);
    expect(history.previous('')).toBe('b');
    expect(history.previous('')).toBe('a');
    expect(history.previous('')).toBeUndefined();
  });

  it('starts the next walk from the newest line after a submit', () => {
    const history = new InputHistory();
    history.add('a');
    history.add('b');
    history.previous('');
    history.previous('');
    history.add('c');
    expect(history.previous('')).toBe('c');
  });

  it('forgets the oldest lines beyond its limit', () => {
    const history = new InputHistory(2);
    for (const line of ['a', 'b', 'c']) history.add(line);
    expect(history.previous('')).toBe('c');
    expect(history.previous('')).toBe('b');
    expect(history.previous('')).toBeUndefined();
  });
});
