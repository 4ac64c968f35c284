import { describe, expect, it } from 'vitest';
import { WEB_CHAT_PASSWORD, webChatCluster } from '../support/web-chat-cluster.js';

/**
 * The web chat in headless Chromium against a real cluster: a page survives the crash of its push
 * server, peer text is never read as HTML, and a reload resumes the session.
 */
describe('web chat in a real browser: crashes, hostile text, reloads', { timeout: 60_000 }, () => {
  const chats = webChatCluster('web-chat-resilience');

  it('shows a message with <script> and HTML in it as plain text, which runs nothing', async () => {
    const [aliceName, bobName] = [chats.fresh('alice'), chats.fresh('bob')];
    const alice = await chats.page(aliceName);
    const bob = await chats.page(bobName);
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

  it('a page whose push server is SIGKILLed shows reconnecting, comes back on the other one, gets every message sent meanwhile once and stores what it sent meanwhile once', async () => {
    const aliceName = chats.fresh('alice');
    const alice = await chats.page(aliceName);
    const erin = await chats.account(chats.fresh('erin'));
    const aliceId = (await erin.api.userByName(aliceName)).userId;
    const { conversationId } = await erin.api.send({ userId: aliceId }, 'before the crash', 'erin-0');
    await alice.waitForLine('before the crash');

    const crashed = await chats.serverOf(alice);
    await alice.recordLinkHistory();
    await crashed.stop('SIGKILL');
    // Alice writes at once: the page keeps the line as sending and gets it stored once it can.
    await alice.type(`@${erin.login.userName} while my server is down`);
    const meanwhile = Array.from({ length: 5 }, (_, i) => `while away ${i + 1}`);
    for (const [i, body] of meanwhile.entries()) await erin.api.send({ userId: aliceId }, body, `erin-${i + 1}`);

    await alice.waitForLink('online');
    expect(await alice.linkHistory()).toContain('reconnecting');
    expect((await chats.serverOf(alice)).id).not.toBe(crashed.id);
    for (const body of meanwhile) await alice.waitForLine(body, { from: erin.login.userName });
    await alice.waitForLine('while my server is down', { own: true, status: 'stored' });

    const bodies = (await alice.lines()).map((line) => line.body);
    for (const body of ['before the crash', ...meanwhile, 'while my server is down'])
      expect(bodies.filter((b) => b === body)).toHaveLength(1);
    const stored = (await erin.api.history(conversationId)).messages.map((m) => m.body);
    expect(stored.filter((b) => b === 'while my server is down')).toHaveLength(1);

    await crashed.start();
    await chats.cluster.settled();
  });

  it('a reload resumes the session without the password; logging out forgets it; a wrong password is refused', async () => {
    const aliceName = chats.fresh('alice');
    const alice = await chats.page(aliceName);

    await alice.page.reload({ waitUntil: 'load' });
    await alice.waitForLink('online');
    expect(await alice.page.$eval('#login-view', (view) => (view as HTMLElement).hidden)).toBe(true);
    const saved = await alice.savedSession();
    expect(saved).toMatchObject({ userName: aliceName, token: expect.any(String) });
    expect(JSON.stringify(saved)).not.toContain(WEB_CHAT_PASSWORD);

    await alice.page.click('#logout');
    await alice.page.waitForSelector('#user-name', { visible: true });
    expect(await alice.savedSession()).toBeNull();
    await alice.page.reload({ waitUntil: 'load' });
    await alice.page.waitForSelector('#user-name', { visible: true });
    expect(await alice.link()).toBe('offline');

    // A wrong password keeps the form up, says why, and saves nothing.
    await alice.submitLogin(aliceName, 'wrong-password');
    await alice.page.waitForFunction(() =>
      document.getElementById('login-error')?.textContent?.includes('wrong password'),
    );
    expect(await alice.page.$eval('#chat-view', (view) => (view as HTMLElement).hidden)).toBe(true);
    expect(await alice.savedSession()).toBeNull();
  });
});
