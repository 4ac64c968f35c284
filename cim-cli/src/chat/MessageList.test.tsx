import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ChatLine } from './chat-view.js';
import { EMOJI_PAGES, emojiPage } from './emoji.js';
import { MessageList } from './MessageList.js';

const at = (hours: number, minutes: number) => new Date(2025, 0, 2, hours, minutes).getTime();

function frame(lines: ChatLine[], height = 10): string {
  const { lastFrame } = render(<MessageList lines={lines} height={height} />);
  return stripVTControlCharacters(lastFrame() ?? '');
}

function message(over: Partial<Extract<ChatLine, { kind: 'message' }>>): ChatLine {
  return {
    kind: 'message',
    key: String(Math.random()),
    ts: at(9, 5),
    from: 'bob',
    channel: 'lobby',
    body: 'hello',
    own: false,
    ...over,
  };
}

afterEach(cleanup);

describe('MessageList', () => {
  it('shows time as HH:MM, sender and body', () => {
    expect(frame([message({ ts: at(9, 5), from: 'bob', body: 'hello all' })])).toContain('09:05 bob: hello all');
  });

  it('shows the recipient of a private message', () => {
    expect(frame([message({ from: 'alice', channel: '@bob', to: '@bob', body: 'hi bob' })])).toContain(
      'alice → @bob: hi bob',
    );
  });

  it("marks own messages with their state and leaves others' unmarked", () => {
    const text = frame([
      message({ key: 'a', from: 'alice', own: true, status: 'sending', body: 'one' }),
      message({ key: 'b', from: 'alice', own: true, status: 'stored', body: 'two' }),
      message({ key: 'c', from: 'alice', own: true, status: 'failed', body: 'three' }),
      message({ key: 'd', from: 'bob', body: 'four' }),
      message({ key: 'e', from: 'alice', own: true, status: 'delivered', body: 'five' }),
      message({ key: 'f', from: 'alice', own: true, status: 'read', body: 'six' }),
      message({ key: 'g', from: 'alice', own: true, status: 'sent', body: 'seven' }),
    ]);
    const rows = text.split('\n');
    expect(rows.find((r) => r.includes('one'))).toContain('sending…');
    expect(rows.find((r) => r.includes('two'))).toContain('✓ stored');
    expect(rows.find((r) => r.includes('three'))).toContain('✗ not sent');
    expect(rows.find((r) => r.includes('four'))).not.toMatch(/sending|stored|sent|delivered|read/);
    expect(rows.find((r) => r.includes('five'))).toContain('✓✓ delivered');
    expect(rows.find((r) => r.includes('six'))).toContain('✓✓ read');
    expect(rows.find((r) => r.includes('seven'))).toContain('✓ sent');
  });

  it('shows system lines', () => {
    expect(frame([{ kind: 'system', key: 's', text: 'online (2): alice, bob', tone: 'info' }])).toContain(
      '-- online (2): alice, bob',
    );
  });

  it('shows a group message with the group it went to', () => {
    expect(frame([message({ from: 'bob', channel: '#team', to: '#team', body: 'standup?' })])).toContain(
      'bob → #team: standup?',
    );
  });

  it('shows a recalled message as recalled, without its state', () => {
    const text = frame([
      message({ key: 'a', from: 'bob', to: '@alice', body: '', recalled: true }),
      message({ key: 'b', from: 'alice', to: '@bob', own: true, status: 'read', body: '', recalled: true }),
    ]);
    const rows = text.split('\n').filter((r) => r.trim());
    expect(rows[0]).toContain('bob → @alice: (recalled)');
    expect(rows[1]).toContain('alice → @bob: (recalled)');
    expect(rows[1]).not.toContain('read');
  });

  it('shows a page of emoji with their codes, in columns, and how to see more', () => {
    const entries = emojiPage(1);
    const text = frame([{ kind: 'emoji', key: 'e', page: 1, pages: EMOJI_PAGES, entries }], 20);
    expect(text).toContain(`-- emoji, page 1 of ${EMOJI_PAGES}: type the :code: in a message; :emoji 2 for more`);
    for (const { code, emoji } of entries) expect(text).toContain(`${emoji} :${code}:`);
    // Four cells of 22 columns to a row on the 100-column test screen, each row under the last.
    const first = text.split('\n').find((r) => r.includes(':smile:'))!;
    const second = text.split('\n').find((r) => r.includes(':smiley:'))!;
    expect(first.indexOf(':grin:')).toBe(second.indexOf(':laughing:'));
    expect(first.indexOf(':rofl:')).toBe(second.indexOf(':wink:'));
  });

  it('does not offer a next page on the last one', () => {
    const text = frame(
      [{ kind: 'emoji', key: 'e', page: EMOJI_PAGES, pages: EMOJI_PAGES, entries: emojiPage(EMOJI_PAGES) }],
      20,
    );
    expect(text).toContain(`page ${EMOJI_PAGES} of ${EMOJI_PAGES}: type the :code: in a message`);
    expect(text).not.toContain('for more');
  });

  it('wraps a long body under itself instead of cutting it', () => {
    const body = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const rows = frame([message({ body })])
      .split('\n')
      .filter((r) => r.trim());
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toContain('word0 word1');
    expect(rows.join(' ')).toContain('word39');
    // Continuation rows start under the body, not under the time.
    expect(rows[1]).toMatch(/^ {5,}word/);
  });

  it('keeps the newest lines when there are more than fit', () => {
    const lines = Array.from({ length: 30 }, (_, i) => message({ key: String(i), body: `line ${i}` }));
    const text = frame(lines, 5);
    expect(text).toContain('line 29');
    expect(text).toContain('line 25');
    expect(text).not.toContain('line 24');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('spells out escape sequences in names, bodies and system lines instead of obeying them', () => {
    const { lastFrame } = render(
      <MessageList
        height={10}
        lines={[
          message({
            key: 'a',
            from: 'm\u001b]0;title\u0007',
            to: '#g\u001b[2J',
            body: '\u001b]52;c;ZXZpbA==\u0007 \u001b]8;;https://evil.example\u001b\\link \u202Eabc',
          }),
          { kind: 'system', key: 's', text: 'members of #\u001b]0;t\u0007: bob', tone: 'info' },
          message({ key: 'n', notice: true, channel: '#ops', body: 'bob added \u001b]0;t\u0007eve' }),
        ]}
      />,
    );
    const raw = lastFrame() ?? '';
    // Ink's own colours are the only escape sequences left.
    expect(raw.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const text = stripVTControlCharacters(raw);
    expect(text).toContain('m\\u{1b}]0;title\\u{7} → #g\\u{1b}[2J: \\u{1b}]52;c;ZXZpbA==\\u{7}');
    expect(text).toContain('\\u{1b}]8;;https://evil.example\\u{1b}\\link \\u{202e}abc');
    expect(text).toContain('-- members of #\\u{1b}]0;t\\u{7}: bob');
    expect(text).toContain('09:05 #ops -- bob added \\u{1b}]0;t\\u{7}eve');
  });

  it('shows a notice as news about its conversation, not as words its sender typed', () => {
    const text = frame([message({ notice: true, from: 'bob', channel: '#ops', body: 'bob added alice' })]);
    expect(text).toContain('09:05 #ops -- bob added alice');
    expect(text).not.toContain('bob:');
  });

  it('fills from the bottom, so a short list sits just above the status bar', () => {
    const rows = frame([message({ body: 'only' })], 4).split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toContain('only');
    expect(rows[0].trim()).toBe('');
  });
});
