import { describe, expect, it } from 'vitest';
import { MINUTE, START, type ContractContext } from './contract-context.js';
import type { ScheduledMessage } from '../types.js';

/** Delayed messages: scheduled once, read when due by any number of routes, removed once sent. */
export function describeDelayedMessageContract({ openStore }: ContractContext): void {
  describe('delayed messages', () => {
    const scheduled = (clientMsgId: string, deliverAt: number, senderId = '1'): ScheduledMessage => ({
      senderId,
      senderName: `user${senderId}`,
      to: { groupId: '4' },
      body: `later ${clientMsgId}`,
      clientMsgId,
      deliverAt,
    });
    const idsOf = (messages: ScheduledMessage[]) => messages.map((m) => `${m.senderId}:${m.clientMsgId}`);

    it('schedules a message once per sender and clientMsgId', async () => {
      const store = await openStore();
      const first = scheduled('c1', START + MINUTE);
      expect(await store.schedule.schedule(first)).toBe(true);
      expect(await store.schedule.schedule({ ...first, body: 'changed', deliverAt: START })).toBe(false);
      expect(await store.schedule.schedule(scheduled('c1', START + MINUTE, '2'))).toBe(true);
      expect(await store.schedule.due(START + MINUTE, 10)).toEqual([first, scheduled('c1', START + MINUTE, '2')]);
    });

    it('lists due messages soonest first, at most limit, and leaves them scheduled', async () => {
      const store = await openStore();
      for (const [clientMsgId, minutes] of [
        ['c3', 3],
        ['c1', 1],
        ['b2', 2],
        ['a2', 2],
        ['c10', 10],
      ] as const) {
        await store.schedule.schedule(scheduled(clientMsgId, START + minutes * MINUTE));
      }
      expect(idsOf(await store.schedule.due(START + 2 * MINUTE, 10))).toEqual(['1:c1', '1:a2', '1:b2']);
      expect(idsOf(await store.schedule.due(START + 2 * MINUTE, 10))).toEqual(['1:c1', '1:a2', '1:b2']);
      expect(idsOf(await store.schedule.due(START + 60 * MINUTE, 2))).toEqual(['1:c1', '1:a2']);
      expect(await store.schedule.due(START, 10)).toEqual([]);
    });

    it('removes a scheduled message, and removing it again is harmless', async () => {
      const store = await openStore();
      await store.schedule.schedule(scheduled('c1', START));
      await store.schedule.schedule(scheduled('c2', START));
      await store.schedule.remove('1', 'c1');
      await store.schedule.remove('1', 'c1');
      await store.schedule.remove('9', 'never');
      expect(idsOf(await store.schedule.due(START, 10))).toEqual(['1:c2']);
      expect(await store.schedule.schedule(scheduled('c1', START))).toBe(true);
    });

    it('refuses a deliverAt or now that is not a time, and a limit below 1', async () => {
      const store = await openStore();
      for (const deliverAt of [-1, 1.5, Number.NaN]) {
        await expect(store.schedule.schedule(scheduled('c1', deliverAt))).rejects.toMatchObject({
          code: 'CIM_ERR_INVALID_INPUT',
        });
      }
      await expect(store.schedule.due(Number.NaN, 10)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      await expect(store.schedule.due(START, 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    });
  });
}
