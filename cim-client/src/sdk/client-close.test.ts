import type { ChatMessage } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { waitFor } from '../../../devkit/wait-for.js';
import {
  closeStandIns,
  defaultAnswer,
  loginAnswer,
  onClose,
  standInPushServer,
  standInRoute,
} from '../../../test/support/sdk-stand-ins.js';
import { CimClient, MemoryCursorStore } from '../index.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * A client's close() against stand-ins: a push server that still has a message on its way to the
 * device when the device logs out, or that answers the Login only after it.
 */

afterEach(closeStandIns);

const lateMessage: ChatMessage = {
  msgId: '42',
  conversationId: 'p:7:8',
  seq: '1',
  fromUserId: '8',
  fromUserName: 'ben',
  to: { userId: '7' },
  body: 'on its way at logout',
  ts: '0',
  clientMsgId: 'c-42',
};

function newClient(routeUrl: string, cursorStore: MemoryCursorStore): CimClient {
  const client = new CimClient({
    routeUrl,
    userName: 'alice',
    password: 'password-1',
    deviceId: 'laptop',
    transport: 'ws',
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    cursorStore,
  });
  onClose(() => client.close());
  return client;
}

describe('a closed client', () => {
  it("does not show a message that reaches it after close(), and saves no cursor past it (the next run's catch-up brings it)", async () => {
    const push = await standInPushServer((frame) =>
      'logout' in frame ? [{ deliver: { message: lateMessage, cursor: '4096' } }] : undefined,
    );
    const route = await standInRoute(() => ({ status: 200, body: loginAnswer('token-1', push.wsUrl) }));
    const cursorStore = new MemoryCursorStore();
    const client = newClient(route.url, cursorStore);
    const shown: string[] = [];
    client.on('message', (m) => shown.push(m.body));
    await client.connect();
    const [socket] = push.wss.clients;
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));

    await client.close();
    // The client reads the Deliver before the close handshake that ends the socket.
    await socketClosed;

    expect(push.frames.some((f) => 'logout' in f)).toBe(true);
    expect(shown).toEqual([]);
    const saved = JSON.parse((await cursorStore.load(`${route.url}|alice|laptop`))!) as { cursor: string };
    expect(saved.cursor).toBe('0');
  });

  it('stays closed when close() comes while its login is under way: never idle or online again, no catch-up', async () => {
    // LoginOk comes only once the client has said Logout, as from a server slow to answer.
    const push = await standInPushServer((frame) =>
      'login' in frame ? [] : 'logout' in frame ? defaultAnswer({ login: { token: '', client: '' } }) : undefined,
    );
    const route = await standInRoute(() => ({ status: 200, body: loginAnswer('token-1', push.wsUrl) }));
    const client = newClient(route.url, new MemoryCursorStore());
    const states: string[] = [];
    client.on('state', (state) => states.push(state));
    const connecting = client.connect().catch(() => undefined);
    await waitFor(() => push.wss.clients.size === 1 && push.frames.some((f) => 'login' in f), {
      message: 'the Login',
    });
    const [socket] = push.wss.clients;
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));

    await client.close();
    await socketClosed;
    await connecting;

    expect(states).toEqual(['connecting', 'closed']);
    expect(client.state).toBe('closed');
    expect(route.requests.map((r) => r.path)).not.toContain('/api/v1/sync');
  });
});
