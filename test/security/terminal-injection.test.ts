import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '@cim/cli';
import { RouteApi } from '@cim/client';
import type { ChatMessage } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { createStore, type RouteStore } from '@cim/route';
import { ChatPane, hasTmux } from '../e2e/chat-pane.js';
import { requireBuiltCli } from '../e2e/cim-cli.js';
import { isolatedBackends, uniquePrefix } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { saveMessage } from '@cim/route';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** What another user would make a victim's terminal do, one attack per message. */
const ATTACKS = {
  title: `${ESC}]0;PWNED-TITLE${BEL}`,
  hyperlink: `${ESC}]8;;https://evil.example/${ST}click-me${ESC}]8;;${ST}`,
  clipboard: `${ESC}]52;c;ZXZpbA==${BEL}`,
  clearScreen: `${ESC}[2J${ESC}[H${ESC}[31mred`,
};
/** The same, as the terminal must show them: inert text. */
const SHOWN = {
  title: '\\u{1b}]0;PWNED-TITLE\\u{7}',
  hyperlink: '\\u{1b}]8;;https://evil.example/\\u{1b}\\click-me\\u{1b}]8;;\\u{1b}\\',
  clipboard: '\\u{1b}]52;c;ZXZpbA==\\u{7}',
  clearScreen: '\\u{1b}[2J\\u{1b}[H\\u{1b}[31mred',
};
const GROUP_NAME = `ops${ESC}]2;GROUP-TITLE${BEL}`;
const GROUP_NAME_SHOWN = 'ops\\u{1b}]2;GROUP-TITLE\\u{7}';
const PASSWORD = 'password-1';

describe('text from other users cannot drive the terminal', { timeout: 60_000 }, () => {
  let cluster: LocalCluster;
  /** Writes straight into the route's Redis, as data stored before the route refused control characters. */
  let backdoor: RouteStore;
  let configDir: string;
  let env: Record<string, string>;
  let alice: { userId: string };
  let mallory: { userId: string; api: RouteApi; token: string };
  const panes: ChatPane[] = [];

  async function plant(
    to: ChatMessage['to'],
    conversationId: string,
    recipients: string[],
    body: string,
  ): Promise<void> {
    await saveMessage(
      backdoor.messages,
      { conversationId, fromUserId: mallory.userId, fromUserName: 'mallory', to, body, clientMsgId: `planted-${body}` },
      recipients,
    );
  }

  beforeAll(async () => {
    const backends = isolatedBackends(uniquePrefix('terminal-injection'));
    cluster = await startLocalCluster({ servers: 1, routePort: 0, tcpPort: 0, logger: silentLogger, ...backends });
    backdoor = createStore({ redisUrl: backends.redisUrl, prefix: backends.redisPrefix });

    const api = new RouteApi(cluster.routeUrl);
    alice = await api.register('alice', PASSWORD);
    const malloryApi = new RouteApi(cluster.routeUrl);
    const malloryId = (await malloryApi.register('mallory', PASSWORD)).userId;
    malloryApi.token = (await malloryApi.login('mallory', PASSWORD, 'http')).token;
    mallory = { userId: malloryId, api: malloryApi, token: malloryApi.token };

    const [low, high] = [alice.userId, mallory.userId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    for (const attack of Object.values(ATTACKS)) {
      await plant({ userId: alice.userId }, `p:${low}:${high}`, [alice.userId, mallory.userId], attack);
    }
    const group = await backdoor.groups.create(mallory.userId, GROUP_NAME, [mallory.userId, alice.userId]);
    await plant({ groupId: group.groupId }, `g:${group.groupId}`, group.memberIds, 'standup');

    configDir = mkdtempSync(join(tmpdir(), 'cim-injection-'));
    // CI=false: with CI set, Ink draws only the final frame.
    env = { CI: 'false', CIM_ROUTE: cluster.routeUrl, CIM_PASSWORD: PASSWORD, CIM_CONFIG_DIR: configDir };
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    await backdoor?.close();
    await cluster?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  describe.skipIf(!hasTmux)('in a real terminal (tmux)', () => {
    beforeAll(() => requireBuiltCli());

    const open = (name: string, args: string[]) => {
      const pane = ChatPane.run(`cim-injection-${process.pid}-${name}`, args, env);
      panes.push(pane);
      return pane;
    };

    it('cim chat shows escape sequences in bodies and group names as text, and the pane title stays', async () => {
      const chat = open('chat', ['chat', 'alice']);
      await chat.waitFor('connected as alice', 20_000);
      for (const shown of Object.values(SHOWN)) await chat.waitFor(shown);
      await chat.waitFor(`mallory → #${GROUP_NAME_SHOWN}: standup`);
      expect(chat.statusBar()).toContain(`#${GROUP_NAME_SHOWN} 1`);
      expect(chat.title()).not.toMatch(/PWNED|GROUP-TITLE/);
    });

    it('cim tail (human mode) prints each message on one line as text, and the pane title stays', async () => {
      const tail = open('tail', ['tail', '--as', 'alice']);
      for (const shown of Object.values(SHOWN)) await tail.waitFor(`[private] mallory: ${shown}`, 20_000);
      await tail.waitFor('[group] mallory: standup');
      expect(tail.title()).not.toMatch(/PWNED|GROUP-TITLE/);
    });
  });

  describe('the route refuses control characters with CIM_ERR_INVALID_INPUT', () => {
    it.each([
      ['an escape sequence', ATTACKS.title],
      ['a carriage return', 'pay me\rpay you'],
      ['a NUL', 'a\u0000b'],
      ['an 8-bit CSI', '\u009b2J'],
    ])('in a message body sent over HTTP: %s', async (_what, body) => {
      await expect(mallory.api.send({ userId: alice.userId }, body, `refused-${body}`)).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });

    it('but accepts line feeds, tabs and emoji in a body', async () => {
      await expect(
        mallory.api.send({ userId: alice.userId }, 'line one\n\tline two 👋🏽', 'accepted-1'),
      ).resolves.toMatchObject({ msgId: expect.any(String) });
    });

    it('in a message body sent over TCP', async () => {
      const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      try {
        raw.send({ requestId: 1, login: { token: (await mallory.api.login('mallory', PASSWORD, 'raw')).token } });
        await raw.next('loginOk');
        raw.send({
          requestId: 2,
          send: { clientMsgId: 'tcp-1', to: { userId: alice.userId }, body: ATTACKS.clipboard },
        });
        expect((await raw.next('sendResult')).sendResult.error?.code).toBe('CIM_ERR_INVALID_INPUT');
      } finally {
        raw.close();
      }
    });

    it('in a clientMsgId, which travels to the recipient with the message (HTTP and TCP)', async () => {
      await expect(mallory.api.send({ userId: alice.userId }, 'innocent', `id${ATTACKS.title}`)).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
      const raw = await RawClient.connect(cluster.servers[0].tcpAddress.port);
      try {
        raw.send({ requestId: 1, login: { token: (await mallory.api.login('mallory', PASSWORD, 'raw-id')).token } });
        await raw.next('loginOk');
        raw.send({
          requestId: 2,
          send: { clientMsgId: `tcp${ATTACKS.title}`, to: { userId: alice.userId }, body: 'innocent' },
        });
        expect((await raw.next('sendResult')).sendResult.error?.code).toBe('CIM_ERR_INVALID_INPUT');
      } finally {
        raw.close();
      }
    });

    it('in a group name', async () => {
      await expect(mallory.api.createGroup(GROUP_NAME, [alice.userId])).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
      await expect(mallory.api.createGroup('admins\u202Egnp', [])).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });

    it('in a user name', async () => {
      await expect(new RouteApi(cluster.routeUrl).register(`eve${ATTACKS.title}`, PASSWORD)).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });
  });
});
