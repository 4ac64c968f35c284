import type { ChatMessage } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  closeStandIns,
  loginAnswer,
  onClose,
  standInPushServer,
  standInRoute,
} from '../../../test/support/sdk-stand-ins.js';
import { CimClient, MemoryCursorStore } from '../index.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * A client's close() against stand-ins: a push server that still has a message on its way to the
 * device when the device logs out.
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

describe('a closed client', () => {
  it("does not show a message that reaches it after close(), and saves no cursor past it (the next run's catch-up brings it)", async () => {
    const push = await standInPushServer((frame) =>
      'logout' in frame ? [{ deliver: { message: lateMessage, cursor: '4096' } }] : [],
    );
    const route = await standInRoute(() => ({ status: 200, body: loginAnswer('token-1', push.wsUrl) }));
    const cursorStore = new MemoryCursorStore();
    const client = new CimClient({
      routeUrl: route.url,
      userName: 'alice',
      password: 'password-1',
      deviceId: 'laptop',
      transport: 'ws',
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      cursorStore,
    });
    onClose(() => client.close());
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
});
