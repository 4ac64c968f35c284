// Takes docs/web-chat.png: a local cluster (as `cim up` runs it), two people in the web chat in
// headless Chromium, a short conversation, and Alice's page. Run after a build:
//
//   npm run build && node --import tsx scripts/web-chat-screenshot.ts
import { fileURLToPath } from 'node:url';
import { startLocalCluster } from '@cim/cli';
import { silentLogger } from '@cim/common/server';
import { WEB_CHAT_PATH, webChatSite } from '../cim-cli/src/web-chat.js';
import { BrowserPages } from '../devkit/browser.js';
import { WebChatPage } from '../test/support/web-chat-page.js';

const OUT = fileURLToPath(new URL('../docs/web-chat.png', import.meta.url));
const PASSWORD = 'password-1';

const cluster = await startLocalCluster({
  servers: 2,
  routePort: 0,
  tcpPort: 0,
  wsPort: 0,
  logger: silentLogger,
  route: { staticSite: webChatSite(true) },
});
const browser = await BrowserPages.launch();
try {
  const url = `${cluster.routeUrl}${WEB_CHAT_PATH}/`;
  const size = { width: 900, height: 540 };
  const alice = new WebChatPage(await browser.open('alice', url, size));
  const bob = new WebChatPage(await browser.open('bob', url, size));
  await alice.logIn('alice', PASSWORD);
  await bob.logIn('bob', PASSWORD);

  await bob.type('morning everyone!');
  await alice.waitForLine('morning everyone!');
  await alice.type('@bob lunch at noon?');
  await bob.waitForLine('lunch at noon?');
  await bob.openConversation('@alice');
  await bob.type('sure, the usual place');
  await alice.waitForLine('sure, the usual place');
  await alice.openConversation('@bob');
  await alice.type('see you there');
  await alice.waitForLine('see you there', { status: 'read' });
  await alice.type(':create lunch bob');
  await alice.waitForTarget('#lunch');
  await alice.type('who else is coming? <b>tags</b> show as typed');
  await bob.waitForLine('who else is coming? <b>tags</b> show as typed');
  await bob.openConversation('#lunch');
  await bob.type('me too!');
  await alice.waitForLine('me too!');
  await alice.waitForLine('who else is coming? <b>tags</b> show as typed', { status: 'read' });
  await alice.page.click('#refresh-online');
  await alice.page.waitForFunction(() => document.querySelectorAll('#online-users li').length === 2);
  await alice.page.click('#message');
  await alice.page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await cluster.stop();
}
