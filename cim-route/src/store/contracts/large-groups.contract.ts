import type { ChatMessage } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { MINUTE, type ContractContext } from './contract-context.js';
import { MESSAGE_TTL_MARGIN_MS } from '../defaults.js';
import type { NewMessage, RouteStore } from '../types.js';
import { saveMessage } from '../messages/finish-save.js';

const groupMessage = (groupId: string, fromUserId: string, clientMsgId: string): NewMessage => ({
  conversationId: `g:${groupId}`,
  fromUserId,
  fromUserName: `user${fromUserId}`,
  to: { groupId },
  body: clientMsgId,
  clientMsgId,
});

/** Large groups (read diffusion): the switch, join seqs, save-once and the forward page by seq. */
export function describeLargeGroupContract({ openStore, advance }: ContractContext): void {
  describe('large groups', () => {
    const seqsOf = (messages: ChatMessage[]) => messages.map((m) => m.seq);

    /** Saves messages to the group's conversation once (no stream entries), as for a large group. */
    async function saveOnce(store: RouteStore, groupId: string, count: number, tag = 'm'): Promise<ChatMessage[]> {
      const saved: ChatMessage[] = [];
      for (let i = 0; i < count; i++)
        saved.push((await saveMessage(store.messages, groupMessage(groupId, '1', `${tag}${i}`), [])).message);
      return saved;
    }

    it('makes a group created with the threshold or more members large from seq 1, everyone joined at 0', async () => {
      const store = await openStore();
      const large = await store.groups.create('1', 'big', ['2', '3'], { largeGroupMembers: 3 });
      expect(large.largeFromSeq).toBe('1');
      expect(await store.groups.get(large.groupId)).toEqual(large);
      expect(await store.groups.joinSeq(large.groupId, '2')).toBe('0');
      const small = await store.groups.create('1', 'small', ['2'], { largeGroupMembers: 3 });
      expect(small.largeFromSeq).toBeUndefined();
      expect(await store.groups.get(small.groupId)).toEqual(small);
      expect(await store.groups.joinSeq(small.groupId, '7')).toBeNull();
      expect(await store.groups.joinSeq('99', '1')).toBeNull();
    });

    it('switches at the add that reaches the threshold, after its join seq, and stays large', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', ['2'], { largeGroupMembers: 4 });
      const third = await store.groups.addMembers(groupId, ['3'], 100, { joinSeq: '5', largeGroupMembers: 4 });
      expect(third.largeFromSeq).toBeUndefined();
      const fourth = await store.groups.addMembers(groupId, ['4', '5'], 100, { joinSeq: '9', largeGroupMembers: 4 });
      expect(fourth.largeFromSeq).toBe('10');
      expect(await store.groups.joinSeq(groupId, '1')).toBe('0');
      expect(await store.groups.joinSeq(groupId, '3')).toBe('5');
      expect(await store.groups.joinSeq(groupId, '5')).toBe('9');
      // A later add keeps the switch where it was, and a member added again keeps its join seq.
      const later = await store.groups.addMembers(groupId, ['3', '6'], 100, { joinSeq: '20', largeGroupMembers: 4 });
      expect(later.largeFromSeq).toBe('10');
      expect(await store.groups.joinSeq(groupId, '3')).toBe('5');
      expect(await store.groups.joinSeq(groupId, '6')).toBe('20');
      // Removing members does not switch it back; a removed member has no join seq.
      for (const userId of ['3', '4', '5', '6']) await store.groups.removeMember(groupId, userId);
      expect((await store.groups.get(groupId))?.largeFromSeq).toBe('10');
      expect(await store.groups.joinSeq(groupId, '4')).toBeNull();
      expect((await store.groups.groupsOf('2'))[0].largeFromSeq).toBe('10');
    });

    it("lists a user's large groups with its join seqs, not its small ones nor those it left", async () => {
      const store = await openStore();
      const big = await store.groups.create('1', 'big', ['2', '3'], { largeGroupMembers: 3 });
      const small = await store.groups.create('1', 'small', ['2'], { largeGroupMembers: 3 });
      const later = await store.groups.create('4', 'later', ['5'], { largeGroupMembers: 3 });
      await store.groups.addMembers(later.groupId, ['2'], 100, { joinSeq: '7', largeGroupMembers: 3 });
      const left = await store.groups.create('1', 'left', ['2', '3'], { largeGroupMembers: 3 });
      await store.groups.removeMember(left.groupId, '2');
      const memberships = await store.groups.largeMembershipsOf('2');
      expect(memberships.sort((a, b) => Number(a.groupId) - Number(b.groupId))).toEqual(
        [
          { groupId: big.groupId, joinSeq: '0', largeFromSeq: '1' },
          { groupId: later.groupId, joinSeq: '7', largeFromSeq: '8' },
        ].sort((a, b) => Number(a.groupId) - Number(b.groupId)),
      );
      expect(memberships.map((m) => m.groupId)).not.toContain(small.groupId);
      expect(await store.groups.largeMembershipsOf('9')).toEqual([]);
    });

    it('never makes a group large without a threshold, or with an infinite one', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', ['2', '3'], {
        largeGroupMembers: Number.POSITIVE_INFINITY,
      });
      await store.groups.addMembers(groupId, ['4'], 100, { largeGroupMembers: Number.POSITIVE_INFINITY });
      await store.groups.addMembers(groupId, ['5'], 100);
      expect((await store.groups.get(groupId))?.largeFromSeq).toBeUndefined();
    });

    it('refuses a join seq that is not a decimal integer', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', []);
      await expect(store.groups.addMembers(groupId, ['2'], 10, { joinSeq: '-1' })).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });

    it('stores a message saved for no recipient once: seq, history, idempotency and the sender read mark, no stream entry', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', ['2', '3'], { largeGroupMembers: 3 });
      const first = await saveMessage(store.messages, groupMessage(groupId, '1', 'a'), []);
      expect(first).toMatchObject({ cursors: {}, duplicate: false, message: { seq: '1' } });
      const again = await saveMessage(store.messages, groupMessage(groupId, '1', 'a'), []);
      expect(again).toMatchObject({ duplicate: true, message: first.message });
      for (const userId of ['1', '2', '3']) {
        expect(await store.messages.latestCursor(userId)).toBe('0');
        expect(await store.messages.sync(userId, '0', 10)).toEqual({ expired: false, entries: [], hasMore: false });
      }
      expect(await store.messages.history(`g:${groupId}`, { limit: 10 })).toEqual([first.message]);
      expect(await store.messages.latestSeq(`g:${groupId}`)).toBe('1');
      expect(await store.receipts.markRead('1', `g:${groupId}`, '0')).toBe('1');
      expect(await store.receipts.readSeqsOf('1', [`g:${groupId}`, 'g:404'])).toEqual(['1', '0']);
      expect(await store.receipts.readSeqsOf('2', [`g:${groupId}`])).toEqual(['0']);
    });

    it('pages a conversation forward by seq, oldest first', async () => {
      const store = await openStore();
      const saved = await saveOnce(store, '7', 5);
      expect(await store.messages.messagesAfter('g:7', '0', 2)).toEqual({
        messages: saved.slice(0, 2),
        expired: false,
      });
      expect(await store.messages.messagesAfter('g:7', '2', 10)).toEqual({ messages: saved.slice(2), expired: false });
      expect(await store.messages.messagesAfter('g:7', '5', 10)).toEqual({ messages: [], expired: false });
      // Past the latest seq is nothing yet, not a loss.
      expect(await store.messages.messagesAfter('g:7', '50', 10)).toEqual({ messages: [], expired: false });
      expect(await store.messages.messagesAfter('g:8', '0', 10)).toEqual({ messages: [], expired: false });
      expect(await store.messages.latestSeq('g:7')).toBe('5');
      expect(await store.messages.latestSeq('g:8')).toBe('0');
    });

    it('says a page expired when the messages right after its seq fell out of the retention, and starts at the oldest kept', async () => {
      const store = await openStore({ retentionMs: 10 * MINUTE });
      await saveOnce(store, '7', 3, 'old');
      advance(10 * MINUTE + MESSAGE_TTL_MARGIN_MS + 1);
      const recent = await saveOnce(store, '7', 2, 'new');
      expect(await store.messages.messagesAfter('g:7', '1', 10)).toEqual({ messages: recent, expired: true });
      expect(seqsOf((await store.messages.messagesAfter('g:7', '0', 1)).messages)).toEqual(['4']);
      // Right behind the last lost message nothing is missing.
      expect(await store.messages.messagesAfter('g:7', '3', 10)).toEqual({ messages: recent, expired: false });
      advance(10 * MINUTE + MESSAGE_TTL_MARGIN_MS + 1);
      const [latest] = await saveOnce(store, '7', 1, 'latest');
      expect(await store.messages.messagesAfter('g:7', '3', 10)).toEqual({ messages: [latest], expired: true });
      expect(await store.messages.messagesAfter('g:7', '5', 10)).toEqual({ messages: [latest], expired: false });
    });

    it('refuses an afterSeq that is not a decimal integer and a limit below 1', async () => {
      const store = await openStore();
      for (const bad of ['', '-1', 'abc']) {
        await expect(store.messages.messagesAfter('g:7', bad, 10)).rejects.toMatchObject({
          code: 'CIM_ERR_INVALID_INPUT',
        });
      }
      await expect(store.messages.messagesAfter('g:7', '0', 0)).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
    });
  });
}
