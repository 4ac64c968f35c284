import type { ChatMessage } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { MINUTE, type ContractContext } from './contract-context.js';
import { HISTORY_SCAN_LIMIT, MESSAGE_TTL_MARGIN_MS } from '../defaults.js';
import type { NewMessage, RouteStore } from '../types.js';
import { saveMessage } from '../messages/finish-save.js';

/** A message from `fromUserId` in a conversation of its own naming, which the contract does not care about. */
const message = (conversationId: string, fromUserId: string, clientMsgId: string, body = clientMsgId): NewMessage => ({
  conversationId,
  fromUserId,
  fromUserName: `user${fromUserId}`,
  to: { userId: '2' },
  body,
  clientMsgId,
});

/** What happens to messages after they are stored: recall, history, read marks, acks, the conversation list. */
export function describeMessageStateContract({ openStore, advance }: ContractContext): void {
  describe('message state', () => {
    const seqsOf = (messages: ChatMessage[]) => messages.map((m) => m.seq);

    async function saveAll(store: RouteStore, conversationId: string, bodies: string[]): Promise<ChatMessage[]> {
      const saved: ChatMessage[] = [];
      for (const body of bodies) {
        saved.push(
          (await saveMessage(store.messages, message(conversationId, '1', `${conversationId}/${body}`, body), ['2']))
            .message,
        );
      }
      return saved;
    }

    it('finds a stored message by msgId', async () => {
      const store = await openStore();
      const { message: saved } = await saveMessage(store.messages, message('p:1:2', '1', 'c1'), ['2']);
      expect(await store.messages.get(saved.msgId)).toEqual(saved);
      expect(await store.messages.get('999')).toBeNull();
    });

    it('marks a message recalled and clears its body, for sync and history too', async () => {
      const store = await openStore();
      const [first, second] = await saveAll(store, 'p:1:2', ['oops', 'fine']);
      const recalled = { ...first, body: '', recalled: true };
      expect(await store.messages.markRecalled(first.msgId)).toEqual(recalled);
      expect(await store.messages.markRecalled(first.msgId)).toEqual(recalled);
      expect(await store.messages.get(first.msgId)).toEqual(recalled);
      const page = await store.messages.sync('2', '0', 10);
      expect(page.expired === false && page.entries.map((e) => e.message)).toEqual([recalled, second]);
      expect(await store.messages.history('p:1:2', { limit: 10 })).toEqual([second, recalled]);
      expect(await store.messages.markRecalled('999')).toBeNull();
    });

    it('answers a retried send of a recalled message with the recalled message', async () => {
      const store = await openStore();
      const send = message('p:1:2', '1', 'c1', 'regret');
      const first = await saveMessage(store.messages, send, ['2']);
      await store.messages.markRecalled(first.message.msgId);
      const retry = await saveMessage(store.messages, send, ['2']);
      expect(retry).toEqual({ ...first, message: { ...first.message, body: '', recalled: true }, duplicate: true });
    });

    it('pages through a conversation newest first by seq', async () => {
      const store = await openStore();
      const saved = await saveAll(store, 'p:1:2', ['a', 'b', 'c', 'd', 'e']);
      await saveAll(store, 'p:1:3', ['other']);
      expect(await store.messages.history('p:1:2', { limit: 2 })).toEqual([saved[4], saved[3]]);
      expect(seqsOf(await store.messages.history('p:1:2', { beforeSeq: '4', limit: 2 }))).toEqual(['3', '2']);
      expect(seqsOf(await store.messages.history('p:1:2', { beforeSeq: '2', limit: 2 }))).toEqual(['1']);
      expect(await store.messages.history('p:1:2', { beforeSeq: '1', limit: 2 })).toEqual([]);
      expect(seqsOf(await store.messages.history('p:1:2', { beforeSeq: '99', limit: 10 }))).toEqual([
        '5',
        '4',
        '3',
        '2',
        '1',
      ]);
      expect(await store.messages.history('p:8:9', { limit: 10 })).toEqual([]);
    });

    it('filters history by keyword, ignoring case, recalled messages never matching', async () => {
      const store = await openStore();
      const saved = await saveAll(store, 'g:1', [
        'Hello World',
        'nothing',
        'say HELLO',
        'hell no',
        'hellO again',
        'hello?',
      ]);
      await store.messages.markRecalled(saved[5].msgId);
      const search = (keyword: string, options: { beforeSeq?: string; limit?: number } = {}) =>
        store.messages.history('g:1', { limit: 10, ...options, keyword }).then(seqsOf);
      expect(await search('hello')).toEqual(['5', '3', '1']);
      expect(await search('HeLLo', { limit: 2 })).toEqual(['5', '3']);
      expect(await search('hello', { beforeSeq: '3' })).toEqual(['1']);
      expect(await search('')).toEqual(['6', '5', '4', '3', '2', '1']);
      expect(await search('absent')).toEqual([]);
    });

    it(`looks at most HISTORY_SCAN_LIMIT (${HISTORY_SCAN_LIMIT}) messages back for a keyword`, async () => {
      const store = await openStore();
      await saveAll(store, 'g:1', ['needle']);
      for (let sent = 0; sent < HISTORY_SCAN_LIMIT; sent += 500) {
        await Promise.all(
          Array.from({ length: 500 }, (_, i) =>
            saveMessage(store.messages, message('g:1', '1', `hay${sent + i}`, 'hay'), ['2']),
          ),
        );
      }
      // From the newest, the scan ends one message short of the needle; one seq lower, it reaches it.
      expect(await store.messages.history('g:1', { limit: 10, keyword: 'needle' })).toEqual([]);
      const found = await store.messages.history('g:1', {
        limit: 10,
        keyword: 'needle',
        beforeSeq: String(HISTORY_SCAN_LIMIT + 1),
      });
      expect(seqsOf(found)).toEqual(['1']);
    }, 120_000);

    it('leaves messages out of history once they expire', async () => {
      const store = await openStore({ retentionMs: 10 * MINUTE });
      await saveAll(store, 'p:1:2', ['old']);
      advance(10 * MINUTE + MESSAGE_TTL_MARGIN_MS + 1);
      const [recent] = await saveAll(store, 'p:1:2', ['recent']);
      expect(await store.messages.history('p:1:2', { limit: 10 })).toEqual([recent]);
    });

    it('refuses a beforeSeq that is not a decimal integer and a limit below 1', async () => {
      const store = await openStore();
      for (const bad of ['', '-1', 'abc', '1.5']) {
        await expect(store.messages.history('p:1:2', { beforeSeq: bad, limit: 10 })).rejects.toMatchObject({
          code: 'CIM_ERR_INVALID_INPUT',
        });
      }
      await expect(store.messages.history('p:1:2', { limit: 0 })).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });

    it("keeps each user's highest read seq, never past the conversation's last message", async () => {
      const store = await openStore();
      await saveAll(store, 'p:1:2', ['a', 'b', 'c']);
      expect(await store.receipts.markRead('2', 'p:1:2', '2')).toBe('2');
      expect(await store.receipts.markRead('2', 'p:1:2', '1')).toBe('2');
      expect(await store.receipts.markRead('2', 'p:1:2', '9')).toBe('3');
      expect(await store.receipts.markRead('2', 'p:8:9', '5')).toBe('0');
      expect(await store.receipts.conversationsOf('2', 10)).toEqual([
        { conversationId: 'p:1:2', lastSeq: '3', readSeq: '3' },
      ]);
      await expect(store.receipts.markRead('2', 'p:1:2', 'x')).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    });

    it('counts what a member sent as read by that member', async () => {
      const store = await openStore();
      await saveAll(store, 'p:1:2', ['a', 'b']);
      await saveMessage(store.messages, message('p:1:2', '2', 'reply'), ['1', '2']);
      expect(await store.receipts.conversationsOf('2', 10)).toEqual([
        { conversationId: 'p:1:2', lastSeq: '3', readSeq: '3' },
      ]);
      expect(await store.receipts.markRead('2', 'p:1:2', '1')).toBe('3');
    });

    it('lists the conversations a user received messages in, most recently active first', async () => {
      const store = await openStore();
      await saveAll(store, 'p:1:2', ['a', 'b']);
      await saveMessage(store.messages, message('p:2:3', '3', 'from3'), ['2', '3']);
      await saveMessage(store.messages, message('g:7', '4', 'in group'), ['2', '3', '4']);
      await store.receipts.markRead('2', 'p:2:3', '1');
      expect(await store.receipts.conversationsOf('2', 10)).toEqual([
        { conversationId: 'g:7', lastSeq: '1', readSeq: '0' },
        { conversationId: 'p:2:3', lastSeq: '1', readSeq: '1' },
        { conversationId: 'p:1:2', lastSeq: '2', readSeq: '0' },
      ]);
      await saveAll(store, 'p:1:2', ['c']);
      expect(await store.receipts.conversationsOf('2', 2)).toEqual([
        { conversationId: 'p:1:2', lastSeq: '3', readSeq: '0' },
        { conversationId: 'g:7', lastSeq: '1', readSeq: '0' },
      ]);
      // User 1 sent to p:1:2 but was not among its recipients.
      expect(await store.receipts.conversationsOf('1', 10)).toEqual([]);
      await expect(store.receipts.conversationsOf('2', 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    });

    it('keeps the highest cursor each device acknowledged and returns the one before', async () => {
      const store = await openStore();
      expect(await store.receipts.recordAck('1', 'phone', '100')).toBe('0');
      expect(await store.receipts.recordAck('1', 'phone', '50')).toBe('100');
      expect(await store.receipts.recordAck('1', 'phone', '200')).toBe('100');
      expect(await store.receipts.recordAck('1', 'phone', '200')).toBe('200');
      expect(await store.receipts.recordAck('1', 'laptop', '7')).toBe('0');
      expect(await store.receipts.recordAck('2', 'phone', '7')).toBe('0');
      await expect(store.receipts.recordAck('1', 'phone', '-1')).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });
  });
}
