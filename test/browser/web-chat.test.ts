import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CIM_BIN, cleanEnv, REPO_ROOT, runCim } from '../e2e/cim-cli.js';
import { waitFor } from '../harness/index.js';
import { RawClient } from '../support/raw-client.js';
import { WEB_CHAT_PASSWORD as PASSWORD, webChatCluster } from '../support/web-chat-cluster.js';

const TIMEOUT_MS = 15_000;

/**
 * The web chat in headless Chromium against a real cluster: pages chat with each other, with a
 * terminal (`cim tail --json`, `cim send`) and with a device that speaks raw TCP frames.
 */
describe('web chat in a real browser: chatting', { timeout: 60_000 }, () => {
  const chats = webChatCluster('web-chat');

  it('two pages chat privately and in the lobby; the sender sees stored → delivered → read', async () => {
    const [aliceName, bobName] = [chats.fresh('alice'), chats.fresh('bob')];
    const alice = await chats.page(aliceName);
    const bob = await chats.page(bobName);

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
    const [aliceName, bobName, carolName, daveName] = [
      chats.fresh('alice'),
      chats.fresh('bob'),
      chats.fresh('carol'),
      chats.fresh('dave'),
    ];
    const alice = await chats.page(aliceName);
    const bob = await chats.page(bobName);
    await chats.account(carolName);
    const dave = await chats.account(daveName, 'sensor');

    // Carol reads in a terminal, as a script would.
    const env = { CIM_ROUTE: chats.cluster.routeUrl, CIM_PASSWORD: PASSWORD };
    const tail = spawn(process.execPath, [CIM_BIN, 'tail', '--as', carolName, '--json'], {
      cwd: REPO_ROOT,
      env: cleanEnv(env),
    });
    chats.onTestEnd(() => tail.kill('SIGTERM'));
    const tailLines = jsonLines(tail);
    const tailSees = (body: string) =>
      waitFor(() => tailLines.find((line) => line.body === body), {
        timeoutMs: TIMEOUT_MS,
        message: `cim tail to print "${body}" (it printed ${JSON.stringify(tailLines)})`,
      });
    // Dave is a device with a TCP stack and a protobuf library, nothing else.
    const device = await RawClient.loginWith(dave.login);
    chats.onTestEnd(() => device.close());
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
    const team = chats.fresh('team');
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
