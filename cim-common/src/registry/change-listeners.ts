import type { Logger } from '../logger.js';

/**
 * The `onChange` subscribers of one registry. A listener that throws is logged and does not keep
 * the others from hearing about the change (it runs inside a ZooKeeper watch callback, where a
 * throw would crash the process).
 */
export class ChangeListeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  add(listener: (value: T) => void): () => void {
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (err) {
        this.logger.error({ err }, 'server registry change listener threw');
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
