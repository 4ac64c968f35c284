import { execFileSync, spawnSync } from 'node:child_process';
import { waitFor } from '../../devkit/wait-for.js';
import { CIM_BIN, REPO_ROOT } from './cim-cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * One `cim chat` (or another `cim` command) in its own detached tmux session (120×40): typed into
 * with send-keys, read with capture-pane. Waits poll the screen with generous timeouts, since
 * these tests share a small, busy machine.
 */
export class ChatPane {
  private constructor(readonly session: string) {}

  /** `env` should hold CI=false: with CI set, Ink draws only the final frame. */
  static start(session: string, user: string, env: Record<string, string>): ChatPane {
    return ChatPane.run(session, ['chat', user], env);
  }

  /** Runs `cim …args` in a new pane. */
  static run(session: string, args: string[], env: Record<string, string>): ChatPane {
    const vars = Object.entries(env).map(([name, value]) => `${name}=${quote(value)}`);
    // The pane outlives cim so the test can read how it ended.
    const command = `env -u CI ${vars.join(' ')} ${quote(process.execPath)} ${quote(CIM_BIN)} ${args.map(quote).join(' ')}; echo "[cim exited $?]"; sleep 600`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', REPO_ROOT, command]);
    return new ChatPane(session);
  }

  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, '-l', text]);
    execFileSync('tmux', ['send-keys', '-t', this.session, 'Enter']);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
  }

  /** The pane's title, which a program may set with an OSC 0 or OSC 2 escape sequence. */
  title(): string {
    return execFileSync('tmux', ['display-message', '-p', '-t', this.session, '#{pane_title}'], {
      encoding: 'utf8',
    }).trimEnd();
  }

  /** How many times `text` is on screen now. */
  count(text: string): number {
    return this.screen().split(text).length - 1;
  }

  /** The screen's status bar: the row just above the input line. */
  statusBar(): string {
    const rows = this.screen().trimEnd().split('\n');
    return rows.at(-2) ?? '';
  }

  /** Resolves with the screen once it shows `expected`; fails with the screen as it last was. */
  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    let last = '';
    try {
      await waitFor(
        () => {
          last = this.screen();
          return typeof expected === 'string' ? last.includes(expected) : expected.test(last);
        },
        { timeoutMs, intervalMs: 100, message: `${String(expected)} on ${this.session}` },
      );
      return last;
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- screen of ${this.session} ---\n${last}`);
    }
  }

  kill(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}

/** Pauses, so that something that should not happen has had its chance to. */
export function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
