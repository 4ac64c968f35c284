import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';

/*
 * Headless Chromium for the web chat tests and the docs screenshot: the system's `chromium`
 * (Debian package), driven by puppeteer-core, which downloads no browser of its own.
 */

/** The system Chromium, or a clear error naming the package to install. */
export function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is needed by the web chat tests: install it with apt-get install -y chromium');
  }
}

/** One page of a `BrowserPages`, with what it logged. */
export interface NamedPage {
  name: string;
  page: Page;
  /** Console messages, page errors and failed requests, in order. */
  log: string[];
}

/**
 * A headless Chromium whose pages each live in their own browser context (their own
 * localStorage and cookies), as if each were a different person's browser.
 */
export class BrowserPages {
  private readonly pages: NamedPage[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<BrowserPages> {
    const browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      // Root in a container has no user namespace for Chromium's sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    return new BrowserPages(browser);
  }

  /** A page in a fresh browser context, `width` × `height` CSS pixels. */
  async open(name: string, url: string, size = { width: 1000, height: 640 }): Promise<NamedPage> {
    const context = await this.browser.createBrowserContext();
    this.contexts.push(context);
    const page = await context.newPage();
    await page.setViewport(size);
    const named: NamedPage = { name, page, log: [] };
    page.on('console', (message) => named.log.push(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) =>
      named.log.push(`page error: ${error instanceof Error ? error.stack : String(error)}`),
    );
    page.on('requestfailed', (request) =>
      named.log.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    this.pages.push(named);
    await page.goto(url, { waitUntil: 'load' });
    return named;
  }

  /** Uncaught exceptions in the open pages so far: each one is a bug of the page. */
  pageErrors(): string[] {
    return this.pages.flatMap(({ name, log }) =>
      log.filter((line) => line.startsWith('page error:')).map((line) => `${name}: ${line}`),
    );
  }

  /** A screenshot and the log of every open page into `dir`, named `<label>-<page>.png/.log`. */
  async saveArtifacts(dir: string, label: string): Promise<string[]> {
    mkdirSync(dir, { recursive: true });
    const saved: string[] = [];
    const safeLabel = label.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 100);
    for (const { name, page, log } of this.pages) {
      const base = join(dir, `${safeLabel}-${name}`);
      writeFileSync(`${base}.log`, `${page.url()}\n${log.join('\n')}\n`);
      saved.push(`${base}.log`);
      if (page.isClosed()) continue;
      await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      saved.push(`${base}.png`);
    }
    return saved;
  }

  /** Closes every page and its context; the browser stays up for the next ones. */
  async closePages(): Promise<void> {
    this.pages.splice(0);
    await Promise.all(this.contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
