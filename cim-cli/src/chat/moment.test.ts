import { describe, expect, it } from 'vitest';
import { formatMoment } from './moment.js';

const at = (day: number, hours: number, minutes: number, seconds = 0) =>
  new Date(2025, 0, day, hours, minutes, seconds).getTime();

describe('formatMoment', () => {
  it('is the local time alone on the same day', () => {
    expect(formatMoment(at(2, 9, 5, 7), at(2, 23, 0))).toBe('09:05');
    expect(formatMoment(at(2, 9, 5, 7), at(2, 0, 0), { seconds: true })).toBe('09:05:07');
  });

  it('puts the date in front on another day', () => {
    expect(formatMoment(at(1, 23, 59), at(2, 0, 1))).toBe('2025-01-01 23:59');
    expect(formatMoment(at(3, 0, 0, 1), at(2, 12, 0), { seconds: true })).toBe('2025-01-03 00:00:01');
  });
});
