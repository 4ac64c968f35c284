import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './codec/types.js';
import { CimError, ErrorCodes, errorFromWire } from './errors.js';
import { eventsRequestSchema, pushRequestSchema, requireClusterSecret } from './internal-protocol.js';

const message: ChatMessage = {
  msgId: '1',
  conversationId: 'p:1:2',
  seq: '1',
  fromUserId: '1',
  fromUserName: 'alice',
  to: { userId: '2' },
  body: 'hi',
  ts: '1700000000000',
  clientMsgId: 'c-1',
};

describe('the push request a push server accepts', () => {
  it('takes deliveries, broadcasts, frames and kicks as the route sends them', () => {
    const request = {
      deliveries: [{ message, targets: [{ userId: '2', cursor: '18446744073709551615', sessionIds: ['s-1'] }] }],
      broadcasts: [{ ...message, to: { broadcast: true } }],
      frames: [{ frame: { kick: { reason: 'bye' } }, userIds: ['2'], deviceId: 'phone' }],
      kicks: [
        { userId: '2', deviceId: 'phone', sessionId: 's-1', reason: 'catch-up failed', code: ErrorCodes.UNAVAILABLE },
      ],
    };
    expect(pushRequestSchema.parse(request)).toEqual(request);
  });

  it('refuses a cursor that is not a decimal uint64, a frame that is not an object and a kick code outside the table', () => {
    const delivery = (cursor: string) => ({ deliveries: [{ message, targets: [{ userId: '2', cursor }] }] });
    for (const cursor of ['18446744073709551616', '-1', '01', 'x']) {
      expect(pushRequestSchema.safeParse(delivery(cursor)).success, cursor).toBe(false);
    }
    expect(pushRequestSchema.safeParse({ frames: [{ frame: [], userIds: ['2'] }] }).success).toBe(false);
    const kick = { userId: '2', deviceId: 'phone', sessionId: 's-1', reason: 'r', code: 'CIM_ERR_NO_SUCH_CODE' };
    expect(pushRequestSchema.safeParse({ kicks: [kick] }).success).toBe(false);
  });
});

describe('the event batch a route accepts', () => {
  it('checks the batch and leaves each event to its handler, so one bad event does not refuse the others', () => {
    const events = [{ type: 'ack', cursor: 'not a cursor' }, { type: 'bogus' }];
    expect(eventsRequestSchema.parse({ serverId: 'srv-1', events }).events).toEqual(events);
  });

  it('refuses a batch without a server id, without an events array, or with an event that has no type', () => {
    for (const body of [
      { events: [] },
      { serverId: 'srv-1', events: {} },
      { serverId: 'srv-1', events: [{}] },
      { serverId: 'srv-1', events: [null] },
      null,
    ]) {
      expect(eventsRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });
});

describe('the cluster-secret check of both internal APIs', () => {
  const check = requireClusterSecret('cluster-secret-1');
  const outcome = (authorization: string | undefined): unknown => {
    let passed: unknown = 'not called';
    check({ headers: { authorization } }, undefined, (err) => (passed = err));
    return passed;
  };

  it('lets the cluster secret through as a bearer token', () => {
    expect(outcome('Bearer cluster-secret-1')).toBeUndefined();
  });

  it('answers everything else with CIM_ERR_UNAUTHORIZED', () => {
    for (const authorization of [
      undefined,
      '',
      'Bearer ',
      'Bearer cluster-secret-2',
      'Bearer cluster-secret-1x',
      'cluster-secret-1',
      'Basic cluster-secret-1',
    ]) {
      expect(outcome(authorization), String(authorization)).toMatchObject({
        code: ErrorCodes.UNAUTHORIZED,
        httpStatus: 401,
      });
    }
  });
});

describe('errors a peer sends', () => {
  it('keep a code of the table and turn an unknown one into CIM_ERR_INTERNAL naming it', () => {
    expect(errorFromWire({ code: ErrorCodes.SESSION_ENDED, message: 'logged out' })).toMatchObject({
      code: ErrorCodes.SESSION_ENDED,
      message: 'logged out',
    });
    const unknown = errorFromWire({ code: 'CIM_ERR_FROM_THE_FUTURE', message: 'new' });
    expect(unknown).toBeInstanceOf(CimError);
    expect(unknown).toMatchObject({ code: ErrorCodes.INTERNAL, message: 'CIM_ERR_FROM_THE_FUTURE: new' });
  });
});
