import { rm } from 'node:fs/promises';
import type { ManagedProcess } from './managed-process.js';

/**
 * A server process the tests own, with a port and a temporary directory: it can crash or stop
 * (`kill`), come back on the same port and directory (`resume`, `restart`), and be removed for good
 * (`stop`, which also deletes the directory).
 */
export abstract class BackendProcess {
  protected constructor(
    readonly port: number,
    readonly dir: string,
    private readonly proc: ManagedProcess,
  ) {}

  get running(): boolean {
    return this.proc.running;
  }

  /** The pid of the server process, -1 when it is not running. */
  get pid(): number {
    return this.proc.pid;
  }

  /**
   * Stops the process (SIGTERM: clean shutdown; SIGKILL: a crash) and starts it again on the same
   * port and directory, so whatever it persisted comes back.
   */
  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.kill(signal);
    await this.resume();
  }

  /** Stops the process but keeps its directory; `resume()` brings it back. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.proc.stop(signal);
  }

  /** Starts a stopped server again on the same port and directory. */
  async resume(): Promise<void> {
    await this.proc.start();
  }

  /** SIGSTOP: the server stops answering, its connections stay open (commands hang, not fail). */
  freeze(): void {
    this.proc.signal('SIGSTOP');
  }

  /** SIGCONT after `freeze()`. */
  thaw(): void {
    this.proc.signal('SIGCONT');
  }

  /** Stops the server and deletes its directory. */
  async stop(): Promise<void> {
    await this.proc.stop('SIGTERM');
    await rm(this.dir, { recursive: true, force: true });
  }
}
