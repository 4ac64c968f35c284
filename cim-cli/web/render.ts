/**
 * Draws a `ChatView` into the page. Every piece of text goes in through `textContent`: names and
 * bodies come from other people and must never be read as HTML.
 */
import { formatTime } from '../src/format.js';
import {
  channelOfTarget,
  type ChatLine,
  type ChatView,
  type LinkState,
  type OwnStatus,
} from '../src/chat/chat-view.js';

const STATUS_TEXT: Record<OwnStatus, string> = {
  sending: 'sending…',
  stored: '✓ stored',
  delivered: '✓✓ delivered',
  read: '✓✓ read',
  sent: '✓ sent',
  failed: '✗ not sent',
};

const LINK_TEXT: Record<LinkState, string> = {
  connecting: 'connecting…',
  online: 'online',
  reconnecting: 'reconnecting…',
  offline: 'offline',
};

export interface ChatElements {
  status: HTMLElement;
  target: HTMLElement;
  messages: HTMLOListElement;
  conversations: HTMLUListElement;
}

/** Keeps the page in step with the view; lines already shown are updated in place, not redrawn. */
export class ChatRenderer {
  private readonly shown = new Map<string, { line: ChatLine; element: HTMLLIElement }>();
  private readonly conversationButtons = new Map<string, HTMLButtonElement>();

  constructor(
    private readonly elements: ChatElements,
    /** Opens a conversation, e.g. `:to bob` or `:lobby`. */
    private readonly open: (command: string) => void,
  ) {}

  render(view: ChatView): void {
    this.renderStatus(view);
    this.elements.target.textContent = `To: ${view.target.kind === 'lobby' ? 'lobby (everyone online)' : channelOfTarget(view.target)}`;
    this.renderConversations(view);
    this.renderLines(view.lines);
  }

  /** Forgets every line, for the next login. */
  clear(): void {
    this.shown.clear();
    this.conversationButtons.clear();
    this.elements.messages.replaceChildren();
    this.elements.conversations.replaceChildren();
  }

  private renderStatus(view: ChatView): void {
    const { status } = this.elements;
    status.dataset.link = view.link;
    const where = view.link === 'online' && view.server ? ` on ${view.server}` : '';
    const busy = view.busy && view.busy !== LINK_TEXT[view.link] ? ` — ${view.busy}` : '';
    status.textContent = `${view.userName}: ${LINK_TEXT[view.link]}${where}${busy}`;
  }

  /**
   * The lobby, the current target, every channel with lines or unread messages, and their unread
   * counts. A channel keeps its button once it has one, so keyboard focus stays where it is.
   */
  private renderConversations(view: ChatView): void {
    const current = channelOfTarget(view.target);
    const channels = new Set<string>(['lobby', current]);
    for (const line of view.lines) if (line.kind === 'message') channels.add(line.channel);
    for (const channel of Object.keys(view.unread)) channels.add(channel);
    for (const channel of channels) {
      let button = this.conversationButtons.get(channel);
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.dataset.channel = channel;
        button.addEventListener('click', () => this.open(commandToOpen(channel)));
        const item = document.createElement('li');
        item.append(button);
        this.elements.conversations.append(item);
        this.conversationButtons.set(channel, button);
      }
      const unread = view.unread[channel];
      const badge = unread ? span('unread', String(unread)) : undefined;
      badge?.setAttribute('aria-label', `${unread} unread`);
      button.replaceChildren(channel === 'lobby' ? 'Lobby' : channel, ...(badge ? [badge] : []));
      if (channel === current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    // A group's stand-in label gives way to its name once learned.
    for (const [channel, button] of this.conversationButtons) {
      if (channels.has(channel)) continue;
      button.parentElement?.remove();
      this.conversationButtons.delete(channel);
    }
  }

  private renderLines(lines: readonly ChatLine[]): void {
    const list = this.elements.messages;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const keys = new Set(lines.map((line) => line.key));
    for (const [key, { element }] of this.shown) {
      if (keys.has(key)) continue;
      element.remove();
      this.shown.delete(key);
    }
    for (const line of lines) {
      const shown = this.shown.get(line.key);
      if (shown?.line === line) continue;
      const element = shown?.element ?? document.createElement('li');
      fillLine(element, line);
      if (!shown) list.append(element);
      this.shown.set(line.key, { line, element });
    }
    if (atBottom) list.scrollTop = list.scrollHeight;
  }
}

/** What opens `channel`: "lobby", "@name" or "#group". */
function commandToOpen(channel: string): string {
  if (channel === 'lobby') return ':lobby';
  if (channel.startsWith('@')) return `:to ${channel.slice(1)}`;
  return `:g ${channel.slice(1)}`;
}

function fillLine(element: HTMLLIElement, line: ChatLine): void {
  element.dataset.key = line.key;
  switch (line.kind) {
    case 'system':
      element.className = `system ${line.tone}`;
      element.textContent = `— ${line.text}`;
      return;
    case 'emoji':
      element.className = 'system';
      element.textContent = `emoji, page ${line.page} of ${line.pages}: ${line.entries.map((e) => `${e.emoji} :${e.code}:`).join('  ')}`;
      return;
    case 'message': {
      element.className = ['message', line.own ? 'own' : 'peer', line.recalled ? 'recalled' : ''].join(' ').trim();
      element.dataset.channel = line.channel;
      if (line.status) element.dataset.status = line.status;
      if (line.stored) element.dataset.msgId = line.stored.msgId;
      element.replaceChildren(
        span('time', formatTime(line.ts)),
        span('from', line.from),
        span('to', line.to ? ` → ${line.to}` : ''),
        document.createTextNode(': '),
        span('body', line.recalled ? '(recalled)' : line.body),
        span('state', line.status && !line.recalled ? STATUS_TEXT[line.status] : ''),
      );
      return;
    }
  }
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
