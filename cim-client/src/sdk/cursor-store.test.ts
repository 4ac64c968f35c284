import { describe, expect, it } from 'vitest';
import { LocalStorageCursorStore } from './cursor-store.js';

describe('LocalStorageCursorStore', () => {
  it('keeps each key in the given Web Storage under its prefix', async () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    const store = new LocalStorageCursorStore({ storage });
    expect(await store.load('a')).toBeUndefined();
    await store.save('a', 'state-a');
    expect(await store.load('a')).toBe('state-a');
    expect([...items]).toEqual([['cim:sync:a', 'state-a']]);
  });

  it('fails the save when the storage refuses it (full, or private browsing)', async () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    await expect(new LocalStorageCursorStore({ storage }).save('a', 'x')).rejects.toThrow('QuotaExceededError');
  });
});
