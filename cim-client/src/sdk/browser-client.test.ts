import { ErrorCodes } from '@cim/common/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  closeStandIns,
  loginAnswer,
  onClose,
  standInPushServer,
  standInRoute,
} from '../../../test/support/sdk-stand-ins.js';
import { CimClient, type ConnectionState } from '../browser.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * The browser entry's client (fetch to the route, WebSocket to the push server), run on Node with
 * the `ws` package's WebSocket against stand-ins, and a stand-in page that fires `online`/`offline`.
 */

type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
const host = globalThis as Partial<PageEvents>;
let page: EventTarget;

beforeEach(() => {
  page = new EventTarget();
  host.addEventListener = page.addEventListener.bind(page);
  host.removeEventListener = page.removeEventListener.bind(page);
});

afterEach(async () => {
  await closeStandIns();
  delete host.addEventListener;
  delete host.removeEventListener;
});

function nextState(client: CimClient, wanted: ConnectionState): Promise<void> {
  return new Promise((resolve) => {
    const onState = (state: ConnectionState) => {
      if (state !== wanted) return;
      client.off('state', onState);
      resolve();
    };
    client.on('state', onState);
  });
}

async function onlineClient(options: { reconnectMinMs: number }) {
  const push = await standInPushServer();
  const route = await standInRoute(() => ({ status: 200, body: loginAnswer('token-1', push.wsUrl) }));
  const client = new CimClient({
    routeUrl: route.url,
    userName: 'alice',
    password: 'password-1',
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    reconnectMaxMs: options.reconnectMinMs,
    ...options,
  });
  onClose(() => client.close());
  await client.connect();
  return { client, push, route };
}

describe('the browser client', () => {
  it('connects over WebSocket by default, asking the route for a WebSocket server', async () => {
    const { client, push, route } = await onlineClient({ reconnectMinMs: 100 });
    expect(client.state).toBe('online');
    expect(push.tokens).toEqual(['token-1']);
    expect(route.requests.find((r) => r.path === '/api/v1/sessions')?.body).toMatchObject({ transport: 'ws' });
  });

  it('drops its connection when the page goes offline, and reconnects as soon as it is back online (not after the backoff)', async () => {
    // A backoff far longer than the test: only the `online` event can bring the client back in time.
    const { client, push } = await onlineClient({ reconnectMinMs: 600_000 });

    page.dispatchEvent(new Event('offline'));
    expect(client.state).toBe('reconnecting');

    const back = nextState(client, 'online');
    page.dispatchEvent(new Event('online'));
    await back;
    expect(push.tokens).toEqual(['token-1', 'token-1']);
    expect(client.info().reconnects).toBe(1);
  });

  it('refuses the TCP transport with a coded error: a page cannot open TCP sockets', async () => {
    const push = await standInPushServer();
    const route = await standInRoute(() => ({ status: 200, body: loginAnswer('token-1', push.wsUrl) }));
    const client = new CimClient({ routeUrl: route.url, userName: 'alice', password: 'password-1', transport: 'tcp' });
    onClose(() => client.close());
    await expect(client.connect()).rejects.toMatchObject({ code: ErrorCodes.UNSUPPORTED });
  });
});
