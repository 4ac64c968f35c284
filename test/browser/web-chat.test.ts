import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RouteApi } from '@cim/client';
import { BrowserPages } from '../../devkit/browser.js';
import { startCluster, type CimCluster, type ServerProcess } from '../../devkit/cluster.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';
import { CIM_BIN, cleanEnv, REPO_ROOT, runCim } from '../e2e/cim-cli.js';
import { backends, RedisServer, uniquePrefix, waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { WebChatPage } from '../support/web-chat-page.js';

const WEB_CHAT_BUILT = fileURLToPath(new URL('../../cim-cli/dist/web-chat/app.js', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
const PASSWORD = 'password-1';
const TIMEOUT_MS = 15_000;

/**
 * The web chat in headless Chromium against a real cluster (`cim route` and two `cim server`
 * processes with WebSocket on, Redis, ZooKeeper): pages chat with each other, with a terminal
 * (`cim tail --json`, `cim send`) and with a device that speaks raw TCP frames; a page survives
 * the crash of its push server; peer text is never read as HTML.
 */
describe('web chat in a real browser', { timeout: 60_000 }, () => {
  const prefix = uniquePrefix('web-chat');
  let redis: RedisServer;
  let cluster: CimCluster;
  let browser: BrowserPages;
  let chatUrl: string;
  const cleanups: Array<() => void> = [];
  let n = 0;

  beforeAll(async () => {
    if (!existsSync(WEB_CHAT_BUILT)) throw new Error('the web chat is not built: run "npm run build" (npm test does)');
    redis = await RedisServer.start();
    cluster = await startCluster({
      redisUrl: redis.url,
      zkConnect: `${backends().zkConnect}${prefix}`,
      routes: 1,
      servers: 2,
      webSocket: true,
      zkSessionTimeoutMs: 4_000,
      logLevel: 'warn',
      env: generousLimitEnv,
    });
    chatUrl = `${cluster.routeUrl}/chat/`;
    browser = await BrowserPages.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    await redis?.stop();
  });

  // A failed test leaves a screenshot and the console log of each of its pages behind. An
  // exception thrown in a page fails the test that caused it.
  beforeEach(({ onTestFinished }) => {
    onTestFinished(async ({ task }) => {
      const pageErrors = browser.pageErrors();
      if (task.result?.state === 'fail' || pageErrors.length > 0) {
        const saved = await browser.saveArtifacts(ARTIFACTS, task.name);
        console.error(`screenshots and page logs of "${task.name}":\n  ${saved.join('\n  ')}`);
      }
      for (const cleanup of cleanups.splice(0)) cleanup();
      await browser.closePages();
      expect(pageErrors, 'exceptions in the pages').toEqual([]);
    });
  });

  /** A fresh user name, so the tests do not meet each other's users. */
  const fresh = (base: string) => `${base}${++n}`;

  /** A page of the web chat, logged in (registering) as `userName`. */
  async function page(userName: string): Promise<WebChatPage> {
    const chat = new WebChatPage(await browser.open(userName, chatUrl));
    await chat.logIn(userName, PASSWORD);
    return chat;
  }

  /** An account made and logged in over HTTP. */
  async function account(userName: string, deviceId = 'http') {
    const api = new RouteApi(cluster.routeUrl);
    const { userId } = await api.register(userName, PASSWORD);
    const login = await api.login(userName, PASSWORD, deviceId);
    api.token = login.token;
    return { api, userId, login };
  }

  /** The push server a page is connected to, from the address its status line shows. */
  async function serverOf(chat: WebChatPage): Promise<ServerProcess> {
    const status = await chat.statusText();
    const server = cluster.servers.find((s) => status.includes(`:${s.wsPort}/`));
    if (!server) throw new Error(`no push server in "${status}"`);
    return server;
  }

  it('two pages chat privately and in the lobby; the sender sees stored → delivered → read', async () => {
    const [aliceName, bobName] = [fresh('alice'), fresh('bob')];
    const alice = await page(aliceName);
    const bob = await page(bobName);

    await alice.type(`@${bobName} hello ${bobName}`);
    const sent = await alice.waitForLine(`hello ${bobName}`, { own: true, status: 'delivered' });
    expect(sent.to).toBe(`@${bobName}`);
    const got = await bob.waitForLine(`hello ${bobName}`, { from: aliceName, own: false });
    expect(got.msgId).toBe(sent.msgId);

    // Bob is still in the lobby: the message stays unread until he opens the conversation.
    expect(await bob.unread(`@${aliceName}`)).toBe(1);
    expect((await alice.lines()).find((line) => line.msgId === sent.msgId)?.status).toBe('delivered');
    await bob.openConversation(`@${aliceName}`);
    await alice.waitForLine(`hello ${bobName}`, { status: 'read' });
    expect(await bob.unread(`@${aliceName}`)).toBe(0);

    // In the conversation a plain line goes to Alice.
    await bob.type('hi back');
    await alice.waitForLine('hi back', { from: bobName, channel: `@${bobName}` });

    // The lobby is a broadcast to everyone online.
    await alice.openConversation('lobby');
    await alice.type('hello lobby');
    await bob.waitForLine('hello lobby', { from: aliceName, channel: 'lobby' });
    await alice.waitForLine('hello lobby', { own: true, status: 'sent' });
  });

  it('pages, a cim tail terminal and a raw TCP device chat privately and in a group', async () => {
    const [aliceName, bobName, carolName, daveName] = [fresh('alice'), fresh('bob'), fresh('carol'), fresh('dave')];
    const alice = await page(aliceName);
    const bob = await page(bobName);
    await account(carolName);
    const dave = await account(daveName, 'sensor');

    // Carol reads in a terminal, as a script would.
    const env = { CIM_ROUTE: cluster.routeUrl, CIM_PASSWORD: PASSWORD };
    const tail = spawn(process.execPath, [CIM_BIN, 'tail', '--as', carolName, '--json'], {
      cwd: REPO_ROOT,
      env: cleanEnv(env),
    });
    cleanups.push(() => tail.kill('SIGTERM'));
    const tailLines = jsonLines(tail);
    const tailSees = (body: string) =>
      waitFor(() => tailLines.find((line) => line.body === body), {
        timeoutMs: TIMEOUT_MS,
        message: `cim tail to print "${body}" (it printed ${JSON.stringify(tailLines)})`,
      });
    // Dave is a device with a TCP stack and a protobuf library, nothing else.
    const device = await RawClient.loginWith(dave.login);
    cleanups.push(() => device.close());
    const deviceGets = (body: string) =>
      waitFor(() => device.delivers().find((d) => d.message.body === body), {
        timeoutMs: TIMEOUT_MS,
        message: `the TCP device to get "${body}"`,
      });

    // Private, both ways, with each.
    await alice.type(`@${carolName} hello terminal`);
    await tailSees('hello terminal');
    const fromTerminal = await runCim(['send', '--as', carolName, `@${aliceName}`, 'hello from the terminal'], env);
    expect(fromTerminal, fromTerminal.stderr).toMatchObject({ code: 0 });
    await alice.waitForLine('hello from the terminal', { from: carolName, channel: `@${carolName}` });

    await alice.type(`@${daveName} hello device`);
    await deviceGets('hello device');
    const aliceId = (await dave.api.userByName(aliceName)).userId;
    device.send({
      requestId: 2,
      send: { clientMsgId: 'device-1', to: { userId: aliceId }, body: 'hello from the device' },
    });
    await alice.waitForLine('hello from the device', { from: daveName, channel: `@${daveName}` });

    // A group of all four, made from the page.
    const team = fresh('team');
    await alice.type(`:create ${team} ${bobName} ${carolName} ${daveName}`);
    await alice.waitForTarget(`#${team}`);
    await alice.type('hello team');
    await bob.waitForLine('hello team', { from: aliceName, channel: `#${team}` });
    await tailSees('hello team');
    const teamDeliver = await deviceGets('hello team');
    await alice.waitForLine('hello team', { own: true, status: 'delivered' });

    await bob.openConversation(`#${team}`);
    await bob.type('bob in the team');
    await alice.waitForLine('bob in the team', { from: bobName, channel: `#${team}` });
    await tailSees('bob in the team');

    const to = teamDeliver.message.to;
    device.send({ requestId: 3, send: { clientMsgId: 'device-2', to, body: 'device in the team' } });
    await alice.waitForLine('device in the team', { from: daveName, channel: `#${team}` });
    await bob.waitForLine('device in the team', { from: daveName, channel: `#${team}` });
  });

  it('shows a message with <script> and HTML in it as plain text, which runs nothing', async () => {
    const [aliceName, bobName] = [fresh('alice'), fresh('bob')];
    const alice = await page(aliceName);
    const bob = await page(bobName);
    const hostile =
      '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><b>bold</b><a href="javascript:window.__pwned=3">x</a>';

    await alice.type(`@${bobName} ${hostile}`);
    const shown = await bob.waitForLine(hostile, { from: aliceName });
    expect(shown.body).toBe(hostile);
    await alice.waitForLine(hostile, { own: true });
    for (const chat of [alice, bob]) {
      expect(await chat.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await chat.page.$$('#messages script, #messages img, #messages b, #messages a')).toHaveLength(0);
    }
  });

  it('a page whose push server is SIGKILLed reconnects to the other one and gets every message sent meanwhile, once', async () => {
    const aliceName = fresh('alice');
    const alice = await page(aliceName);
    const erin = await account(fresh('erin'));
    const aliceId = (await erin.api.userByName(aliceName)).userId;
    await erin.api.send({ userId: aliceId }, 'before the crash', 'erin-0');
    await alice.waitForLine('before the crash');

    const crashed = await serverOf(alice);
    await alice.recordLinkHistory();
    await crashed.stop('SIGKILL');
    const meanwhile = Array.from({ length: 5 }, (_, i) => `while away ${i + 1}`);
    for (const [i, body] of meanwhile.entries()) await erin.api.send({ userId: aliceId }, body, `erin-${i + 1}`);

    await alice.waitForLink('online');
    expect(await alice.linkHistory()).toContain('reconnecting');
    expect((await serverOf(alice)).id).not.toBe(crashed.id);
    for (const body of meanwhile) await alice.waitForLine(body, { from: erin.login.userName });
    await alice.type(`@${erin.login.userName} back`);
    await alice.waitForLine('back', { own: true, status: 'stored' });

    const bodies = (await alice.lines()).map((line) => line.body);
    for (const body of ['before the crash', ...meanwhile]) expect(bodies.filter((b) => b === body)).toHaveLength(1);

    await crashed.start();
    await cluster.settled();
  });

  it('a reload resumes the session without the password; logging out forgets it', async () => {
    const aliceName = fresh('alice');
    const alice = await page(aliceName);

    await alice.page.reload({ waitUntil: 'load' });
    await alice.waitForLink('online');
    expect(await alice.page.$eval('#login-view', (view) => (view as HTMLElement).hidden)).toBe(true);
    expect(await alice.savedSession()).toMatchObject({ userName: aliceName });

    await alice.page.click('#logout');
    await alice.page.waitForSelector('#user-name', { visible: true });
    expect(await alice.savedSession()).toBeNull();
    await alice.page.reload({ waitUntil: 'load' });
    await alice.page.waitForSelector('#user-name', { visible: true });
    expect(await alice.link()).toBe('offline');
  });
});

/** Each line a process prints on stdout, parsed as JSON, as it comes. */
function jsonLines(child: ChildProcess): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return lines;
}
