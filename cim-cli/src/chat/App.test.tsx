import { EventEmitter } from 'node:events';
import type { ChatMessage } from '@cim/common';
import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../devkit/wait-for.js';
import type { CimClientEvents, Group } from '@cim/client';
import { App } from './App.js';
import { ChatController, type ChatClient } from './chat-controller.js';

const OPS: Group = { groupId: '7', name: 'ops', ownerId: '2', memberIds: ['1', '2'], createdAt: 0, public: false };

/** Just enough of a CimClient for the screen: alice, online, in group #ops, nothing stored. */
class ScreenClient extends EventEmitter<CimClientEvents> {
  readonly api = {
    myGroups: async () => ({ groups: [OPS] }),
    group: async () => OPS,
  };

  info() {
    return {
      userId: '1',
      userName: 'alice',
      deviceId: 'default',
      server: '127.0.0.1:9000',
      state: 'online' as const,
      reconnects: 0,
      cursor: '0',
    };
  }

  async conversations() {
    return [];
  }

  async markRead() {}

  async close() {}
}

async function chatScreen() {
  const client = new ScreenClient();
  const controller = new ChatController({
    client: client as unknown as ChatClient,
    userName: 'alice',
    login: async () => ({ registered: false }),
  });
  const app = render(<App controller={controller} />);
  await controller.start();
  const screen = () => stripVTControlCharacters(app.lastFrame() ?? '');
  const shows = async (text: string) => {
    try {
      await waitFor(() => screen().includes(text), { timeoutMs: 5_000, message: `"${text}"` });
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- screen ---\n${screen()}`);
    }
  };
  // A line and its Enter in one chunk, as a paste arrives: no race with Ink's input subscription.
  const type = (line: string) => app.stdin.write(`${line}\r`);
  return { client, screen, shows, type };
}

const fromBob = (over: Partial<ChatMessage>): ChatMessage => ({
  msgId: '50',
  conversationId: 'p:1:2',
  seq: '1',
  fromUserId: '2',
  fromUserName: 'bob',
  to: { userId: '1' },
  body: 'hello',
  ts: '0',
  clientMsgId: 'c50',
  ...over,
});

afterEach(cleanup);

describe('the chat screen', () => {
  it('moves the status bar and the prompt to a group picked with :g', async () => {
    const { screen, shows, type } = await chatScreen();
    await shows('to lobby (broadcast)');
    type(':g ops');
    await shows('to #ops');
    expect(screen()).toContain('#ops›');
    expect(screen()).toContain('plain lines now go to #ops (group 7)');
  });

  it('replaces a message by "(recalled)" when its sender recalls it', async () => {
    const { client, screen, shows } = await chatScreen();
    client.emit('message', fromBob({ body: 'wrong window' }), { cursor: '1', synced: false });
    await shows('bob → @alice: wrong window');
    client.emit('recalled', { msgId: '50', conversationId: 'p:1:2', seq: '1', byUserId: '2' });
    await shows('bob → @alice: (recalled)');
    expect(screen()).not.toContain('wrong window');
  });

  it('shows the emoji page asked for with :emoji', async () => {
    const { shows, type } = await chatScreen();
    type(':emoji 2');
    await shows('-- emoji, page 2 of 3');
    await shows('👍 :thumbsup:');
  });
});
