import { describe, expect, it } from 'vitest';
import { InboundRate } from './inbound-rate.js';

describe('the inbound frame rate of one connection', () => {
  const settings = { inboundFramesPerSec: 10, inboundFrameBurst: 3 };

  it('makes frames past the budget wait for the next token instead of refusing them', () => {
    let now = 0;
    const rate = new InboundRate(settings, () => now);
    expect([rate.admit('send'), rate.admit('ack'), rate.admit('read')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(rate.admit('send')).toEqual({ waitMs: 100 });
    now = 100;
    expect(rate.admit('send')).toEqual({ ok: true });
  });

  it('refuses a Ping past its budget with CIM_ERR_RATE_LIMITED', () => {
    const rate = new InboundRate(settings, () => 0);
    for (let i = 0; i < 3; i++) expect(rate.admit('ping')).toEqual({ ok: true });
    const verdict = rate.admit('ping');
    expect(verdict).toMatchObject({ refuse: { code: 'CIM_ERR_RATE_LIMITED' } });
  });

  it('keeps Pings and other frames apart: a busy sender still has its heartbeat', () => {
    const rate = new InboundRate(settings, () => 0);
    for (let i = 0; i < 3; i++) rate.admit('send');
    expect(rate.admit('send')).toHaveProperty('waitMs');
    expect(rate.admit('ping')).toEqual({ ok: true });
  });
});
