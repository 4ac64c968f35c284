import type { Page } from 'puppeteer-core';
import type { NamedPage } from '../../devkit/browser.js';
import { waitFor } from '../../devkit/wait-for.js';

/** A message line as the page shows it. */
export interface ShownLine {
  from: string;
  to: string;
  body: string;
  channel: string;
  /** Own messages: sending, stored, delivered, read, sent or failed. */
  status: string;
  msgId: string;
  own: boolean;
}

/** Frames, pages and reconnects take milliseconds; the margin is for a loaded CI machine. */
const PAGE_TIMEOUT_MS = 15_000;

/**
 * The web chat in one browser page, driven as a person would: typing into its fields, pressing
 * its buttons, reading what it shows.
 */
export class WebChatPage {
  constructor(readonly named: NamedPage) {}

  get page(): Page {
    return this.named.page;
  }

  /** Logs in (or registers) through the form; resolves once the page says it is online. */
  async logIn(userName: string, password: string): Promise<void> {
    await this.submitLogin(userName, password);
    await this.waitForLink('online');
  }

  /** Fills in the login form and presses Enter. */
  async submitLogin(userName: string, password: string): Promise<void> {
    await this.page.waitForSelector('#user-name', { visible: true });
    await this.page.$eval('#user-name', (input) => ((input as HTMLInputElement).value = ''));
    await this.page.type('#user-name', userName);
    await this.page.type('#password', password);
    await this.page.keyboard.press('Enter');
  }

  /** Types a line (a message or a command) into the message field and presses Enter. */
  async type(line: string): Promise<void> {
    await this.page.waitForSelector('#message', { visible: true });
    await this.page.type('#message', line);
    await this.page.keyboard.press('Enter');
  }

  /** The connection state the status line shows: connecting, online, reconnecting or offline. */
  link(): Promise<string> {
    return this.page.$eval('#status', (status) => (status as HTMLElement).dataset.link ?? '');
  }

  statusText(): Promise<string> {
    return this.page.$eval('#status', (status) => status.textContent ?? '');
  }

  async waitForLink(link: string): Promise<void> {
    await waitFor(async () => (await this.link()) === link, {
      timeoutMs: PAGE_TIMEOUT_MS,
      message: `${this.named.name}'s page to be ${link} (status: ${await this.statusText().catch(() => '?')})`,
    });
  }

  /** Every message line on the page, in order. */
  lines(): Promise<ShownLine[]> {
    // No named functions inside: the page runs this source as it is, without a bundler's helpers.
    return this.page.$$eval('#messages li.message', (items) =>
      items.map((item) => ({
        from: item.querySelector('.from')?.textContent ?? '',
        to: (item.querySelector('.to')?.textContent ?? '').replace(/^ → /, ''),
        body: item.querySelector('.body')?.textContent ?? '',
        channel: (item as HTMLElement).dataset.channel ?? '',
        status: (item as HTMLElement).dataset.status ?? '',
        msgId: (item as HTMLElement).dataset.msgId ?? '',
        own: item.classList.contains('own'),
      })),
    );
  }

  /** The system lines (command output, errors), in order. */
  systemLines(): Promise<string[]> {
    return this.page.$$eval('#messages li.system', (items) => items.map((item) => item.textContent ?? ''));
  }

  /** Waits for a message line with this body, and returns it. */
  async waitForLine(body: string, match: Partial<ShownLine> = {}): Promise<ShownLine> {
    return waitFor(
      async () =>
        (await this.lines()).find(
          (line) =>
            line.body === body && Object.entries(match).every(([key, value]) => line[key as keyof ShownLine] === value),
        ),
      { timeoutMs: PAGE_TIMEOUT_MS, message: `${this.named.name}'s page to show "${body}" ${JSON.stringify(match)}` },
    );
  }

  /** Opens a conversation from the list of conversations, as a click would: "lobby", "@bob", "#team". */
  async openConversation(channel: string): Promise<void> {
    const selector = `#conversations button[data-channel="${channel}"]`;
    await this.page.waitForSelector(selector, { visible: true, timeout: PAGE_TIMEOUT_MS });
    await this.page.click(selector);
    await this.waitForTarget(channel);
  }

  /** The unread count the list of conversations shows for `channel` (0 without a badge). */
  unread(channel: string): Promise<number> {
    return this.page.$eval(
      '#conversations',
      (list, wanted) => {
        const button = [...list.querySelectorAll('button')].find((b) => b.dataset.channel === wanted);
        return Number(button?.querySelector('.unread')?.textContent ?? 0);
      },
      channel,
    );
  }

  /** Waits until plain lines go to `channel` ("lobby", "@bob", "#team"). */
  async waitForTarget(channel: string): Promise<void> {
    await waitFor(
      () =>
        this.page.$eval(
          '#conversations',
          (list, wanted) => list.querySelector('[aria-current="true"]')?.getAttribute('data-channel') === wanted,
          channel,
        ),
      { timeoutMs: PAGE_TIMEOUT_MS, message: `${this.named.name}'s page to talk to ${channel}` },
    );
  }

  /** What the page keeps in localStorage to resume its session, or null. */
  savedSession(): Promise<Record<string, unknown> | null> {
    return this.page.evaluate(() => JSON.parse(localStorage.getItem('cim-web-chat.session') ?? 'null'));
  }

  /** Records every connection state the status line goes through from now on (see `linkHistory`). */
  async recordLinkHistory(): Promise<void> {
    await this.page.evaluate(() => {
      const status = document.getElementById('status')!;
      const seen: string[] = [];
      (window as unknown as { linkHistory: string[] }).linkHistory = seen;
      new MutationObserver(() => {
        const link = status.dataset.link ?? '';
        if (seen.at(-1) !== link) seen.push(link);
      }).observe(status, { attributes: true, attributeFilter: ['data-link'] });
    });
  }

  linkHistory(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { linkHistory?: string[] }).linkHistory ?? []);
  }
}
