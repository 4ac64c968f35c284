import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatPane, hasTmux } from './chat-pane.js';
import { runCim, startCimWorld, type CimWorld } from './cim-cli.js';

/**
 * `cim chat` keeps its session token beside the cursor (mode 0600) and asks for the password only
 * when the session has ended; `cim logout` ends it.
 */
describe.skipIf(!hasTmux)('cim chat keeps its session (tmux)', { timeout: 90_000 }, () => {
  let world: CimWorld | undefined;
  const panes: ChatPane[] = [];
  /** Without CIM_PASSWORD: a chat that needs the password has to ask for it on screen. */
  const noPassword = () => ({ ...world!.env, CIM_PASSWORD: '' });

  const open = (env: Record<string, string>) => {
    const pane = ChatPane.start(`cim-e2e-session-${process.pid}-${panes.length}`, 'erin', env);
    panes.push(pane);
    return pane;
  };

  const quit = async (pane: ChatPane) => {
    pane.type(':q');
    await pane.waitFor('[cim exited 0]');
  };

  beforeAll(async () => {
    world = await startCimWorld('session');
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    await world?.stop();
  });

  it('chats again without the password after quitting, until cim logout; then asks for it', async () => {
    const first = open(world!.env);
    await first.waitFor('connected as erin', 30_000);
    await quit(first);
    const stored = join(world!.configDir, 'sessions.json');
    expect(statSync(stored).mode & 0o777).toBe(0o600);

    const again = open(noPassword());
    await again.waitFor('connected as erin', 30_000);
    expect(again.screen()).not.toContain('password for erin');
    again.type('@erin a note to myself');
    await again.waitFor('erin → @erin: a note to myself');
    await quit(again);

    const logout = await runCim(['logout', 'erin'], world!.env);
    expect(logout, logout.stderr).toMatchObject({ code: 0 });
    expect(logout.stdout).toContain('logged out erin');

    const afterLogout = open(noPassword());
    await afterLogout.waitFor('password for erin:', 30_000);
    afterLogout.type('password');
    await afterLogout.waitFor('connected as erin', 30_000);
    await quit(afterLogout);
  });
});
