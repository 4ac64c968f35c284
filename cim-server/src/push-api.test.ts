import { describe, expect, it } from 'vitest';
import { decodeFrame, FrameDecoder, type ChatMessage } from '@cim/common';
import type { Connection } from './connection.js';
import type { ConnectionTable } from './connection-table.js';
import { applyPush } from './push-api.js';

/** A logged-in connection that keeps what it is asked to write. */
function recordingConnection(userId: string, sid = `s${userId}`) {
  const written: Buffer[][] = [];
  const conn = {
    id: `c${userId}`,
    user: { uid: userId, sid },
    writeParts: (parts: Buffer[]) => written.push(parts) > 0,
  };
  return { conn: conn as unknown as Connection, written };
}

function tableOf(connections: Connection[]): ConnectionTable {
  const ofUser = (userId: string) => connections.filter((c) => c.user!.uid === userId);
  return { ofUser, all: () => connections } as unknown as ConnectionTable;
}

const message: ChatMessage = {
  msgId: '9',
  conversationId: 'g:5',
  seq: '12',
  fromUserId: '1',
  fromUserName: 'alice',
  to: { groupId: '5' },
  body: 'to the large group',
  ts: '1',
  clientMsgId: 'c',
};

describe('push API: deliveries', () => {
  it('encodes a delivery whose targets carry no cursor once, and writes the very same bytes to every target', () => {
    const devices = ['1', '2', '3'].map((userId) => recordingConnection(userId));
    const written = applyPush(
      { deliveries: [{ message, targets: devices.map(({ conn }) => ({ userId: conn.user!.uid })) }] },
      tableOf(devices.map((d) => d.conn)),
    );
    expect(written).toBe(3);
    const [first] = devices[0].written[0];
    for (const device of devices) {
      expect(device.written).toHaveLength(1);
      expect(device.written[0]).toHaveLength(1);
      expect(device.written[0][0]).toBe(first);
    }
    const [frame] = new FrameDecoder().push(first).frames;
    expect(decodeFrame(frame)).toEqual({ deliver: { message, cursor: '0' } });
  });

  it('gives each target with a cursor a frame of its own, at its cursor', () => {
    const devices = ['1', '2'].map((userId) => recordingConnection(userId));
    applyPush(
      {
        deliveries: [
          {
            message,
            targets: devices.map(({ conn }, i) => ({ userId: conn.user!.uid, cursor: String(100 + i) })),
          },
        ],
      },
      tableOf(devices.map((d) => d.conn)),
    );
    const cursors = devices.map(({ written }) => {
      const [frame] = new FrameDecoder().push(written[0][0]).frames;
      return (decodeFrame(frame) as { deliver: { cursor: string } }).deliver.cursor;
    });
    expect(cursors).toEqual(['100', '101']);
  });
});
