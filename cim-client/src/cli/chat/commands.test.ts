import { describe, expect, it } from 'vitest';
import { COMMANDS, MAX_BODY_BYTES, parseInput } from './commands.js';

describe('parseInput', () => {
  it('sends a plain line to the current target, trimmed', () => {
    expect(parseInput('  hello world  ')).toEqual({ kind: 'message', body: 'hello world' });
  });

  it('ignores blank lines', () => {
    expect(parseInput('')).toEqual({ kind: 'empty' });
    expect(parseInput('   \t ')).toEqual({ kind: 'empty' });
  });

  it('treats a colon not followed by a letter as text', () => {
    expect(parseInput(':)')).toEqual({ kind: 'message', body: ':)' });
    expect(parseInput(': yes')).toEqual({ kind: 'message', body: ': yes' });
  });

  describe('@name text', () => {
    it('is a private message to that name', () => {
      expect(parseInput('@bob hi bob')).toEqual({ kind: 'private-to-name', userName: 'bob', body: 'hi bob' });
    });

    it('keeps the rest of the line, including further @ and newlines', () => {
      expect(parseInput('@bob  see @carol\nnow')).toEqual({ kind: 'private-to-name', userName: 'bob', body: 'see @carol\nnow' });
    });

    it('asks for a body when there is none', () => {
      expect(parseInput('@bob')).toEqual({ kind: 'invalid', hint: 'usage: @<name> <text>' });
      expect(parseInput('@bob    ')).toEqual({ kind: 'invalid', hint: 'usage: @<name> <text>' });
    });

    it('asks for a name when there is none', () => {
      expect(parseInput('@ hello')).toEqual({ kind: 'invalid', hint: 'usage: @<name> <text>' });
    });
  });

  describe('CIM id;;text', () => {
    it('is a private message to that user id', () => {
      expect(parseInput('42;;hello there')).toEqual({ kind: 'private-to-id', userId: '42', body: 'hello there' });
    });

    it('keeps later ;; in the body', () => {
      expect(parseInput('7;;a;;b')).toEqual({ kind: 'private-to-id', userId: '7', body: 'a;;b' });
    });

    it('asks for a body when there is none', () => {
      expect(parseInput('42;;')).toEqual({ kind: 'invalid', hint: 'usage: <id>;;<text>' });
      expect(parseInput('42;;   ')).toEqual({ kind: 'invalid', hint: 'usage: <id>;;<text>' });
    });

    it('is plain text when the part before ;; is not a numeric id', () => {
      expect(parseInput('bob;;hi')).toEqual({ kind: 'message', body: 'bob;;hi' });
    });
  });

  describe('commands', () => {
    it.each([
      [':olu', { kind: 'online-users' }],
      [':all', { kind: 'help' }],
      [':info', { kind: 'info' }],
      [':lobby', { kind: 'target-lobby' }],
      [':q', { kind: 'quit' }],
      [':q!', { kind: 'quit' }],
      ['  :q  ', { kind: 'quit' }],
    ])('%s', (line, expected) => {
      expect(parseInput(line)).toEqual(expected);
    });

    it(':to <name> chooses a user, with or without @', () => {
      expect(parseInput(':to bob')).toEqual({ kind: 'target-user', userName: 'bob' });
      expect(parseInput(':to @bob')).toEqual({ kind: 'target-user', userName: 'bob' });
    });

    it(':pu <prefix> finds users', () => {
      expect(parseInput(':pu al')).toEqual({ kind: 'find-users', prefix: 'al' });
    });

    it('gives a usage hint when an argument is missing or extra', () => {
      expect(parseInput(':to')).toEqual({ kind: 'invalid', hint: 'usage: :to <name>' });
      expect(parseInput(':to @')).toEqual({ kind: 'invalid', hint: 'usage: :to <name>' });
      expect(parseInput(':to bob carol')).toEqual({ kind: 'invalid', hint: 'usage: :to <name>' });
      expect(parseInput(':pu')).toEqual({ kind: 'invalid', hint: 'usage: :pu <prefix>' });
    });

    it('does not quit on :q with an argument (CIM history search)', () => {
      expect(parseInput(':q hello').kind).toBe('invalid');
    });

    it('points to :all on an unknown command', () => {
      expect(parseInput(':x')).toEqual({ kind: 'invalid', hint: 'unknown command :x — :all lists commands' });
      expect(parseInput(':emoji 2')).toEqual({ kind: 'invalid', hint: 'unknown command :emoji — :all lists commands' });
    });

    it('are case-sensitive, like vi', () => {
      expect(parseInput(':Q').kind).toBe('invalid');
    });
  });

  describe('message size', () => {
    it('accepts exactly the limit', () => {
      expect(parseInput('a'.repeat(MAX_BODY_BYTES))).toEqual({ kind: 'message', body: 'a'.repeat(MAX_BODY_BYTES) });
    });

    it('refuses a message one byte over the limit, saying how long it is', () => {
      expect(parseInput('a'.repeat(MAX_BODY_BYTES + 1))).toEqual({
        kind: 'invalid',
        hint: `message not sent: it is ${MAX_BODY_BYTES + 1} bytes, the limit is ${MAX_BODY_BYTES}`,
      });
    });

    it('counts UTF-8 bytes, not characters', () => {
      // 1,366 three-byte characters: 4,098 bytes but only 1,366 characters.
      const result = parseInput('€'.repeat(1366));
      expect(result.kind).toBe('invalid');
    });

    it('applies to private messages too', () => {
      expect(parseInput(`@bob ${'x'.repeat(MAX_BODY_BYTES + 1)}`).kind).toBe('invalid');
      expect(parseInput(`3;;${'x'.repeat(MAX_BODY_BYTES + 1)}`).kind).toBe('invalid');
    });
  });

  it('documents every command it understands', () => {
    const documented = COMMANDS.map((c) => c.usage).join(' ');
    for (const name of [':to', ':lobby', ':olu', ':pu', ':info', ':all', ':q']) expect(documented).toContain(name);
  });
});
