import { describe, expect, it } from 'vitest';
import { bodyTextProblem, nameTextProblem } from './text-rules.js';

describe('bodyTextProblem', () => {
  it('allows line feeds, tabs, emoji and any script', () => {
    expect(bodyTextProblem('line one\n\tline two 👋🏽 你好 שלום')).toBeUndefined();
  });

  it.each([
    ['ESC', '\u001b]0;title\u0007', 'U+001B'],
    ['BEL', 'ding\u0007', 'U+0007'],
    ['NUL', 'a\u0000b', 'U+0000'],
    ['CR', 'over\rwrite', 'U+000D'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['the 8-bit CSI', '\u009b2J', 'U+009B'],
  ])('refuses %s, naming it', (_name, body, codePoint) => {
    expect(bodyTextProblem(body)).toContain(codePoint);
  });
});

describe('nameTextProblem', () => {
  it('allows letters of any script and emoji', () => {
    expect(nameTextProblem('team ✨ équipe 队')).toBeUndefined();
  });

  it.each([
    ['ESC', 'g\u001b]0;x\u0007', 'U+001B'],
    ['a line feed', 'two\nlines', 'U+000A'],
    ['a tab', 'a\tb', 'U+0009'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a right-to-left override', 'admins\u202Egnp', 'U+202E'],
    ['a bidi isolate', '\u2067x\u2069', 'U+2067'],
  ])('refuses %s, naming it', (_name, name, codePoint) => {
    expect(nameTextProblem(name)).toContain(codePoint);
  });
});
