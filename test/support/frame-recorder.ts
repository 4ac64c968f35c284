import { frameKind, type Frame, type FrameKind } from '@cim/common';

type Deliver = Extract<Frame, { deliver: unknown }>['deliver'];

/**
 * What a test device received, whatever carried it: every frame in arrival order, and whether the
 * server closed the connection. Waits resolve as soon as what they wait for is there.
 */
export abstract class FrameRecorder {
  readonly frames: Frame[] = [];
  closed = false;
  private readonly waiters = new Set<() => void>();

  protected received(frame: Frame): void {
    this.frames.push(frame);
    this.notify();
  }

  protected ended(): void {
    this.closed = true;
    this.notify();
  }

  /** The Deliver frames received so far, in arrival order. */
  delivers(): Deliver[] {
    return this.frames.flatMap((f) => ('deliver' in f ? [f.deliver] : []));
  }

  /** Resolves with the first frame of `kind` (already received or still to come). */
  async next<K extends FrameKind>(kind: K, timeoutMs = 5_000): Promise<Extract<Frame, Record<K, unknown>>> {
    const found = await this.until(() => this.frames.find((f) => frameKind(f) === kind), timeoutMs, `a ${kind} frame`);
    return found as Extract<Frame, Record<K, unknown>>;
  }

  /** Resolves once the server has closed the connection. */
  async closedByServer(timeoutMs = 5_000): Promise<void> {
    await this.until(() => (this.closed ? true : undefined), timeoutMs, 'the connection to close');
  }

  protected until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
