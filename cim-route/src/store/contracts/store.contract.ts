import { CimError, type ChatMessage } from '@cim/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE, START, type ContractContext } from './contract-context.js';
import { describeDelayedMessageContract } from './delayed.contract.js';
import { describeGroupContract } from './groups.contract.js';
import { describeLargeGroupContract } from './large-groups.contract.js';
import { describeMessageStateContract } from './message-state.contract.js';
import { describeRateLimitContract } from './rate-limits.contract.js';
import type { NewMessage, RouteStore, SavedMessage, SessionRecord, StoreOptions } from '../types.js';
import { saveMessage } from '../messages/finish-save.js';

/** Opens a store with no data in it. `options.now` is the test's clock. */
export type StoreFactory = (options: StoreOptions) => RouteStore | Promise<RouteStore>;

/**
 * Removes a stored message's body behind the store's back, leaving its stream entries: what a
 * Redis eviction or flush does, or (in memory) a clock stepped back past the TTL margin.
 */
export type LoseMessage = (store: RouteStore, msgId: string) => Promise<void>;

/**
 * The behaviour every RouteStore must have. Run against each implementation, so the embedded
 * store of `cim up` and the Redis store of a cluster cannot drift apart.
 */
export function describeStoreContract(name: string, factory: StoreFactory, loseMessage: LoseMessage): void {
  describe(`${name} store`, () => {
    let clock = START;
    const now = () => clock;
    const opened: RouteStore[] = [];

    async function openStore(options: StoreOptions = {}): Promise<RouteStore> {
      const store = await factory({ now, ...options });
      opened.push(store);
      return store;
    }

    beforeEach(() => {
      clock = START;
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('accounts', () => {
      it('numbers users "1", "2", … in order of registration', async () => {
        const store = await openStore();
        const alice = await store.users.create('alice', 'scrypt$a$b');
        const bob = await store.users.create('bob', 'scrypt$c$d');
        expect(alice).toEqual({ userId: '1', userName: 'alice', passwordHash: 'scrypt$a$b', createdAt: START });
        expect(bob.userId).toBe('2');
      });

      it('refuses a taken name with CIM_ERR_USER_EXISTS (409) and keeps the first account', async () => {
        const store = await openStore();
        await store.users.create('alice', 'first');
        const refusal = await store.users.create('alice', 'second').catch((err: unknown) => err);
        expect(refusal).toBeInstanceOf(CimError);
        expect(refusal).toMatchObject({ code: 'CIM_ERR_USER_EXISTS', httpStatus: 409 });
        expect(await store.users.getByName('alice')).toMatchObject({ userId: '1', passwordHash: 'first' });
        expect((await store.users.create('bob', 'x')).userId).toBe('2');
      });

      it('lets exactly one of several racing registrations of a name win', async () => {
        const store = await openStore();
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.users.create('carol', `hash${i}`)),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        for (const r of results)
          if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
        expect(await store.users.getByName('carol')).toEqual(won[0].value);
        expect(await store.users.findByPrefix('carol', 10)).toEqual([won[0].value]);
      });

      it('finds users by exact name, by id and by a list of ids', async () => {
        const store = await openStore();
        const alice = await store.users.create('alice', 'h1');
        const bob = await store.users.create('bob', 'h2');
        expect(await store.users.getByName('alice')).toEqual(alice);
        expect(await store.users.getByName('ali')).toBeNull();
        expect(await store.users.getById(bob.userId)).toEqual(bob);
        expect(await store.users.getById('99')).toBeNull();
        expect(await store.users.getByIds([bob.userId, '99', alice.userId, bob.userId])).toEqual([
          bob,
          null,
          alice,
          bob,
        ]);
        expect(await store.users.getByIds([])).toEqual([]);
      });

      it('treats names differing only in letter case as one name, keeping the registered spelling', async () => {
        const store = await openStore();
        const alice = await store.users.create('Alice', 'h1');
        for (const variant of ['alice', 'ALICE', 'aLiCe']) {
          await expect(store.users.create(variant, 'h2')).rejects.toMatchObject({ code: 'CIM_ERR_USER_EXISTS' });
          expect(await store.users.getByName(variant)).toEqual(alice);
        }
        expect(await store.users.findByPrefix('Al', 10)).toEqual([alice]);
        expect((await store.users.create('bob', 'h3')).userId).toBe('2');
      });

      it('finds users by name prefix, sorted by name, at most limit of them', async () => {
        const store = await openStore();
        for (const userName of ['alice', 'bob', 'al', 'ALX', 'alfred', 'al_x', 'albert.b'])
          await store.users.create(userName, 'h');
        const names = async (prefix: string, limit: number) =>
          (await store.users.findByPrefix(prefix, limit)).map((u) => u.userName);
        expect(await names('al', 10)).toEqual(['al', 'al_x', 'albert.b', 'alfred', 'alice']);
        expect(await names('al', 2)).toEqual(['al', 'al_x']);
        expect(await names('alice', 10)).toEqual(['alice']);
        expect(await names('', 3)).toEqual(['ALX', 'al', 'al_x']);
        expect(await names('zz', 10)).toEqual([]);
        const [found] = await store.users.findByPrefix('bob', 1);
        expect(found).toEqual(await store.users.getByName('bob'));
      });
    });

    describe('sessions', () => {
      let nextSession = 0;
      const session = (userId: string, deviceId: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
        userId,
        userName: `user${userId}`,
        deviceId,
        sessionId: `s${++nextSession}`,
        serverId: 'server-a',
        createdAt: clock,
        expiresAt: clock + 60 * MINUTE,
        ...overrides,
      });

      async function allOnline(store: RouteStore, pageSize: number): Promise<string[]> {
        const seen: string[] = [];
        let offset: number | null = 0;
        while (offset !== null) {
          const page: { userIds: string[]; nextOffset: number | null } = await store.sessions.listOnline(
            offset,
            pageSize,
          );
          seen.push(...page.userIds);
          offset = page.nextOffset;
        }
        return seen;
      }

      it('replaces the session of the same device and returns the one it replaced', async () => {
        const store = await openStore();
        const first = session('1', 'laptop');
        const second = session('1', 'laptop', { serverId: 'server-b' });
        const phone = session('1', 'phone');
        expect(await store.sessions.put(first)).toBeNull();
        expect(await store.sessions.put(second)).toEqual(first);
        expect(await store.sessions.put(phone)).toBeNull();
        expect(await store.sessions.get('1', 'laptop')).toEqual(second);
        expect(await store.sessions.get('1', 'tablet')).toBeNull();
      });

      it('removes a session only while it is still the current one of its device', async () => {
        const store = await openStore();
        const old = session('1', 'laptop');
        const current = session('1', 'laptop');
        await store.sessions.put(old);
        await store.sessions.put(current);
        expect(await store.sessions.removeIf('1', 'laptop', old.sessionId)).toBe(false);
        expect(await store.sessions.get('1', 'laptop')).toEqual(current);
        expect(await store.sessions.removeIf('1', 'laptop', current.sessionId)).toBe(true);
        expect(await store.sessions.get('1', 'laptop')).toBeNull();
        expect(await store.sessions.removeIf('1', 'laptop', current.sessionId)).toBe(false);
      });

      it('moves a session to the connection that logged in with it, and only its current connection detaches it', async () => {
        const store = await openStore();
        const laptop = session('1', 'laptop');
        await store.sessions.put(laptop);
        const attach = (serverId: string, connectionId: string) =>
          store.sessions.move('1', 'laptop', laptop.sessionId, {
            attach: { serverId, connectionId },
            endedIfDetachedBefore: clock - MINUTE,
          });
        expect(await attach('server-b', 'b1.1')).toEqual({ ...laptop, serverId: 'server-b', connectionId: 'b1.1' });
        expect(await store.sessions.get('1', 'laptop')).toEqual({
          ...laptop,
          serverId: 'server-b',
          connectionId: 'b1.1',
        });
        await attach('server-c', 'c1.1');
        // A late "closed" of the connection the session left changes nothing.
        expect(
          await store.sessions.move('1', 'laptop', laptop.sessionId, { detach: { connectionId: 'b1.1' }, at: clock }),
        ).toBeNull();
        expect((await store.sessions.get('1', 'laptop'))?.connectionId).toBe('c1.1');
        clock += 1000;
        const detached = await store.sessions.move('1', 'laptop', laptop.sessionId, {
          detach: { connectionId: 'c1.1' },
          at: clock,
        });
        expect(detached).toEqual({ ...laptop, serverId: 'server-c', detachedAt: clock });
        expect((await store.sessions.getOf(['1'])).get('1')).toEqual([detached]);
        // Within its grace the session takes a new connection; a session detached too long ago does not.
        expect(
          await store.sessions.move('1', 'laptop', laptop.sessionId, {
            attach: { serverId: 'server-a', connectionId: 'a1.1' },
            endedIfDetachedBefore: clock + 1,
          }),
        ).toBeNull();
        expect(await attach('server-a', 'a1.2')).toEqual({ ...laptop, serverId: 'server-a', connectionId: 'a1.2' });
      });

      it('moves only the current, unexpired session of the device', async () => {
        const store = await openStore();
        const old = session('1', 'laptop', { expiresAt: clock + 5 * MINUTE });
        const current = session('1', 'laptop', { expiresAt: clock + 5 * MINUTE });
        await store.sessions.put(old);
        await store.sessions.put(current);
        const attach = (sessionId: string) =>
          store.sessions.move('1', 'laptop', sessionId, {
            attach: { serverId: 'server-b', connectionId: 'b.1' },
            endedIfDetachedBefore: 0,
          });
        expect(await attach(old.sessionId)).toBeNull();
        expect(
          await store.sessions.move('1', 'phone', old.sessionId, { detach: { connectionId: 'b.1' }, at: clock }),
        ).toBeNull();
        expect(await store.sessions.get('1', 'laptop')).toEqual(current);
        clock += 5 * MINUTE;
        expect(await attach(current.sessionId)).toBeNull();
      });

      it('keeps the session a refresh replaced on the new one until the device first uses it', async () => {
        const store = await openStore();
        const old = session('1', 'laptop');
        const refreshOf = { sessionId: old.sessionId, until: clock + MINUTE };
        const refreshed = session('1', 'laptop', { refreshOf });
        await store.sessions.put(old);
        expect(await store.sessions.put(refreshed)).toEqual(old);
        expect(await store.sessions.get('1', 'laptop')).toEqual(refreshed);
        // Only the device's current session is marked used.
        await store.sessions.markUsed('1', 'laptop', old.sessionId);
        expect(await store.sessions.get('1', 'laptop')).toEqual(refreshed);
        await store.sessions.markUsed('1', 'laptop', refreshed.sessionId);
        const { refreshOf: _dropped, ...used } = refreshed;
        expect(await store.sessions.get('1', 'laptop')).toEqual(used);

        // A TCP Login (attach) is a use as well.
        const again = session('1', 'laptop', { refreshOf: { sessionId: refreshed.sessionId, until: clock + MINUTE } });
        await store.sessions.put(again);
        const { refreshOf: _attached, ...attached } = again;
        const expected = { ...attached, serverId: 'server-b', connectionId: 'b.1' };
        expect(
          await store.sessions.move('1', 'laptop', again.sessionId, {
            attach: { serverId: 'server-b', connectionId: 'b.1' },
            endedIfDetachedBefore: 0,
          }),
        ).toEqual(expected);
        expect(await store.sessions.get('1', 'laptop')).toEqual(expected);
      });

      it('lets exactly one of racing moves hold the session, and the session agrees with it', async () => {
        const store = await openStore();
        const laptop = session('1', 'laptop');
        await store.sessions.put(laptop);
        const moved = await Promise.all(
          ['server-a', 'server-b', 'server-c'].map((serverId) =>
            store.sessions.move('1', 'laptop', laptop.sessionId, {
              attach: { serverId, connectionId: `${serverId}.1` },
              endedIfDetachedBefore: 0,
            }),
          ),
        );
        const last = await store.sessions.get('1', 'laptop');
        expect(moved.map((m) => m?.connectionId)).toContain(last?.connectionId);
        expect(last?.connectionId).toBe(`${last?.serverId}.1`);
      });

      it('lists every session of each asked user by device, and [] for users without one', async () => {
        const store = await openStore();
        const phone = session('1', 'phone');
        const laptop = session('1', 'laptop');
        const bobs = session('2', 'default');
        for (const s of [phone, laptop, bobs]) await store.sessions.put(s);
        const found = await store.sessions.getOf(['1', '2', '3']);
        expect([...found.keys()].sort()).toEqual(['1', '2', '3']);
        expect(found.get('1')).toEqual([laptop, phone]);
        expect(found.get('2')).toEqual([bobs]);
        expect(found.get('3')).toEqual([]);
      });

      it('hides sessions once they expire, everywhere', async () => {
        const store = await openStore();
        const short = session('1', 'laptop', { expiresAt: clock + 1000 });
        const long = session('1', 'phone');
        const onlyShort = session('2', 'default', { expiresAt: clock + 1000 });
        for (const s of [short, long, onlyShort]) await store.sessions.put(s);
        clock += 1000;
        expect(await store.sessions.get('1', 'laptop')).toBeNull();
        expect((await store.sessions.getOf(['1', '2'])).get('1')).toEqual([long]);
        expect((await store.sessions.getOf(['2'])).get('2')).toEqual([]);
        expect(await allOnline(store, 10)).toEqual(['1']);
        expect(await store.sessions.put(session('1', 'laptop'))).toBeNull();
      });

      it('drops users whose sessions all expired from the online list, also when no one asked about them', async () => {
        const store = await openStore();
        for (const userId of ['1', '2', '3', '4', '5']) {
          await store.sessions.put(
            session(userId, 'default', { expiresAt: clock + (userId === '3' ? 5 * MINUTE : 1000) }),
          );
        }
        clock += 1000;
        expect(await allOnline(store, 2)).toEqual(['3']);
        expect(await allOnline(store, 10)).toEqual(['3']);
      });

      it('pages through online users in a stable order, each user once', async () => {
        const store = await openStore();
        const userIds = Array.from({ length: 11 }, (_, i) => String(i + 1));
        for (const userId of userIds) {
          await store.sessions.put(session(userId, 'phone'));
          await store.sessions.put(session(userId, 'laptop'));
        }
        const firstPass = await allOnline(store, 3);
        expect([...firstPass].sort()).toEqual([...userIds].sort());
        expect(await allOnline(store, 3)).toEqual(firstPass);
        expect(await allOnline(store, 100)).toEqual(firstPass);
      });

      it('takes a user off the online list when their last device leaves', async () => {
        const store = await openStore();
        const phone = session('7', 'phone');
        const laptop = session('7', 'laptop');
        await store.sessions.put(phone);
        await store.sessions.put(laptop);
        await store.sessions.put(session('8', 'default'));
        await store.sessions.removeIf('7', 'phone', phone.sessionId);
        expect(await allOnline(store, 10)).toEqual(['7', '8']);
        await store.sessions.removeIf('7', 'laptop', laptop.sessionId);
        expect(await allOnline(store, 10)).toEqual(['8']);
        await store.sessions.put(session('7', 'phone'));
        expect(await allOnline(store, 10)).toEqual(['7', '8']);
      });

      it('refuses a negative offset and a limit below 1', async () => {
        const store = await openStore();
        await expect(store.sessions.listOnline(-1, 10)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
        await expect(store.sessions.listOnline(0, 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      });
    });

    describe('messages', () => {
      const send = (
        fromUserId: string,
        toUserId: string,
        clientMsgId: string,
        body = `hello ${clientMsgId}`,
      ): NewMessage => ({
        conversationId: `p:${[fromUserId, toUserId].sort().join(':')}`,
        fromUserId,
        fromUserName: `user${fromUserId}`,
        to: { userId: toUserId },
        body,
        clientMsgId,
      });
      const cursorsOf = (entries: { cursor: string }[]) => entries.map((e) => BigInt(e.cursor));
      const increasing = (values: bigint[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

      it('stores the message with a msgId, the next seq of its conversation and the time', async () => {
        const store = await openStore();
        const saved = await saveMessage(store.messages, send('1', '2', 'c1'), ['2', '1']);
        expect(saved.duplicate).toBe(false);
        expect(saved.message).toEqual({
          msgId: expect.stringMatching(/^\d+$/),
          conversationId: 'p:1:2',
          seq: '1',
          fromUserId: '1',
          fromUserName: 'user1',
          to: { userId: '2' },
          body: 'hello c1',
          ts: String(START),
          clientMsgId: 'c1',
        } satisfies ChatMessage);
        expect(Object.keys(saved.cursors).sort()).toEqual(['1', '2']);
        for (const userId of ['1', '2']) {
          expect(saved.cursors[userId]).toMatch(/^\d+$/);
          const page = await store.messages.sync(userId, '0', 10);
          expect(page).toEqual({
            expired: false,
            entries: [{ cursor: saved.cursors[userId], message: saved.message }],
            hasMore: false,
          });
        }
      });

      it('numbers each conversation 1, 2, 3, … on its own and never reuses a msgId', async () => {
        const store = await openStore();
        const seqs: Record<string, string[]> = {};
        const msgIds = new Set<string>();
        for (let i = 0; i < 4; i++) {
          for (const to of ['2', '3']) {
            const { message } = await saveMessage(store.messages, send('1', to, `c${i}-${to}`), [to]);
            (seqs[message.conversationId] ??= []).push(message.seq);
            msgIds.add(message.msgId);
          }
        }
        expect(seqs).toEqual({ 'p:1:2': ['1', '2', '3', '4'], 'p:1:3': ['1', '2', '3', '4'] });
        expect(msgIds.size).toBe(8);
      });

      it('keeps seqs contiguous and cursors distinct under 50 concurrent saves', async () => {
        const store = await openStore();
        const saved = await Promise.all(
          Array.from({ length: 50 }, (_, i) => saveMessage(store.messages, send('1', '3', `c${i}`), ['3'])),
        );
        const seqs = saved.map((s) => Number(s.message.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(new Set(saved.map((s) => s.message.msgId)).size).toBe(50);
        expect(new Set(saved.map((s) => s.cursors['3'])).size).toBe(50);

        const page = await store.messages.sync('3', '0', 100);
        if (page.expired) throw new Error('stream expired');
        expect(page.entries).toHaveLength(50);
        expect(increasing(cursorsOf(page.entries))).toBe(true);
        expect(page.entries.map((e) => e.message.msgId).sort()).toEqual(saved.map((s) => s.message.msgId).sort());
      });

      it('gives each recipient growing cursors, also within one millisecond and across time', async () => {
        const store = await openStore();
        const cursors: bigint[] = [];
        for (let i = 0; i < 5; i++)
          cursors.push(BigInt((await saveMessage(store.messages, send('1', '2', `same-ms-${i}`), ['2'])).cursors['2']));
        clock += 1;
        cursors.push(BigInt((await saveMessage(store.messages, send('1', '2', 'next-ms'), ['2'])).cursors['2']));
        clock += 10 * MINUTE;
        cursors.push(BigInt((await saveMessage(store.messages, send('3', '2', 'later'), ['2'])).cursors['2']));
        expect(increasing(cursors)).toBe(true);
        expect(cursors.every((c) => c <= BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
        expect(await store.messages.latestCursor('2')).toBe(String(cursors.at(-1)));
      });

      it('stores a message once per recipient even when a recipient is listed twice', async () => {
        const store = await openStore();
        const saved = await saveMessage(store.messages, send('1', '2', 'c1'), ['2', '2', '1']);
        expect(Object.keys(saved.cursors).sort()).toEqual(['1', '2']);
        const page = await store.messages.sync('2', '0', 10);
        expect(page.expired === false && page.entries.length).toBe(1);
      });

      it('stores a message to a large group in the stream of every member, and a retry changes nothing', async () => {
        const store = await openStore();
        // More members than one script call takes (Redis splits the appends into batches).
        const members = Array.from({ length: 1_200 }, (_, i) => String(i + 1));
        const message: NewMessage = {
          conversationId: 'g:7',
          fromUserId: '1',
          fromUserName: 'user1',
          to: { groupId: '7' },
          body: 'all',
          clientMsgId: 'big',
        };
        // What a save in parts yields may be pushed at once: every member exactly once, at its cursor.
        const reported: Record<string, string>[] = [];
        const save = store.messages.save(message, members);
        let step = await save.next();
        for (; !step.done; step = await save.next()) {
          expect(step.value.message.msgId).toBeTruthy();
          reported.push(step.value.cursors);
        }
        const saved = step.value;
        expect(Object.keys(saved.cursors)).toHaveLength(members.length);
        expect(reported.flatMap((part) => Object.keys(part))).toHaveLength(members.length);
        expect(Object.assign({}, ...reported)).toEqual(saved.cursors);
        for (const userId of ['1', '600', '1200']) {
          const page = await store.messages.sync(userId, '0', 10);
          expect(page).toEqual({
            expired: false,
            entries: [{ cursor: saved.cursors[userId], message: saved.message }],
            hasMore: false,
          });
        }
        // A retry stores nothing new: nothing to yield (the caller pushes the first answer again).
        const retry = store.messages.save(message, members);
        expect(await retry.next()).toEqual({ done: true, value: { ...saved, duplicate: true } });
        expect((await store.messages.sync('1200', saved.cursors['1200'], 10)).expired).toBe(false);
      });

      it('answers a retry with the first answer and stores nothing new', async () => {
        const store = await openStore();
        const first = await saveMessage(store.messages, send('1', '2', 'retry-me', 'first body'), ['2', '1']);
        clock += 5000;
        const retry = await saveMessage(store.messages, send('1', '2', 'retry-me', 'changed body'), ['2', '1']);
        expect(retry).toEqual({ ...first, duplicate: true });
        expect(await store.messages.latestCursor('2')).toBe(first.cursors['2']);
        const page = await store.messages.sync('2', '0', 10);
        expect(page.expired === false && page.entries.map((e) => e.message)).toEqual([first.message]);
        expect((await saveMessage(store.messages, send('1', '2', 'next'), ['2'])).message.seq).toBe('2');
      });

      it('keys idempotency on the sender: another user may use the same clientMsgId', async () => {
        const store = await openStore();
        const mine = await saveMessage(store.messages, send('1', '3', 'c1'), ['3']);
        const theirs = await saveMessage(store.messages, send('2', '3', 'c1'), ['3']);
        expect(theirs.duplicate).toBe(false);
        expect(theirs.message.msgId).not.toBe(mine.message.msgId);
      });

      it('stores a send once when its retries race each other', async () => {
        const store = await openStore();
        const answers = await Promise.all(
          Array.from({ length: 6 }, () => saveMessage(store.messages, send('1', '2', 'racy'), ['2'])),
        );
        expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
        for (const a of answers) {
          expect(a.message).toEqual(answers[0].message);
          expect(a.cursors).toEqual(answers[0].cursors);
        }
        expect(answers[0].message.seq).toBe('1');
        const page = await store.messages.sync('2', '0', 10);
        expect(page.expired === false && page.entries).toHaveLength(1);
      });

      it('saves a batch of messages as one by one saves would, each with its own answer', async () => {
        const store = await openStore();
        const earlier = await saveMessage(store.messages, send('1', '2', 'sent-before'), ['2', '1']);
        const results = await store.messages.saveBatch([
          { message: send('1', '2', 'b1'), recipientUserIds: ['2', '1'] },
          { message: send('3', '2', 'b2'), recipientUserIds: ['2', '3'] },
          { message: send('1', '2', 'sent-before', 'changed body'), recipientUserIds: ['2', '1'] },
          { message: send('1', '2', 'b3'), recipientUserIds: ['2', '1'] },
          { message: send('1', '2', 'b1'), recipientUserIds: ['2', '1'] },
        ]);
        const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
        expect(answers.map((a: SavedMessage) => [a.message.clientMsgId, a.message.seq, a.duplicate])).toEqual([
          ['b1', '2', false],
          ['b2', '1', false],
          ['sent-before', '1', true],
          ['b3', '3', false],
          ['b1', '2', true],
        ]);
        expect(answers[2]).toEqual({ ...earlier, duplicate: true });
        expect(answers[4]).toEqual({ ...answers[0], duplicate: true });
        // Saves of different conversations may be stored in any order; one conversation's, in batch order.
        const page = await store.messages.sync('2', '0', 10);
        const entries = page.expired ? [] : page.entries;
        expect(entries.filter((e) => e.message.conversationId === 'p:1:2').map((e) => e.message.clientMsgId)).toEqual([
          'sent-before',
          'b1',
          'b3',
        ]);
        for (const answer of [earlier, answers[1], answers[3]])
          expect(entries).toContainEqual({ cursor: answer.cursors['2'], message: answer.message });
        expect(entries).toHaveLength(4);
        expect(await store.messages.get(answers[3].message.msgId)).toEqual(answers[3].message);
        expect(await store.receipts.conversationsOf('1', 10)).toEqual([
          { conversationId: 'p:1:2', lastSeq: '3', readSeq: '3' },
        ]);
      });

      it('saves a batch mixing a large group message with private ones, each once', async () => {
        const store = await openStore();
        const members = Array.from({ length: 1200 }, (_, i) => String(i + 1));
        const group = { ...send('1', '2', 'big'), conversationId: 'g:7', to: { groupId: '7' } };
        const results = await store.messages.saveBatch([
          { message: send('1', '2', 'p1'), recipientUserIds: ['2', '1'] },
          { message: group, recipientUserIds: members },
          { message: send('2', '1', 'p2'), recipientUserIds: ['1', '2'] },
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
        const saved = results.map((r) => (r as PromiseFulfilledResult<SavedMessage>).value);
        expect(Object.keys(saved[1].cursors)).toHaveLength(1200);
        expect(saved.map((s) => [s.message.conversationId, s.message.seq])).toEqual([
          ['p:1:2', '1'],
          ['g:7', '1'],
          ['p:1:2', '2'],
        ]);
        const last = await store.messages.sync('1200', '0', 10);
        expect(last.expired === false && last.entries.map((e) => e.message.clientMsgId)).toEqual(['big']);
        const first = await store.messages.sync('1', '0', 10);
        expect(first.expired === false && first.entries.map((e) => e.message.clientMsgId).sort()).toEqual([
          'big',
          'p1',
          'p2',
        ]);
      });

      it('pages through a stream oldest first, with hasMore', async () => {
        const store = await openStore();
        const sent: string[] = [];
        for (let i = 0; i < 5; i++) {
          sent.push(
            (await saveMessage(store.messages, send(String(i % 2 === 0 ? 1 : 3), '2', `c${i}`), ['2'])).message.msgId,
          );
          clock += 10;
        }
        const received: string[] = [];
        const hasMores: boolean[] = [];
        let after = '0';
        for (;;) {
          const page = await store.messages.sync('2', after, 2);
          if (page.expired) throw new Error('stream expired');
          hasMores.push(page.hasMore);
          received.push(...page.entries.map((e) => e.message.msgId));
          if (page.entries.length === 0) break;
          after = page.entries.at(-1)!.cursor;
        }
        expect(received).toEqual(sent);
        expect(hasMores).toEqual([true, true, false, false]);
        expect(after).toBe(await store.messages.latestCursor('2'));
      });

      it('syncs an empty stream as empty, not expired', async () => {
        const store = await openStore();
        expect(await store.messages.sync('42', '0', 10)).toEqual({ expired: false, entries: [], hasMore: false });
        expect(await store.messages.latestCursor('42')).toBe('0');
      });

      it('says the cursor expired when messages after it fell out of the retention', async () => {
        const store = await openStore({ retentionMs: 10 * MINUTE });
        const old = await saveMessage(store.messages, send('1', '2', 'old'), ['2']);
        clock += 6 * MINUTE;
        const recent = await saveMessage(store.messages, send('1', '2', 'recent'), ['2']);
        clock += 5 * MINUTE;
        // "old" is now 11 minutes old: a reader that was before it has a gap it must be told about…
        expect(await store.messages.sync('2', String(BigInt(old.cursors['2']) - 1n), 10)).toEqual({ expired: true });
        // …but a device starting from nothing (cursor 0) simply gets everything still kept.
        expect(await store.messages.sync('2', '0', 10)).toEqual({
          expired: false,
          entries: [{ cursor: recent.cursors['2'], message: recent.message }],
          hasMore: false,
        });
        // A reader that had seen it misses nothing.
        expect(await store.messages.sync('2', old.cursors['2'], 10)).toEqual({
          expired: false,
          entries: [{ cursor: recent.cursors['2'], message: recent.message }],
          hasMore: false,
        });
        clock += 60 * MINUTE;
        expect(await store.messages.sync('2', old.cursors['2'], 10)).toEqual({ expired: true });
        expect(await store.messages.sync('2', recent.cursors['2'], 10)).toEqual({
          expired: false,
          entries: [],
          hasMore: false,
        });
        expect(await store.messages.latestCursor('2')).toBe(recent.cursors['2']);
      });

      it('tells a reader behind a lost message that its cursor expired, and never skips it silently', async () => {
        const store = await openStore();
        const first = await saveMessage(store.messages, send('1', '2', 'first'), ['2']);
        const lost = await saveMessage(store.messages, send('1', '2', 'lost'), ['2', '3']);
        const next = await saveMessage(store.messages, send('1', '2', 'next'), ['2', '3']);
        await loseMessage(store, lost.message.msgId);
        const nextFor = (userId: string) => ({
          expired: false,
          entries: [{ cursor: next.cursors[userId], message: next.message }],
          hasMore: false,
        });

        // A reader that had the lost message misses nothing.
        expect(await store.messages.sync('2', lost.cursors['2'], 10)).toEqual(nextFor('2'));
        // A reader before it is told, every time it asks, not only the first.
        expect(await store.messages.sync('2', first.cursors['2'], 10)).toEqual({ expired: true });
        expect(await store.messages.sync('2', first.cursors['2'], 1)).toEqual({ expired: true });
        // A device starting from nothing gets everything after the gap; a page is never emptied by
        // the gap while more follows.
        expect(await store.messages.sync('3', '0', 1)).toEqual(nextFor('3'));
        expect(await store.messages.sync('2', '0', 10)).toEqual(nextFor('2'));
        expect(await store.messages.latestCursor('2')).toBe(next.cursors['2']);
      });

      it('keeps cursors growing after everything was trimmed', async () => {
        const store = await openStore({ retentionMs: MINUTE });
        const before = await saveMessage(store.messages, send('1', '2', 'a'), ['2']);
        clock += 2 * MINUTE;
        const after = await saveMessage(store.messages, send('1', '2', 'b'), ['2']);
        expect(BigInt(after.cursors['2'])).toBeGreaterThan(BigInt(before.cursors['2']));
        expect(await store.messages.sync('2', before.cursors['2'], 10)).toMatchObject({
          expired: false,
          entries: [{ cursor: after.cursors['2'] }],
        });
      });

      it('refuses a cursor that is not a decimal integer and a limit below 1', async () => {
        const store = await openStore();
        for (const bad of ['', '-1', '1.5', 'abc', '1e9', '99999999999999999999']) {
          await expect(store.messages.sync('1', bad, 10)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
        }
        await expect(store.messages.sync('1', '0', 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      });
    });

    const context: ContractContext = {
      openStore,
      advance: (ms) => {
        clock += ms;
      },
    };
    describeGroupContract(context);
    describeLargeGroupContract(context);
    describeMessageStateContract(context);
    describeDelayedMessageContract(context);
    describeRateLimitContract(context);

    it('answers ping while open', async () => {
      const store = await openStore();
      expect(await store.ping()).toBe(true);
    });
  });
}
