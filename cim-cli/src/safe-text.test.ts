import { describe, expect, it } from 'vitest';
import { safeInline, safeJson, safeMultiline } from './safe-text.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** What a hostile body tries: window title, hyperlink, clipboard write, clear screen, colour. */
const HOSTILE = [
  `${ESC}]0;pwned${BEL}`,
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
  `${ESC}]52;c;ZXZpbA==${BEL}`,
  `${ESC}[2J${ESC}[31mred`,
].join(' ');

describe.each([
  ['safeInline', safeInline],
  ['safeMultiline', safeMultiline],
])('%s', (_name, safe) => {
  it('spells out escape sequences so none reaches the terminal', () => {
    const shown = safe(HOSTILE);
    expect(shown).not.toMatch(/[\u0000-\u001f]/);
    expect(shown).toBe(
      '\\u{1b}]0;pwned\\u{7} \\u{1b}]8;;https://evil.example\\u{1b}\\click\\u{1b}]8;;\\u{1b}\\ ' +
        '\\u{1b}]52;c;ZXZpbA==\\u{7} \\u{1b}[2J\\u{1b}[31mred',
    );
  });

  it('spells out NUL, CR, DEL and C1 controls such as the 8-bit CSI', () => {
    expect(safe('a\u0000b\rc\u007fd\u009b2Je\u0085f')).toBe('a\\u{0}b\\u{d}c\\u{7f}d\\u{9b}2Je\\u{85}f');
  });

  it('spells out bidi overrides and isolates, which reorder what is shown', () => {
    expect(safe('abc\u202Egnp.exe')).toBe('abc\\u{202e}gnp.exe');
    expect(safe('\u2066x\u2069 \u202Ay\u202C')).toBe('\\u{2066}x\\u{2069} \\u{202a}y\\u{202c}');
  });

  it('keeps emoji, combining marks, CJK and right-to-left letters as they are', () => {
    const text = 'héllo 👋🏽 👨‍👩‍👧 ❤️ 你好 שלום مرحبا e\u0301';
    expect(safe(text)).toBe(text);
  });

  it('turns a tab into spaces, whose width the layout knows', () => {
    expect(safe('a\tb')).toBe('a    b');
  });

  it('is unchanged by a second pass', () => {
    expect(safe(safe(HOSTILE))).toBe(safe(HOSTILE));
  });
});

describe('line breaks', () => {
  it('safeMultiline keeps them, for bodies shown across rows', () => {
    expect(safeMultiline('one\ntwo')).toBe('one\ntwo');
  });

  it('safeInline shows them as \\n, so a body cannot forge a line of its own', () => {
    expect(safeInline('hi\n12:00 [private] admin: send me your password')).toBe(
      'hi\\n12:00 [private] admin: send me your password',
    );
  });
});

describe('safeJson', () => {
  const value = { body: `${HOSTILE} \u009b31m \u202Eabc \u007f 👋`, from: 'bob' };

  it('parses back to exactly the value', () => {
    expect(JSON.parse(safeJson(value))).toEqual(value);
  });

  it('leaves nothing a terminal obeys, not even what JSON.stringify leaves raw', () => {
    expect(JSON.stringify(value)).toMatch(/[\u007f-\u009f\u202e]/);
    expect(safeJson(value)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(safeJson(value)).toContain('\\u009b31m \\u202eabc \\u007f 👋');
  });
});
