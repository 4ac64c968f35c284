import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { RouteApi, type LoginInfo } from '@cim/client';
import { BrowserPages } from '../../devkit/browser.js';
import { startCluster, type CimCluster, type ServerProcess } from '../../devkit/cluster.js';
import { generousLimitEnv } from '../../devkit/generous-limits.js';
import { backends, RedisServer, uniquePrefix } from '../harness/index.js';
import { WebChatPage } from './web-chat-page.js';

const WEB_CHAT_BUILT = fileURLToPath(new URL('../../cim-cli/dist/web-chat/app.js', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
export const WEB_CHAT_PASSWORD = 'password-1';

/** What the tests of one file share: a cluster serving the web chat and one headless browser. */
export interface WebChatCluster {
  readonly cluster: CimCluster;
  readonly browser: BrowserPages;
  /** Run when the current test ends (processes and sockets a test started). */
  onTestEnd(cleanup: () => void): void;
  /** A fresh user name, so tests do not meet each other's users. */
  fresh(base: string): string;
  /** A page of the web chat in its own browser context, logged in (registering) as `userName`. */
  page(userName: string): Promise<WebChatPage>;
  /** An account made and logged in over HTTP. */
  account(userName: string, deviceId?: string): Promise<{ api: RouteApi; userId: string; login: LoginInfo }>;
  /** The push server a page is connected to, from the WebSocket address its status line shows. */
  serverOf(chat: WebChatPage): Promise<ServerProcess>;
}

/**
 * Registers the hooks of a browser test file: a real cluster (`cim route` and two `cim server`
 * processes with WebSocket on, Redis, ZooKeeper) serving the built web chat, and headless Chromium.
 * A failed test leaves a screenshot and the console log of each of its pages in test-artifacts/;
 * an exception thrown in a page fails the test that caused it.
 */
export function webChatCluster(name: string): WebChatCluster {
  const prefix = uniquePrefix(name);
  let redis: RedisServer | undefined;
  let cluster: CimCluster | undefined;
  let browser: BrowserPages | undefined;
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
      // A SIGKILLed push server leaves the route's list soon.
      zkSessionTimeoutMs: 4_000,
      logLevel: 'warn',
      env: generousLimitEnv,
    });
    browser = await BrowserPages.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    await redis?.stop();
  });

  beforeEach(({ onTestFinished }) => {
    onTestFinished(async ({ task }) => {
      const pageErrors = browser!.pageErrors();
      if (task.result?.state === 'fail' || pageErrors.length > 0) {
        const saved = await browser!.saveArtifacts(ARTIFACTS, task.name);
        console.error(`screenshots and page logs of "${task.name}":\n  ${saved.join('\n  ')}`);
      }
      for (const cleanup of cleanups.splice(0)) cleanup();
      await browser!.closePages();
      expect(pageErrors, 'exceptions in the pages').toEqual([]);
    });
  });

  return {
    get cluster() {
      return cluster!;
    },
    get browser() {
      return browser!;
    },
    onTestEnd: (cleanup) => cleanups.push(cleanup),
    fresh: (base) => `${base}${++n}`,
    async page(userName) {
      const chat = new WebChatPage(await browser!.open(userName, `${cluster!.routeUrl}/chat/`));
      await chat.logIn(userName, WEB_CHAT_PASSWORD);
      return chat;
    },
    async account(userName, deviceId = 'http') {
      const api = new RouteApi(cluster!.routeUrl);
      const { userId } = await api.register(userName, WEB_CHAT_PASSWORD);
      const login = await api.login(userName, WEB_CHAT_PASSWORD, deviceId);
      api.token = login.token;
      return { api, userId, login };
    },
    async serverOf(chat) {
      const status = await chat.statusText();
      const server = cluster!.servers.find((s) => status.includes(`:${s.wsPort}/`));
      if (!server) throw new Error(`no push server in "${status}"`);
      return server;
    },
  };
}
