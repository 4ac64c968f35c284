/** Expired entries dropped per write: enough to keep up with any write rate, small enough to never stall. */
const PRUNE_BUDGET = 64;

/**
 * A map whose entries vanish `ttlMs` after they were written: the memory store's messages and
 * idempotency answers, and the route's short-lived caches. Every entry gets the same TTL, so insertion order is expiry order and
 * pruning only looks at the oldest entries: each write does a bounded amount of clean-up.
 */
export class TtlMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAt > now ? entry.value : undefined;
  }

  set(key: K, value: V, now: number): void {
    // Re-inserting moves the key to the end, keeping the map in expiry order.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    this.prune(now);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /**
   * Changes the value of a live entry without renewing it, so the entry still expires when it would
   * have (and insertion order stays expiry order). Returns false if there is no live entry.
   */
  replace(key: K, value: V, now: number): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= now) return false;
    entry.value = value;
    return true;
  }

  private prune(now: number): void {
    let budget = PRUNE_BUDGET;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now || budget-- === 0) return;
      this.entries.delete(key);
    }
  }
}
