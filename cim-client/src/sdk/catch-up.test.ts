import { describe, expect, it } from 'vitest';
import { CimError, ErrorCodes } from '@cim/common/client';
import { chatMessage } from '../../../test/support/chat-message.js';
import { waitFor } from '../../../devkit/wait-for.js';
import { AckScheduler } from './acks.js';
import { CatchUp } from './catch-up.js';
import type { CimClientEvents } from './client-options.js';
import { Emitter } from './emitter.js';
import { MessageSequencer } from './message-sequencer.js';
import type { ConversationPage, PortableRouteApi, SyncAnswer } from './route-api.js';
import { SyncState } from './sync-state.js';
import type { Transport, TransportEvents } from './transport.js';

/*
 * The receive path against a stand-in route: live pushes arrive while the catch-up's pages are
 * still on their way, and what is shown must be each conversation in seq order.
 */

const entry = (conversationId: string, seq: number) => ({
  message: chatMessage(conversationId, seq),
  cursor: String(seq * 1024),
});

/**
 * A CatchUp whose route answers each sync call with the next of `answers` (a page, or an error to
 * throw), and each call for a large group's messages with the next of that group's `groupPages`;
 * `beforeAnswer(call)` runs as a call (of either kind, counted together) comes in, e.g. to push a
 * message live meanwhile.
 */
function receivePath(
  answers: (SyncAnswer | Error)[],
  beforeAnswer: (call: number, catchUp: CatchUp) => void,
  groupPages: Record<string, ConversationPage[]> = {},
) {
  const shown: string[] = [];
  const expired: string[] = [];
  const groupCalls: string[] = [];
  const syncState = new SyncState();
  const sequencer = new MessageSequencer<{ cursor: string; synced: boolean }>((m, meta) =>
    shown.push(`${m.conversationId}#${m.seq} ${meta.synced ? 'synced' : 'live'}`),
  );
  const events = new Emitter<CimClientEvents>();
  events.on('error', () => {});
  events.on('cursorExpired', (e) => expired.push(e?.conversationId ?? 'stream'));
  let calls = 0;
  let syncCalls = 0;
  const api = {
    sync: async () => {
      const answer = answers[syncCalls++];
      beforeAnswer(calls++, catchUp);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    messagesAfter: async (conversationId: string, afterSeq: string) => {
      groupCalls.push(`${conversationId} after ${afterSeq}`);
      beforeAnswer(calls++, catchUp);
      return groupPages[conversationId]?.shift() ?? { messages: [], expired: false };
    },
  } as unknown as PortableRouteApi;
  const catchUp: CatchUp = new CatchUp({
    api,
    syncState,
    sequencer,
    acks: new AckScheduler(() => {}),
    events,
    pageSize: 1,
    retryMinMs: 1,
    retryMaxMs: 1,
    saveSyncState: async () => {},
  });
  let connection = new Emitter<TransportEvents>() as unknown as Transport;
  return {
    shown,
    sequencer,
    expired,
    groupCalls,
    syncState,
    catchUp,
    run: () => catchUp.run(connection),
    /** The connection goes away; the next `run` is on a new one. */
    loseConnection: () => {
      connection.emit('close', undefined);
      connection = new Emitter<TransportEvents>() as unknown as Transport;
    },
  };
}

describe('CatchUp', () => {
  it('shows a live push that arrived during the catch-up after the older messages the catch-up still had of its conversation', async () => {
    const { shown, catchUp, run } = receivePath(
      [
        { messages: [entry('g:9', 3)], cursor: String(3 * 1024), hasMore: true },
        { messages: [entry('g:9', 4)], cursor: String(4 * 1024), hasMore: false },
      ],
      (call) => {
        if (call === 1) catchUp.deliver(chatMessage('g:9', 5), String(5 * 1024));
      },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual(['g:9#3 synced', 'g:9#4 synced', 'g:9#5 live']);
  });

  it('keeps holding that live push when a catch-up attempt fails and shows it after the older messages its retry brings', async () => {
    const { shown, catchUp, run } = receivePath(
      [
        new CimError(ErrorCodes.UNAVAILABLE, 'route restarting'),
        { messages: [entry('g:9', 3), entry('g:9', 4)], cursor: String(4 * 1024), hasMore: false },
      ],
      (call) => {
        if (call === 0) catchUp.deliver(chatMessage('g:9', 5), String(5 * 1024));
      },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual(['g:9#3 synced', 'g:9#4 synced', 'g:9#5 live']);
  });

  it("keeps holding that live push when the connection goes away mid-catch-up, until the next connection's catch-up", async () => {
    const { shown, catchUp, run, loseConnection } = receivePath(
      [
        new CimError(ErrorCodes.CLOSED, 'connection closed'),
        { messages: [entry('g:9', 3), entry('g:9', 4)], cursor: String(4 * 1024), hasMore: false },
      ],
      (call) => {
        if (call !== 0) return;
        catchUp.deliver(chatMessage('g:9', 5), String(5 * 1024));
        loseConnection();
      },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual([]);
    catchUp.begin();
    await run();
    expect(shown).toEqual(['g:9#3 synced', 'g:9#4 synced', 'g:9#5 live']);
  });

  it('shows the live pushes of a conversation the catch-up had nothing of once it is done, in seq order', async () => {
    const { shown, catchUp, run } = receivePath(
      [{ messages: [entry('p:1:2', 8)], cursor: String(8 * 1024), hasMore: false }],
      (call) => {
        if (call !== 0) return;
        catchUp.deliver(chatMessage('g:9', 6), String(6 * 1024));
        catchUp.deliver(chatMessage('g:9', 5), String(5 * 1024));
      },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual(['p:1:2#8 synced', 'g:9#5 live', 'g:9#6 live']);
  });
});

describe('CatchUp: large groups (their messages are not in the stream, and come live without a cursor)', () => {
  const lastPage = (largeGroups: SyncAnswer['largeGroups']): SyncAnswer => ({
    messages: [],
    cursor: '0',
    hasMore: false,
    largeGroups,
  });
  const page = (conversationId: string, seqs: number[], expired = false): ConversationPage => ({
    messages: seqs.map((seq) => chatMessage(conversationId, seq)),
    expired,
  });

  it('reads each large group after the stream from its fromSeq to its listed seq, never moving the stream cursor', async () => {
    const { shown, groupCalls, syncState, catchUp, run } = receivePath(
      [
        {
          messages: [entry('p:1:2', 1)],
          cursor: '1024',
          hasMore: false,
          largeGroups: [{ conversationId: 'g:L', seq: '5', fromSeq: '2' }],
        },
      ],
      () => {},
      { 'g:L': [page('g:L', [3, 4]), page('g:L', [5])] },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual(['p:1:2#1 synced', 'g:L#3 synced', 'g:L#4 synced', 'g:L#5 synced']);
    expect(groupCalls).toEqual(['g:L after 2', 'g:L after 4']);
    expect(syncState.cursor).toBe('1024');
    expect(syncState.largeGroups.seq('g:L')).toBe('5');
  });

  it('shows a live push racing the group catch-up after the older messages the catch-up brings', async () => {
    const { shown, syncState, catchUp, run } = receivePath(
      [lastPage([{ conversationId: 'g:L', seq: '6', fromSeq: '0' }])],
      (call) => {
        if (call === 0) catchUp.deliver(chatMessage('g:L', 7), '0');
        // Pushed while the group's page is on its way, and in that page too.
        if (call === 1) catchUp.deliver(chatMessage('g:L', 6), '0');
      },
      { 'g:L': [page('g:L', [5, 6])] },
    );
    catchUp.begin();
    await run();
    expect(shown).toEqual(['g:L#5 synced', 'g:L#6 live', 'g:L#7 live']);
    expect(syncState.largeGroups.seq('g:L')).toBe('7');
    expect(syncState.cursor).toBe('0');
  });

  it('fills a gap in live pushes at once by reading the group from its position, showing each message once', async () => {
    const { shown, syncState, groupCalls, catchUp, run } = receivePath(
      [lastPage([{ conversationId: 'g:L', seq: '4', fromSeq: '0' }])],
      () => {},
      { 'g:L': [page('g:L', [1, 2, 3, 4]), page('g:L', [6, 7])] },
    );
    catchUp.begin();
    await run();
    catchUp.deliver(chatMessage('g:L', 5), '0');
    // 6 was pushed to this device later (a failed push retried) or not at all.
    catchUp.deliver(chatMessage('g:L', 7), '0');
    await waitFor(() => shown.length === 7, { message: 'the gap filled' });
    expect(shown).toEqual([...[1, 2, 3, 4].map((s) => `g:L#${s} synced`), 'g:L#5 live', 'g:L#6 synced', 'g:L#7 live']);
    expect(groupCalls).toEqual(['g:L after 0', 'g:L after 5']);
    expect(syncState.largeGroups.seq('g:L')).toBe('7');
  });

  it('catches up again on a live push of a large group it has no position in (just joined): what raced the push comes first', async () => {
    const listed = lastPage([{ conversationId: 'g:New', seq: '26', fromSeq: '22' }]);
    const { shown, syncState, catchUp, run } = receivePath(
      [lastPage([]), listed, listed],
      () => {},
      // 23 and 24 were sent as the device was being added: never pushed to it.
      { 'g:New': [page('g:New', [23, 24, 25, 26])] },
    );
    catchUp.begin();
    await run();
    catchUp.deliver(chatMessage('g:New', 25), '0');
    catchUp.deliver(chatMessage('g:New', 26), '0');
    await waitFor(() => shown.length === 4, { message: 'the group caught up' });
    expect(shown).toEqual(['g:New#23 synced', 'g:New#24 synced', 'g:New#25 live', 'g:New#26 live']);
    expect(syncState.largeGroups.seq('g:New')).toBe('26');
  });

  it('reads a gap again while its message is still being written', async () => {
    const { shown, groupCalls, catchUp, run } = receivePath(
      [lastPage([{ conversationId: 'g:L', seq: '1', fromSeq: '0' }])],
      () => {},
      { 'g:L': [page('g:L', [1]), page('g:L', []), page('g:L', [2, 3])] },
    );
    catchUp.begin();
    await run();
    catchUp.deliver(chatMessage('g:L', 3), '0');
    await waitFor(() => shown.length === 3, { message: 'the gap filled' });
    expect(shown).toEqual(['g:L#1 synced', 'g:L#2 synced', 'g:L#3 live']);
    expect(groupCalls).toEqual(['g:L after 0', 'g:L after 1', 'g:L after 1']);
  });

  it('drops a message of a large group pushed again once its position has passed it (a retried send), also in a new run', async () => {
    const { shown, sequencer, syncState, catchUp } = receivePath([], () => {});
    // A new run: the saved position has everything up to 8, which was shown last.
    syncState.largeGroups.startCatchUp('g:L', '8');
    sequencer.resume(new Map([['g:L', '8']]));
    catchUp.deliver(chatMessage('g:L', 8), '0');
    catchUp.deliver(chatMessage('g:L', 9), '0');
    expect(shown).toEqual(['g:L#9 live']);
  });

  it('reports an expired page naming the group and goes on from the oldest kept message', async () => {
    const { shown, expired, syncState, catchUp, run } = receivePath(
      [lastPage([{ conversationId: 'g:L', seq: '11', fromSeq: '0' }])],
      () => {},
      { 'g:L': [page('g:L', [10, 11], true)] },
    );
    syncState.largeGroups.startCatchUp('g:L', '1');
    catchUp.deliver(chatMessage('g:L', 2), '0');
    catchUp.begin();
    await run();
    expect(expired).toEqual(['g:L']);
    // Not held waiting for seqs 3 to 9, which will never come.
    expect(shown).toEqual(['g:L#2 live', 'g:L#10 synced', 'g:L#11 synced']);
    expect(syncState.largeGroups.seq('g:L')).toBe('11');
  });

  it('shows the next live push of a group the catch-up had nothing new of at once, though nothing of it was shown', async () => {
    const { shown, catchUp, run } = receivePath(
      [lastPage([{ conversationId: 'g:L', seq: '40', fromSeq: '40' }])],
      () => {},
    );
    catchUp.begin();
    await run();
    catchUp.deliver(chatMessage('g:L', 41), '0');
    expect(shown).toEqual(['g:L#41 live']);
  });

  it('drops the position of a group the user is no longer in, and keeps all when an older route lists none', async () => {
    const { syncState, catchUp, run, loseConnection } = receivePath(
      [{ messages: [], cursor: '0', hasMore: false }, lastPage([{ conversationId: 'g:B', seq: '0', fromSeq: '0' }])],
      () => {},
    );
    syncState.largeGroups.startCatchUp('g:A', '3');
    syncState.largeGroups.startCatchUp('g:B', '0');
    catchUp.begin();
    await run();
    expect(syncState.largeGroups.conversationIds()).toEqual(['g:A', 'g:B']);
    loseConnection();
    catchUp.begin();
    await run();
    expect(syncState.largeGroups.conversationIds()).toEqual(['g:B']);
  });
});
