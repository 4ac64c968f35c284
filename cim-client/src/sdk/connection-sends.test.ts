import { CimError, ErrorCodes, type Frame } from '@cim/common/client';
import { describe, expect, it } from 'vitest';
import { ConnectionSends, retryOverHttp } from './send-path.js';
import type { Transport } from './transport.js';

/** A connection that records the frames written to it. */
function recordingConnection(): { connection: Transport; written: Frame[] } {
  const written: Frame[] = [];
  return { connection: { send: (frame: Frame) => written.push(frame) } as unknown as Transport, written };
}

const to = { userId: '2' };

function result(requestId: number, clientMsgId: string, seq: string): Extract<Frame, { sendResult: unknown }> {
  return { requestId, sendResult: { clientMsgId, msgId: `m${seq}`, conversationId: 'p:1:2', seq, ts: '1' } };
}

describe('sends over the push server connection', () => {
  it('answers each send with the SendResult carrying its requestId, whatever the order of the answers', async () => {
    const sends = new ConnectionSends();
    const { connection, written } = recordingConnection();
    const first = sends.send(connection, { clientMsgId: 'a', to, body: 'one' });
    const second = sends.send(connection, { clientMsgId: 'b', to, body: 'two' });
    const [idA, idB] = written.map((frame) => frame.requestId!);
    expect(idA).not.toBe(idB);
    sends.answer(result(idB, 'b', '2'));
    sends.answer(result(idA, 'a', '1'));
    await expect(first).resolves.toMatchObject({ clientMsgId: 'a', seq: '1' });
    await expect(second).resolves.toMatchObject({ clientMsgId: 'b', seq: '2' });
  });

  it("turns a SendResult's error into a CimError with its code, which is not retried over HTTP", async () => {
    const sends = new ConnectionSends();
    const { connection, written } = recordingConnection();
    const sent = sends.send(connection, { clientMsgId: 'a', to, body: 'x' });
    sends.answer({
      requestId: written[0].requestId,
      sendResult: {
        clientMsgId: 'a',
        msgId: '0',
        conversationId: '',
        seq: '0',
        ts: '0',
        error: { code: ErrorCodes.RATE_LIMITED, message: 'slow down' },
      },
    });
    const err = await sent.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CimError);
    expect((err as CimError).code).toBe(ErrorCodes.RATE_LIMITED);
    expect(retryOverHttp(err)).toBe(false);
  });

  it('fails every waiting send with CLOSED when the connection goes away, and those go over HTTP next', async () => {
    const sends = new ConnectionSends();
    const { connection } = recordingConnection();
    const waiting = [1, 2, 3].map((n) =>
      sends.send(connection, { clientMsgId: `c${n}`, to, body: 'x' }).catch((e: unknown) => e),
    );
    sends.failAll();
    for (const err of await Promise.all(waiting)) {
      expect((err as CimError).code).toBe(ErrorCodes.CLOSED);
      expect(retryOverHttp(err)).toBe(true);
    }
  });

  it('fails a send whose caller aborted, and does not retry it over HTTP', async () => {
    const sends = new ConnectionSends();
    const { connection } = recordingConnection();
    const abort = new AbortController();
    const sent = sends.send(connection, { clientMsgId: 'a', to, body: 'x' }, abort.signal).catch((e: unknown) => e);
    abort.abort();
    const err = await sent;
    expect((err as CimError).code).toBe(ErrorCodes.CLOSED);
    expect(retryOverHttp(err, abort.signal)).toBe(false);
  });
});
