import { describe, expect, it } from 'vitest';
import { ErrorCodes, silentLogger, type EventOrigin } from '@cim/common';
import { MemoryStore } from '../store/memory-store.js';
import { DeviceSync } from './device-sync.js';
import type { FanOut } from '../delivery/index.js';

const device: EventOrigin = { userId: '1', userName: 'alice', deviceId: 'sensor', sessionId: 's1' };

/** A store holding two messages for user 1, stored 1 s apart. */
async function storeWithTwoMessages(): Promise<{ store: MemoryStore; cursors: string[] }> {
  let clock = 1_000_000;
  const store = new MemoryStore({ now: () => clock });
  const cursors: string[] = [];
  for (const n of [1, 2]) {
    const saved = await store.saveMessage(
      { conversationId: 'p:1:2', fromUserId: '2', fromUserName: 'bob', to: { userId: '1' }, body: `m${n}`, clientMsgId: `c${n}` },
      ['1'],
    );
    cursors.push(saved.cursors['1']);
    clock += 1_000;
  }
  return { store, cursors };
}

function recordingFanOut(pushSucceeds: boolean) {
  const pushedBodies: string[] = [];
  const closed: { code: string }[] = [];
  const fanOut = {
    toDevice: async (_s: string, _u: string, _d: string, entries: { message: { body: string } }[]) => {
      if (pushSucceeds) pushedBodies.push(...entries.map((e) => e.message.body));
      return pushSucceeds;
    },
    frameToDevice: async () => undefined,
    closeDevice: async (_s: string, _d: EventOrigin, code: string) => void closed.push({ code }),
  } as unknown as FanOut;
  return { fanOut, pushedBodies, closed };
}

describe('device catch-up over TCP', () => {
  it('starts 10 s of cursors before the device cursor, so a message pushed out of order is not missed', async () => {
    const { store, cursors } = await storeWithTwoMessages();
    const { fanOut, pushedBodies } = recordingFanOut(true);
    await new DeviceSync(store, fanOut, silentLogger).catchUp('srv', device, cursors[1]);
    expect(pushedBodies).toEqual(['m1', 'm2']);
  });

  it('tries a failing catch-up again, then closes the device with CIM_ERR_UNAVAILABLE so it reconnects', async () => {
    const { store } = await storeWithTwoMessages();
    const { fanOut, closed } = recordingFanOut(false);
    await new DeviceSync(store, fanOut, silentLogger).catchUp('srv', device, '0');
    expect(closed).toEqual([{ code: ErrorCodes.UNAVAILABLE }]);
  });

  it('refuses a cursor in the future with CIM_ERR_INVALID_INPUT', async () => {
    const { store, cursors } = await storeWithTwoMessages();
    const sync = new DeviceSync(store, recordingFanOut(true).fanOut, silentLogger, () => 1_000_000);
    await expect(sync.checkCursor('1', cursors[1])).resolves.toBeUndefined();
    await expect(sync.checkCursor('1', String(Number(cursors[1]) + 10_000 * 1024))).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });
  });
});
