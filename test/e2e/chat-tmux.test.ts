import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@cim/common';
import { startLocalCluster, type LocalCluster } from '@cim/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/wait-for.js';
import { CIM_BIN, REPO_ROOT, requireBuiltCli } from './cim-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** One `cim chat` in its own detached tmux session: typed into with send-keys, read with capture-pane. */
class ChatPane {
  constructor(readonly session: string) {}

  static start(session: string, user: string, env: Record<string, string>): ChatPane {
    const vars = Object.entries(env).map(([name, value]) => `${name}=${quote(value)}`);
    // The pane outlives cim so the test can read how it ended.
    const command = `env -u CI ${vars.join(' ')} ${quote(process.execPath)} ${quote(CIM_BIN)} chat ${user}; echo "[cim exited $?]"; sleep 600`;
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

  count(text: string): number {
    return this.screen().split(text).length - 1;
  }

  async waitFor(expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
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

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

describe.skipIf(!hasTmux)('cim chat in a terminal (tmux)', { timeout: 60_000 }, () => {
  let cluster: LocalCluster;
  let configDir: string;
  let env: Record<string, string>;
  const panes: ChatPane[] = [];
  const open = (user: string, extraEnv: Record<string, string> = {}) => {
    const pane = ChatPane.start(`cim-e2e-${process.pid}-${panes.length}-${user}`, user, { ...env, ...extraEnv });
    panes.push(pane);
    return pane;
  };

  beforeAll(async () => {
    requireBuiltCli();
    cluster = await startLocalCluster({ servers: 2, routePort: 0, tcpPort: 0, logger: createLogger('cim', { level: 'silent' }) });
    configDir = mkdtempSync(join(tmpdir(), 'cim-chat-'));
    // CI=false: with CI set, Ink draws only the final frame.
    env = { CI: 'false', CIM_ROUTE: cluster.routeUrl, CIM_PASSWORD: 'pw', CIM_CONFIG_DIR: configDir };
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    await cluster?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it('two newcomers chat privately and in the lobby, list who is online, and quit cleanly', async () => {
    const alice = open('alice');
    const bob = open('bob');
    // Both names are new: chat creates the accounts, then connects.
    await alice.waitFor('connected as alice', 20_000);
    await bob.waitFor('connected as bob', 20_000);
    expect(alice.screen()).toContain('welcome, alice');
    expect(alice.screen()).toContain('● online');
    expect(alice.screen()).toContain('to lobby (broadcast)');

    alice.type('@bob hi bob');
    await bob.waitFor('alice → @bob: hi bob');
    // Bob's client acknowledges it, and the route tells alice.
    await alice.waitFor(/alice → @bob: hi bob +✓✓ delivered/);
    // The server echoes alice's own message back to her; it must not show twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alice.count('hi bob')).toBe(1);
    expect(bob.count('hi bob')).toBe(1);
    expect(bob.screen()).toContain('unread @alice 1');

    // Opening the chat with alice puts her message in front of bob: it is read.
    bob.type(':to alice');
    await bob.waitFor('to @alice');
    await alice.waitFor(/alice → @bob: hi bob +✓✓ read/);
    expect(bob.screen()).not.toContain('unread');
    bob.type(':lobby');
    await bob.waitFor('to lobby (broadcast)');

    bob.type('hello from bob');
    await alice.waitFor('bob: hello from bob');
    await bob.waitFor(/bob: hello from bob +✓ sent/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alice.count('hello from bob')).toBe(1);
    expect(bob.count('hello from bob')).toBe(1);

    alice.type(':olu');
    await alice.waitFor(/online \(2\): (alice, bob|bob, alice)/);

    alice.type(':nope');
    await alice.waitFor('unknown command :nope — :all lists commands');

    alice.type(':q');
    bob.type(':q!');
    for (const pane of [alice, bob]) {
      const screen = await pane.waitFor('[cim exited 0]');
      expect(screen).not.toMatch(/Error|\n\s+at /);
    }
  });

  it('says "wrong password" for an existing name and exits 1', async () => {
    const intruder = open('alice', { CIM_PASSWORD: 'not-the-password' });
    const screen = await intruder.waitFor('[cim exited 1]', 20_000);
    expect(screen).toContain('wrong password for alice');
  });
});
