import { describe, expect, it } from 'vitest';
import { decimalCursorSchema, decimalIdSchema, isDecimalCursor, isDecimalId } from './decimal.js';

const MAX_UINT64 = (2n ** 64n - 1n).toString();
const OVER_UINT64 = (2n ** 64n).toString();

describe('decimal ids and cursors', () => {
  it('accept one spelling per number, up to 2^64 - 1', () => {
    for (const value of ['1', '42', '9007199254740993', MAX_UINT64]) {
      expect(isDecimalId(value), value).toBe(true);
      expect(isDecimalCursor(value), value).toBe(true);
    }
  });

  it('take 0 as a cursor ("from the start") but not as an id', () => {
    expect(isDecimalCursor('0')).toBe(true);
    expect(isDecimalId('0')).toBe(false);
  });

  it('refuse other spellings, numbers past 64 bits and values that are not strings', () => {
    for (const value of [
      '',
      '00',
      '007',
      '-1',
      '+1',
      ' 1',
      '1 ',
      '1e3',
      '0x10',
      '1.0',
      '１',
      OVER_UINT64,
      '9'.repeat(21),
    ]) {
      expect(isDecimalId(value), value).toBe(false);
      expect(isDecimalCursor(value), value).toBe(false);
    }
    for (const value of [1, 0, null, undefined, ['1'], { toString: () => '1' }]) {
      expect(isDecimalCursor(value)).toBe(false);
    }
  });

  it("are the same rule in schemas, with the caller's message", () => {
    for (const schema of [decimalIdSchema('id please'), decimalCursorSchema('cursor please')]) {
      expect(schema.safeParse(MAX_UINT64).success).toBe(true);
      for (const value of [OVER_UINT64, 'x'.repeat(20), '007', '']) {
        const result = schema.safeParse(value);
        expect(result.success, value).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/please$/);
      }
    }
    expect(decimalCursorSchema().safeParse('0').success).toBe(true);
    expect(decimalIdSchema().safeParse('0').success).toBe(false);
  });
});
