import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface ProcessSpec {
  /** Shown in errors, e.g. "redis-server on port 40123". */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** The environment of the process; the test process's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** Called with each line the process writes to stdout or stderr. */
  onLine?: (line: string) => void;
  /**
   * Append stdout and stderr to this file instead of reading them here: a process that logs a lot
   * then costs this one nothing (a benchmark measures this process too). `onLine` gets nothing.
   */
  logFile?: string;
  /** Resolves true once the process serves requests; polled until it does. */
  isReady: () => Promise<boolean>;
  startTimeoutMs?: number;
}

const OUTPUT_TAIL_BYTES = 4096;
const STOP_GRACE_MS = 10_000;

/** Children still running; killed if the test process exits without tearing them down. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * A server process started for tests: spawned, polled until ready, stopped with a signal. Keeps the
 * tail of its output so a failed start says why.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output = '';

  constructor(private readonly spec: ProcessSpec) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The pid of the running process, -1 when it is not running. */
  get pid(): number {
    return this.child?.pid ?? -1;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.spec.name} is already running`);
    this.output = '';
    const logFd = this.spec.logFile ? openSync(this.spec.logFile, 'a') : undefined;
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: this.spec.env,
      stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
    });
    if (logFd !== undefined) closeSync(logFd);
    this.child = child;
    live.add(child);
    const keepTail = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
    };
    child.stdout?.on('data', keepTail);
    child.stderr?.on('data', keepTail);
    const onLine = this.spec.onLine;
    if (onLine) {
      for (const stream of [child.stdout, child.stderr]) stream?.on('data', lineSplitter(onLine));
    }

    let failure: Error | undefined;
    this.exited = new Promise((resolve) => {
      // A spawn failure (ENOENT) emits 'error' and may never emit 'close'.
      const settle = (err: Error) => {
        live.delete(child);
        if (this.child === child) this.child = undefined;
        failure ??= err;
        resolve();
      };
      child.once('error', settle);
      child.once('close', (code, signal) => settle(new Error(`exited (code ${code}, signal ${signal})`)));
    });

    const deadline = Date.now() + (this.spec.startTimeoutMs ?? 20_000);
    while (!(await this.spec.isReady().catch(() => false))) {
      if (failure) throw this.startError(failure.message);
      if (Date.now() > deadline) {
        await this.stop('SIGKILL');
        throw this.startError('did not become ready in time');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Whoever answered, it was not this process if it has died (e.g. the port was taken meanwhile).
    if (failure) throw this.startError(failure.message);
  }

  /**
   * Sends `signal` and returns at once: SIGSTOP makes the process stop answering while its sockets
   * stay open (the kernel even accepts new connections), SIGCONT lets it go on.
   */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** Sends `signal` and waits for the exit; escalates to SIGKILL if it does not come within `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = STOP_GRACE_MS): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    const escalate = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(escalate);
  }

  private startError(reason: string): Error {
    if (this.spec.logFile) return new Error(`${this.spec.name} failed to start: ${reason}; see ${this.spec.logFile}`);
    const tail = this.output.trim();
    return new Error(`${this.spec.name} failed to start: ${reason}${tail ? `\n--- output ---\n${tail}` : ''}`);
  }
}

/** Turns chunks of output into whole lines; a line cut across chunks is held until its end comes. */
function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  return (chunk) => {
    const lines = (partial + decoder.write(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}
