import { CimError, ErrorCodes } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { describeError, formatDuration, formatTime } from './format.js';

describe('formatTime', () => {
  it('is HH:MM in local time', () => {
    expect(formatTime(new Date(2025, 0, 2, 9, 5).getTime())).toBe('09:05');
    expect(formatTime(String(new Date(2025, 0, 2, 23, 59).getTime()))).toBe('23:59');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [42_900, '42s'],
    [192_000, '3m 12s'],
    [7_500_000, '2h 5m'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('describeError', () => {
  it('gives the code and message of a CIM error, the message otherwise', () => {
    expect(describeError(new CimError(ErrorCodes.USER_EXISTS, 'taken'))).toBe('CIM_ERR_USER_EXISTS: taken');
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError('text')).toBe('text');
  });

  it('spells out control characters, since a message may quote what someone else sent', () => {
    expect(describeError(new CimError(ErrorCodes.NOT_FOUND, 'no group "\u001b]0;x\u0007"'))).toBe(
      'CIM_ERR_NOT_FOUND: no group "\\u{1b}]0;x\\u{7}"',
    );
    expect(describeError(new Error('a\nb'))).toBe('a\\nb');
  });
});
