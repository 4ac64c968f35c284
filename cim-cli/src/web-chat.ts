import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticSite } from '@cim/route';

/** Where the route serves the web chat. */
export const WEB_CHAT_PATH = '/chat';

/**
 * The built web chat (`scripts/build-web-chat.mjs`, run by `npm run build`). Named from the
 * package root, so it is the same folder whether this module runs from src/ (tests) or dist/.
 */
export const WEB_CHAT_DIR = fileURLToPath(new URL('../dist/web-chat/', import.meta.url));

/**
 * The route's static site for the web chat, or undefined when it is turned off. A checkout whose
 * web chat was not built runs without it, saying so, rather than serving an empty folder.
 */
export function webChatSite(
  enabled: boolean,
  { dir = WEB_CHAT_DIR, warn = console.error }: { dir?: string; warn?: (line: string) => void } = {},
): StaticSite | undefined {
  if (!enabled) return undefined;
  if (!existsSync(join(dir, 'index.html'))) {
    warn(`the web chat is not built (no ${dir}): run "npm run build" to serve it at ${WEB_CHAT_PATH}`);
    return undefined;
  }
  return { path: WEB_CHAT_PATH, dir };
}
