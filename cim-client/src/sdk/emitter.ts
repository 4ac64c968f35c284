/** Event name → the arguments its listeners get. */
type EventMap<Events> = { [E in keyof Events]: unknown[] };
type Listener<Args extends unknown[]> = (...args: Args) => void;

/**
 * A typed event emitter with the part of Node's `EventEmitter` API that SDK users rely on (`on`,
 * `once`, `off`, `emit`, `listenerCount`, `removeAllListeners`), written out so that the SDK runs
 * where `node:events` does not exist (a browser). Listeners run in the order they were added; one
 * that throws stops the `emit`, as in Node.
 */
export class Emitter<Events extends EventMap<Events>> {
  private readonly listeners = new Map<keyof Events, Listener<never>[]>();

  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener<never>]);
    return this;
  }

  /** Same as `on`. */
  addListener<E extends keyof Events>(event: E, listener: Listener<Events[E]>): this {
    return this.on(event, listener);
  }

  /** Calls `listener` the next time `event` is emitted, then forgets it. */
  once<E extends keyof Events>(event: E, listener: Listener<Events[E]>): this {
    const wrapper = Object.assign(
      (...args: Events[E]) => {
        this.off(event, wrapper);
        listener(...args);
      },
      { original: listener },
    );
    return this.on(event, wrapper);
  }

  /** Removes one registration of `listener` (added with `on` or `once`). */
  off<E extends keyof Events>(event: E, listener: Listener<Events[E]>): this {
    const list = this.listeners.get(event);
    if (!list) return this;
    const index = list.findLastIndex((l) => l === listener || (l as { original?: unknown }).original === listener);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.listeners.delete(event);
    return this;
  }

  /** Same as `off`. */
  removeListener<E extends keyof Events>(event: E, listener: Listener<Events[E]>): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: keyof Events): this {
    if (event === undefined) this.listeners.clear();
    else this.listeners.delete(event);
    return this;
  }

  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener of `event` with `args`; true when there was at least one. */
  emit<E extends keyof Events>(event: E, ...args: Events[E]): boolean {
    const list = this.listeners.get(event);
    if (!list) return false;
    // A copy: listeners that remove themselves (once) or add others do not change this round.
    for (const listener of [...list]) (listener as Listener<Events[E]>)(...args);
    return true;
  }
}
