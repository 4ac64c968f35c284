/**
 * Where a client keeps its sync state between runs: the stream cursor, recently received msgIds and
 * its position in each large group, as one opaque string per client (saved at once, so they agree).
 */
export interface CursorStore {
  load(key: string): Promise<string | undefined>;
  save(key: string, cursor: string): Promise<void>;
}

/** Keeps cursors for the life of the process (the SDK's default). */
export class MemoryCursorStore implements CursorStore {
  private readonly cursors = new Map<string, string>();

  async load(key: string): Promise<string | undefined> {
    return this.cursors.get(key);
  }

  async save(key: string, cursor: string): Promise<void> {
    this.cursors.set(key, cursor);
  }
}

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) a `LocalStorageCursorStore` uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Keeps each client's sync state in the browser's `localStorage` (or another Web Storage), under
 * `prefix` + the client's key, so a page that is reloaded catches up from where it was. A store
 * that is full or refused (private browsing) fails the save; the client then keeps its state in
 * memory and catches up from the older cursor next time (nothing is skipped, some may be fetched twice).
 */
export class LocalStorageCursorStore implements CursorStore {
  private readonly storage: KeyValueStorage;
  private readonly prefix: string;

  constructor(options: { storage?: KeyValueStorage; prefix?: string } = {}) {
    const storage = options.storage ?? (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (!storage) throw new TypeError('no localStorage here: pass a storage');
    this.storage = storage;
    this.prefix = options.prefix ?? 'cim:sync:';
  }

  async load(key: string): Promise<string | undefined> {
    return this.storage.getItem(this.prefix + key) ?? undefined;
  }

  async save(key: string, cursor: string): Promise<void> {
    this.storage.setItem(this.prefix + key, cursor);
  }
}
