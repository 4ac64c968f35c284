import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatPane, hasTmux, settle } from './chat-pane.js';
import { type CimWorld, startCimWorld } from './cim-cli.js';

describe.skipIf(!hasTmux)('cim chat in a terminal (tmux)', { timeout: 60_000 }, () => {
  let world: CimWorld | undefined;
  let env: Record<string, string>;
  const panes: ChatPane[] = [];
  const open = (user: string, extraEnv: Record<string, string> = {}) => {
    const pane = ChatPane.start(`cim-e2e-${process.pid}-${panes.length}-${user}`, user, { ...env, ...extraEnv });
    panes.push(pane);
    return pane;
  };

  beforeAll(async () => {
    world = await startCimWorld('chat');
    env = world.env;
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    await world?.stop();
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
    await settle();
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
    await settle();
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
    // From another device: on alice's own, her kept session would resume without a password.
    const intruder = open('alice', { CIM_PASSWORD: 'not-the-password', CIM_DEVICE: 'elsewhere' });
    const screen = await intruder.waitFor('[cim exited 1]', 20_000);
    expect(screen).toContain('wrong password for alice');
  });
});
