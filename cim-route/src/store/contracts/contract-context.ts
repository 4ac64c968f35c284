import type { RouteStore, StoreOptions } from '../types.js';

/** Where the test clock stands at the start of every contract test. */
export const START = Date.UTC(2025, 0, 1);
export const MINUTE = 60_000;

/** What each part of the store contract gets from `describeStoreContract`. */
export interface ContractContext {
  /** Opens a store with no data in it, running on the test clock; it is closed after the test. */
  openStore(options?: StoreOptions): Promise<RouteStore>;
  /** Moves the test clock forward. */
  advance(ms: number): void;
}
