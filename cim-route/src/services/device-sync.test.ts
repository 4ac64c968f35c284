import { describe, expect, it } from 'vitest';
import { ErrorCodes, type Frame } from '@cim/common';
import { silentLogger } from '@cim/common/server';
import { MemoryStore } from '../store/memory-store.js';
import { DeviceSync } from './device-sync.js';
import type { DeviceConnection, FanOut } from '../delivery/index.js';
import { saveMessage } from '../store/index.js';
import { MESSAGE_TTL_MARGIN_MS } from '../store/defaults.js';

const device: DeviceConnection = {
  userId: '1',
  userName: 'alice',
  deviceId: 'sensor',
  sessionId: 's1',
  serverId: 'srv',
  connectionId: 'c1',
};

/** A store holding `count` messages for user 1, stored 1 s apart, and their cursors. */
async function storeWithMessages(count: number, options: { retentionMs?: number } = {}) {
  let clock = 1_000_000;
  const store = new MemoryStore({ now: () => clock, ...options });
  const cursors: string[] = [];
  for (let n = 1; n <= count; n++) {
    const saved = await saveMessage(
      store.messages,
      {
        conversationId: 'p:1:2',
        fromUserId: '2',
        fromUserName: 'bob',
        to: { userId: '1' },
        body: `m${n}`,
        clientMsgId: `c${n}`,
      },
      ['1'],
    );
    cursors.push(saved.cursors['1']);
    clock += 1_000;
  }
  return { store, cursors, advanceClock: (ms: number) => void (clock += ms) };
}

const storeWithTwoMessages = () => storeWithMessages(2);

/** What the device was sent, in order: a message body, or a frame. */
type Sent = { body: string } | { frame: Frame };

function recordingFanOut(pushSucceeds: boolean) {
  const sent: Sent[] = [];
  const closed: { code: string }[] = [];
  const fanOut = {
    toConnection: async (_to: DeviceConnection, entries: { message: { body: string } }[]) => {
      if (pushSucceeds) sent.push(...entries.map((e) => ({ body: e.message.body })));
      return pushSucceeds;
    },
    frameToConnection: async (_to: DeviceConnection, frame: Frame) => {
      if (pushSucceeds) sent.push({ frame });
      return pushSucceeds;
    },
    closeConnection: async (_to: DeviceConnection, code: string) => void closed.push({ code }),
  } as unknown as FanOut;
  const pushedBodies = () => sent.flatMap((s) => ('body' in s ? [s.body] : []));
  const frames = () => sent.flatMap((s) => ('frame' in s ? [s.frame] : []));
  return { fanOut, sent, pushedBodies, frames, closed };
}

describe('device catch-up over TCP', () => {
  it('starts 10 s of cursors before the device cursor, so a message pushed out of order is not missed', async () => {
    const { store, cursors } = await storeWithTwoMessages();
    const { fanOut, pushedBodies } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, cursors[1]);
    expect(pushedBodies()).toEqual(['m1', 'm2']);
  });

  it('sends CaughtUp once, after the last page of a backlog of several pages, with the last cursor pushed', async () => {
    const { store, cursors } = await storeWithMessages(450);
    const { fanOut, sent, pushedBodies } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '0');
    expect(pushedBodies()).toEqual(cursors.map((_, i) => `m${i + 1}`));
    expect(sent).toHaveLength(451);
    expect(sent[450]).toEqual({ frame: { caughtUp: { cursor: cursors[449] } } });
  });

  it('sends CaughtUp with the Login cursor when there is nothing to push', async () => {
    const { store } = await storeWithMessages(0);
    const { fanOut, sent } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '0');
    expect(sent).toEqual([{ frame: { caughtUp: { cursor: '0' } } }]);
  });

  it('never sends a CaughtUp cursor below the Login cursor, when the rewind re-sent only older messages', async () => {
    const { store, cursors } = await storeWithTwoMessages();
    const { fanOut, pushedBodies, frames } = recordingFanOut(true);
    const loginCursor = String(BigInt(cursors[1]) + 5n);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, loginCursor);
    expect(pushedBodies()).toEqual(['m1', 'm2']);
    expect(frames()).toEqual([{ caughtUp: { cursor: loginCursor } }]);
  });

  it('ends an expired cursor with CIM_ERR_CURSOR_EXPIRED and no CaughtUp', async () => {
    const { store, advanceClock } = await storeWithMessages(2, { retentionMs: 1_500 });
    advanceClock(1_000);
    const { fanOut, frames, pushedBodies } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '1');
    expect(pushedBodies()).toEqual([]);
    expect(frames()).toMatchObject([{ error: { code: ErrorCodes.CURSOR_EXPIRED } }]);
  });

  it('tries a failing catch-up again, then closes the device with CIM_ERR_UNAVAILABLE so it reconnects', async () => {
    const { store } = await storeWithTwoMessages();
    const { fanOut, closed, sent } = recordingFanOut(false);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '0');
    expect(closed).toEqual([{ code: ErrorCodes.UNAVAILABLE }]);
    expect(sent).toEqual([]);
  });

  it('refuses a cursor in the future with CIM_ERR_INVALID_INPUT', async () => {
    const { store, cursors } = await storeWithTwoMessages();
    const sync = new DeviceSync(store, recordingFanOut(true).fanOut, silentLogger, () => 1_000_000);
    await expect(sync.checkCursor('1', cursors[1])).resolves.toBeUndefined();
    await expect(sync.checkCursor('1', String(Number(cursors[1]) + 10_000 * 1024))).rejects.toMatchObject({
      code: ErrorCodes.INVALID_INPUT,
    });
  });
});

describe('device catch-up over TCP, large groups', () => {
  /** A large group of users 1 and 2 (user 1 joined at seq 0) with `count` messages, stored once, 1 s apart. */
  async function largeGroupWith(count: number) {
    let clock = 1_000_000;
    const store = new MemoryStore({ now: () => clock, retentionMs: 60_000 });
    const group = await store.groups.create('2', 'crowd', ['1'], { largeGroupMembers: 2 });
    const send = async (body: string) => {
      await saveMessage(
        store.messages,
        {
          conversationId: `g:${group.groupId}`,
          fromUserId: '2',
          fromUserName: 'bob',
          to: { groupId: group.groupId },
          body,
          clientMsgId: body,
        },
        [],
      );
      clock += 1_000;
    };
    for (let n = 1; n <= count; n++) await send(`g${n}`);
    return { store, conversationId: `g:${group.groupId}`, send, advanceClock: (ms: number) => void (clock += ms) };
  }

  it('pushes each large group after the stream backlog, from the seq the device names or from the start, over several pages', async () => {
    const { store, conversationId } = await largeGroupWith(450);
    const fromStart = recordingFanOut(true);
    await new DeviceSync(store, fromStart.fanOut, silentLogger).catchUp(device, '0');
    expect(fromStart.pushedBodies()).toEqual(Array.from({ length: 450 }, (_, i) => `g${i + 1}`));
    expect(fromStart.frames()).toEqual([
      { caughtUp: { cursor: '0', conversations: [{ conversationId, seq: '450' }] } },
    ]);

    const named = recordingFanOut(true);
    await new DeviceSync(store, named.fanOut, silentLogger).catchUp(device, '0', [
      { conversationId, seq: '448' },
      { conversationId: 'g:404', seq: '3' },
    ]);
    expect(named.pushedBodies()).toEqual(['g449', 'g450']);
    expect(named.frames()).toEqual([{ caughtUp: { cursor: '0', conversations: [{ conversationId, seq: '450' }] } }]);
  });

  it('starts a member added again after its new join, whatever older seq its device names', async () => {
    const { store, conversationId, send } = await largeGroupWith(3);
    const groupId = conversationId.slice(2);
    await store.groups.removeMember(groupId, '1');
    await send('while away');
    await store.groups.addMembers(groupId, ['1'], 100, { joinSeq: '4', largeGroupMembers: 2 });
    await send('after the return');
    const { fanOut, pushedBodies, frames } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '0', [{ conversationId, seq: '2' }]);
    expect(pushedBodies()).toEqual(['after the return']);
    expect(frames()).toEqual([{ caughtUp: { cursor: '0', conversations: [{ conversationId, seq: '5' }] } }]);
  });

  it('says a large group expired when the messages after the device seq are no longer kept, and goes on from the oldest kept', async () => {
    const { store, conversationId, send, advanceClock } = await largeGroupWith(3);
    advanceClock(60_000 + MESSAGE_TTL_MARGIN_MS + 1);
    await send('kept');
    const { fanOut, pushedBodies, frames } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp(device, '0', [{ conversationId, seq: '1' }]);
    expect(pushedBodies()).toEqual(['kept']);
    expect(frames()).toEqual([
      { caughtUp: { cursor: '0', conversations: [{ conversationId, seq: '4', expired: true }] } },
    ]);
  });
});
