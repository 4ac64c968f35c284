import { describe, expect, it } from 'vitest';
import { COMMANDS, MAX_BODY_BYTES, MAX_DELAY_SECONDS, parseInput } from './commands.js';
import { EMOJI_PAGES } from './emoji.js';

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
      expect(parseInput('@bob  see @carol\nnow')).toEqual({
        kind: 'private-to-name',
        userName: 'bob',
        body: 'see @carol\nnow',
      });
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

    it('points to :all on an unknown command', () => {
      expect(parseInput(':x')).toEqual({ kind: 'invalid', hint: 'unknown command :x — :all lists commands' });
      expect(parseInput(':emojis 2')).toEqual({
        kind: 'invalid',
        hint: 'unknown command :emojis — :all lists commands',
      });
    });

    it.each([
      ':olu now',
      ':info me',
      ':lobby x',
      ':groups all',
      ':members x',
      ':leave team',
      ':dissolve team',
      ':recall 3',
    ])('gives a usage hint for an argument %s does not take', (line) => {
      expect(parseInput(line)).toEqual({ kind: 'invalid', hint: expect.stringMatching(/^usage: :/) });
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

  describe(':q <keyword> (history search)', () => {
    it('searches for the rest of the line, spaces included', () => {
      expect(parseInput(':q hello')).toEqual({ kind: 'search', keyword: 'hello' });
      expect(parseInput(':q  lunch at noon ')).toEqual({ kind: 'search', keyword: 'lunch at noon' });
    });

    it('still quits with :q alone and :q!', () => {
      expect(parseInput(':q')).toEqual({ kind: 'quit' });
      expect(parseInput(':q!')).toEqual({ kind: 'quit' });
    });

    it('does not quit on :q! with an argument', () => {
      expect(parseInput(':q! hello')).toEqual({ kind: 'invalid', hint: 'usage: :q! (quits; :q <keyword> searches)' });
    });

    it('refuses a keyword longer than the route accepts', () => {
      expect(parseInput(`:q ${'k'.repeat(100)}`)).toEqual({ kind: 'search', keyword: 'k'.repeat(100) });
      expect(parseInput(`:q ${'k'.repeat(101)}`)).toEqual({
        kind: 'invalid',
        hint: 'search for at most 100 characters',
      });
    });
  });

  describe(':emoji [page]', () => {
    it('shows page 1 by default, or the page asked for', () => {
      expect(parseInput(':emoji')).toEqual({ kind: 'emoji', page: 1 });
      expect(parseInput(':emoji 2')).toEqual({ kind: 'emoji', page: 2 });
      expect(parseInput(`:emoji ${EMOJI_PAGES}`)).toEqual({ kind: 'emoji', page: EMOJI_PAGES });
    });

    it('names the pages there are for a page out of range', () => {
      const hint = `there are emoji pages 1 to ${EMOJI_PAGES}`;
      expect(parseInput(':emoji 0')).toEqual({ kind: 'invalid', hint });
      expect(parseInput(`:emoji ${EMOJI_PAGES + 1}`)).toEqual({ kind: 'invalid', hint });
    });

    it('gives a usage hint for a page that is not a number', () => {
      for (const line of [':emoji two', ':emoji -1', ':emoji 1.5', ':emoji 1 2']) {
        expect(parseInput(line)).toEqual({ kind: 'invalid', hint: 'usage: :emoji [page]' });
      }
    });
  });

  describe('shortcodes in messages', () => {
    it('become emoji when known, wherever the message goes', () => {
      expect(parseInput('hi :wave: all :smile:')).toEqual({ kind: 'message', body: 'hi 👋 all 😄' });
      expect(parseInput('@bob :thumbsup:')).toEqual({ kind: 'private-to-name', userName: 'bob', body: '👍' });
      expect(parseInput('7;;:tada:')).toEqual({ kind: 'private-to-id', userId: '7', body: '🎉' });
      expect(parseInput(':delay 5 :coffee: break')).toEqual({ kind: 'delayed', seconds: 5, body: '☕ break' });
    });

    it('stay as typed when unknown, or not a whole :code:', () => {
      expect(parseInput('see :nosuchcode: and :smile and 10:30:00')).toEqual({
        kind: 'message',
        body: 'see :nosuchcode: and :smile and 10:30:00',
      });
    });

    it('make a line that opens with one a message, not a command', () => {
      expect(parseInput(':wave: hello')).toEqual({ kind: 'message', body: '👋 hello' });
      expect(parseInput(':unknown: hello')).toEqual({ kind: 'message', body: ':unknown: hello' });
    });

    it('count toward the size limit as the emoji sent', () => {
      // 1,024 four-byte emoji are exactly the limit; one more shortcode is over it.
      expect(parseInput(':smile:'.repeat(1024)).kind).toBe('message');
      expect(parseInput(':smile:'.repeat(1025))).toEqual({
        kind: 'invalid',
        hint: 'message not sent: it is 4100 bytes, the limit is 4096',
      });
    });
  });

  describe(':delay <seconds> <text>', () => {
    it('schedules the rest of the line', () => {
      expect(parseInput(':delay 30 see you  soon ')).toEqual({ kind: 'delayed', seconds: 30, body: 'see you  soon' });
    });

    it('accepts 1 second up to 30 days', () => {
      expect(parseInput(':delay 1 x')).toEqual({ kind: 'delayed', seconds: 1, body: 'x' });
      expect(parseInput(`:delay ${MAX_DELAY_SECONDS} x`)).toEqual({ kind: 'delayed', seconds: 2_592_000, body: 'x' });
    });

    it('refuses a delay outside 1 second to 30 days', () => {
      const hint = 'the delay is 1 to 2592000 seconds (30 days)';
      expect(parseInput(':delay 0 x')).toEqual({ kind: 'invalid', hint });
      expect(parseInput(`:delay ${MAX_DELAY_SECONDS + 1} x`)).toEqual({ kind: 'invalid', hint });
      expect(parseInput(':delay 99999999999999999999999 x')).toEqual({ kind: 'invalid', hint });
    });

    it('gives a usage hint without seconds or text, or with seconds that are not a whole number', () => {
      for (const line of [
        ':delay',
        ':delay 10',
        ':delay 10   ',
        ':delay soon hello',
        ':delay -5 hello',
        ':delay 1.5 hello',
        ':delay 10s hello',
      ]) {
        expect(parseInput(line)).toEqual({ kind: 'invalid', hint: 'usage: :delay <seconds> <text>' });
      }
    });

    it('refuses a body over the size limit', () => {
      expect(parseInput(`:delay 5 ${'x'.repeat(MAX_BODY_BYTES + 1)}`).kind).toBe('invalid');
    });
  });

  describe('groups', () => {
    it(':create <group> [names…] names the members, with or without @, once each', () => {
      expect(parseInput(':create team')).toEqual({
        kind: 'create-group',
        name: 'team',
        memberNames: [],
        public: false,
      });
      expect(parseInput(':create #team bob @carol bob')).toEqual({
        kind: 'create-group',
        name: 'team',
        memberNames: ['bob', 'carol'],
        public: false,
      });
    });

    it(':create-public <group> [names…] makes the same group, public', () => {
      expect(parseInput(':create-public town @bob')).toEqual({
        kind: 'create-group',
        name: 'town',
        memberNames: ['bob'],
        public: true,
      });
      expect(parseInput(':create-public')).toEqual({ kind: 'invalid', hint: 'usage: :create-public <group> [names…]' });
      expect(parseInput(':create-public 42')).toEqual({
        kind: 'invalid',
        hint: 'a group name needs a letter: plain numbers are group ids',
      });
    });

    it(':invite <group> <names…> names a group by name or id and at least one user', () => {
      expect(parseInput(':invite #team @bob carol bob')).toEqual({
        kind: 'invite',
        group: 'team',
        userNames: ['bob', 'carol'],
      });
      expect(parseInput(':invite 12 bob')).toEqual({ kind: 'invite', group: '12', userNames: ['bob'] });
      for (const line of [':invite', ':invite team', ':invite #']) {
        expect(parseInput(line)).toEqual({ kind: 'invalid', hint: 'usage: :invite <group name or id> <names…>' });
      }
      expect(parseInput(':invite team b*b')).toEqual({
        kind: 'invalid',
        hint: '"b*b" is not a user name (1-32 of A-Z a-z 0-9 _ . -)',
      });
    });

    it(':groups public [after id] pages through public groups', () => {
      expect(parseInput(':groups public')).toEqual({ kind: 'public-groups' });
      expect(parseInput(':groups public 1234567890123456')).toEqual({
        kind: 'public-groups',
        after: '1234567890123456',
      });
      for (const line of [':groups mine', ':groups public x', ':groups public 1 2']) {
        expect(parseInput(line)).toEqual({
          kind: 'invalid',
          hint: 'usage: :groups (yours) or :groups public [after id]',
        });
      }
    });

    it(':create refuses a missing, numeric or too long name, and a member that is not a user name', () => {
      expect(parseInput(':create')).toEqual({ kind: 'invalid', hint: 'usage: :create <group> [names…]' });
      expect(parseInput(':create #')).toEqual({ kind: 'invalid', hint: 'usage: :create <group> [names…]' });
      expect(parseInput(':create 42 bob')).toEqual({
        kind: 'invalid',
        hint: 'a group name needs a letter: plain numbers are group ids',
      });
      expect(parseInput(`:create ${'g'.repeat(65)}`)).toEqual({
        kind: 'invalid',
        hint: 'a group name has at most 64 characters',
      });
      expect(parseInput(':create team b*b')).toEqual({
        kind: 'invalid',
        hint: '"b*b" is not a user name (1-32 of A-Z a-z 0-9 _ . -)',
      });
    });

    it(':join <group id> takes a decimal id', () => {
      expect(parseInput(':join 12')).toEqual({ kind: 'join-group', groupId: '12' });
      expect(parseInput(':join #12')).toEqual({ kind: 'join-group', groupId: '12' });
      for (const line of [':join', ':join team', ':join 0', ':join 12 13']) {
        expect(parseInput(line)).toEqual({ kind: 'invalid', hint: 'usage: :join <group id> (:groups shows ids)' });
      }
    });

    it(':g <group> targets a group by name or id', () => {
      expect(parseInput(':g team')).toEqual({ kind: 'target-group', group: 'team' });
      expect(parseInput(':g #team')).toEqual({ kind: 'target-group', group: 'team' });
      expect(parseInput(':g 12')).toEqual({ kind: 'target-group', group: '12' });
      expect(parseInput(':g')).toEqual({ kind: 'invalid', hint: 'usage: :g <group name or id>' });
      expect(parseInput(':g two words')).toEqual({ kind: 'invalid', hint: 'usage: :g <group name or id>' });
    });

    it.each([
      [':leave', { kind: 'leave-group' }],
      [':dissolve', { kind: 'dissolve-group' }],
      [':members', { kind: 'members' }],
      [':groups', { kind: 'groups' }],
    ])('%s', (line, expected) => {
      expect(parseInput(line)).toEqual(expected);
    });
  });

  it(':recall takes back the last message', () => {
    expect(parseInput(':recall')).toEqual({ kind: 'recall' });
  });

  it('documents every command it understands', () => {
    const documented = COMMANDS.map((c) => c.usage).join(' ');
    for (const name of [
      ':to',
      ':g',
      ':lobby',
      ':olu',
      ':pu',
      ':info',
      ':all',
      ':q',
      ':q <keyword>',
      ':emoji',
      ':delay',
      ':create',
      ':create-public',
      ':invite',
      ':join',
      ':leave',
      ':dissolve',
      ':members',
      ':groups',
      ':groups public',
      ':recall',
    ]) {
      expect(documented).toContain(name);
    }
  });
});
