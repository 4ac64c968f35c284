import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOBBY } from './chat-view.js';
import { StatusBar, type StatusBarProps } from './StatusBar.js';

// Colour support is decided when chalk loads; without a terminal it would render none.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const base: StatusBarProps = { userName: 'alice', server: '127.0.0.1:9000', link: 'online', target: LOBBY, unread: {} };

function frame(props: Partial<StatusBarProps> = {}): string {
  const { lastFrame } = render(<StatusBar {...base} {...props} />);
  return stripVTControlCharacters(lastFrame() ?? '');
}

afterEach(cleanup);

describe('StatusBar', () => {
  it('shows who, where, the state and the lobby as the default target', () => {
    const text = frame();
    expect(text).toContain('alice');
    expect(text).toContain('127.0.0.1:9000');
    expect(text).toContain('● online');
    expect(text).toContain('to lobby (broadcast)');
  });

  it.each(['reconnecting', 'offline', 'connecting'] as const)('shows the state %s', (link) => {
    expect(frame({ link })).toContain(`● ${link}`);
  });

  it('colours the state: green online, yellow reconnecting, red offline', () => {
    const colourOf = (link: StatusBarProps['link']) => {
      const { lastFrame } = render(<StatusBar {...base} link={link} />);
      const raw = lastFrame() ?? '';
      return raw.slice(0, raw.indexOf(`● ${link}`));
    };
    expect(colourOf('online')).toMatch(/\u001b\[32m$/);
    expect(colourOf('reconnecting')).toMatch(/\u001b\[33m$/);
    expect(colourOf('offline')).toMatch(/\u001b\[31m$/);
  });

  it('shows a private target', () => {
    expect(frame({ target: { kind: 'user', userId: '2', userName: 'bob' } })).toContain('to @bob');
  });

  it('shows a group target by its name', () => {
    expect(frame({ target: { kind: 'group', groupId: '7', name: 'team' } })).toContain('to #team');
  });

  it('shows unread group conversations by name', () => {
    expect(frame({ unread: { '#team': 3 } })).toContain('unread #team 3');
  });

  it('shows unread counts by conversation, and nothing when all is read', () => {
    expect(frame({ unread: { '@bob': 2, lobby: 1 } })).toContain('unread @bob 2, lobby 1');
    expect(frame({ unread: {} })).not.toContain('unread');
  });

  it('spells out escape sequences in group and user names instead of obeying them', () => {
    const { lastFrame } = render(
      <StatusBar
        {...base}
        target={{ kind: 'group', groupId: '7', name: 'g\u001b]0;title\u0007' }}
        unread={{ '@m\u001b[2J': 1 }}
      />,
    );
    const raw = lastFrame() ?? '';
    // Ink's own colours are the only escape sequences left.
    expect(raw.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const text = stripVTControlCharacters(raw);
    expect(text).toContain('to #g\\u{1b}]0;title\\u{7}');
    expect(text).toContain('unread @m\\u{1b}[2J 1');
  });

  it('shows long work next to a spinner', () => {
    expect(frame({ busy: 'catching up: 200 messages…' })).toContain('catching up: 200 messages…');
  });
});
