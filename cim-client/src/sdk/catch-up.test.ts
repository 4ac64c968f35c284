import { describe, expect, it } from 'vitest';
import { CimError, ErrorCodes, type SyncAnswer } from '@cim/common/client';
import { chatMessage } from '../../../test/support/chat-message.js';
import { AckScheduler } from './acks.js';
import { CatchUp } from './catch-up.js';
import type { CimClientEvents } from './client-options.js';
import { Emitter } from './emitter.js';
import { MessageSequencer } from './message-sequencer.js';
import type { PortableRouteApi } from './route-api.js';
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
 * throw); `beforeAnswer(call)` runs as a call comes in, e.g. to push a message live meanwhile.
 */
function receivePath(answers: (SyncAnswer | Error)[], beforeAnswer: (call: number, catchUp: CatchUp) => void) {
  const shown: string[] = [];
  const sequencer = new MessageSequencer<{ cursor: string; synced: boolean }>((m, meta) =>
    shown.push(`${m.conversationId}#${m.seq} ${meta.synced ? 'synced' : 'live'}`),
  );
  const events = new Emitter<CimClientEvents>();
  events.on('error', () => {});
  let calls = 0;
  const api = {
    sync: async () => {
      const answer = answers[calls];
      beforeAnswer(calls++, catchUp);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as PortableRouteApi;
  const catchUp: CatchUp = new CatchUp({
    api,
    syncState: new SyncState(),
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
