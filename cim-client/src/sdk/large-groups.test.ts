import { encodeFrameBody } from '@cim/common/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { waitFor } from '../../../devkit/wait-for.js';
import { chatMessage } from '../../../test/support/chat-message.js';
import {
  closeStandIns,
  loginAnswer,
  onClose,
  standInPushServer,
  standInRoute,
  type RouteRequest,
} from '../../../test/support/sdk-stand-ins.js';
import { CimClient, MemoryCursorStore } from '../index.js';
import type { WebSocketConstructor } from './websocket-transport.js';

/*
 * Large groups through whole clients against stand-ins: the route lists one large group on the
 * stream's last page and serves its messages by seq; the push server pushes its messages without a
 * cursor. Each app run is a new client on the same cursor store.
 */

afterEach(closeStandIns);

const GROUP = 'g:5';
/** Message `seq` of the group (msgIds are numbers on the wire). */
const groupMessage = (seq: number) => chatMessage(GROUP, seq, String(100 + seq));

/** A route whose stream is empty and whose one large group has messages 2..`latest.seq` (fromSeq 1). */
async function largeGroupRoute(pushUrl: string, latest: { seq: number }) {
  return standInRoute(
    () => ({ status: 200, body: loginAnswer('token-1', pushUrl) }),
    (req: RouteRequest) => {
      if (req.path === '/api/v1/sync')
        return {
          status: 200,
          body: {
            messages: [],
            cursor: '0',
            hasMore: false,
            largeGroups: [{ conversationId: GROUP, seq: String(latest.seq), fromSeq: '1' }],
          },
        };
      if (req.path === `/api/v1/conversations/${encodeURIComponent(GROUP)}/messages`) {
        const after = Number(req.query!.get('afterSeq'));
        const limit = Number(req.query!.get('limit'));
        const seqs = [];
        for (let seq = after + 1; seq <= latest.seq && seqs.length < limit; seq++) seqs.push(seq);
        return { status: 200, body: { messages: seqs.map(groupMessage), expired: false } };
      }
      return undefined;
    },
  );
}

function newRun(routeUrl: string, cursorStore: MemoryCursorStore) {
  const client = new CimClient({
    routeUrl,
    userName: 'alice',
    password: 'password-1',
    deviceId: 'laptop',
    transport: 'ws',
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    cursorStore,
    syncPageSize: 2,
  });
  onClose(() => client.close());
  const shown: string[] = [];
  client.on('message', (m, meta) => shown.push(`#${m.seq} cursor ${meta.cursor}`));
  return { client, shown };
}

const afterSeqsAsked = (requests: RouteRequest[]) =>
  requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.query!.get('afterSeq'));

describe('a client in a large group', () => {
  it('reads the group by seq, takes live pushes without a cursor, and a new client resumes after what the last one had', async () => {
    const push = await standInPushServer();
    const latest = { seq: 4 };
    const route = await largeGroupRoute(push.wsUrl, latest);
    const cursorStore = new MemoryCursorStore();

    const first = newRun(route.url, cursorStore);
    await first.client.connect();
    expect(first.shown).toEqual(['#2 cursor 0', '#3 cursor 0', '#4 cursor 0']);
    expect(afterSeqsAsked(route.requests)).toEqual(['1', '3']);

    // Stored once and pushed live without a cursor: shown, and nothing to acknowledge.
    latest.seq = 5;
    const [socket] = push.wss.clients;
    socket.send(encodeFrameBody({ deliver: { message: groupMessage(5), cursor: '0' } }));
    await waitFor(() => first.shown.length === 4, { message: 'the live push' });
    expect(first.shown[3]).toBe('#5 cursor 0');
    await first.client.close({ logout: false });
    // The stream cursor never moved: every Ack (the one after each catch-up) is at 0.
    const acked = push.frames.flatMap((f) => ('ack' in f ? [f.ack.cursor ?? '0'] : []));
    expect(new Set(acked)).toEqual(new Set(['0']));
    expect(first.client.info().cursor).toBe('0');

    latest.seq = 7;
    route.requests.length = 0;
    const second = newRun(route.url, cursorStore);
    await second.client.connect();
    expect(afterSeqsAsked(route.requests)).toEqual(['5']);
    expect(second.shown).toEqual(['#6 cursor 0', '#7 cursor 0']);
  });
});
