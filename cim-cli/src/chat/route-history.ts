/**
 * What the route keeps beyond the live stream, as the chat needs it: keyword search over stored
 * conversations and the unread backlog at start-up.
 */
import type { ChatMessage } from '@cim/common/client';
import type { CimClient } from '@cim/client';
import type { StoredRef, Target } from './chat-view.js';

export type HistoryClient = Pick<CimClient, 'history' | 'conversations'>;

/** Search shows at most this many hits, the newest. */
export const MAX_HITS = 20;
/** Per conversation searched; the route allows up to 200. */
const HITS_PER_CONVERSATION = 50;
/** The route's page limit for history. */
const MAX_HISTORY_PAGE = 200;
/** Requests in flight at once when going over every conversation. */
const PARALLEL = 4;

/** The stored conversation of a target; the lobby has none (broadcasts are not stored). */
export function conversationIdOf(target: Target, myUserId: string): string | undefined {
  switch (target.kind) {
    case 'lobby':
      return undefined;
    case 'group':
      return `g:${target.groupId}`;
    case 'user': {
      const [low, high] =
        BigInt(myUserId) <= BigInt(target.userId) ? [myUserId, target.userId] : [target.userId, myUserId];
      return `p:${low}:${high}`;
    }
  }
}

export interface SearchResult {
  /** Oldest first. */
  hits: ChatMessage[];
  /** More messages match than are shown. */
  more: boolean;
}

/** Messages matching `keyword` in one conversation, or in all of this user's when none is given. */
export async function searchHistory(
  client: HistoryClient,
  keyword: string,
  conversationId?: string,
): Promise<SearchResult> {
  const ids = conversationId ? [conversationId] : (await client.conversations()).map((c) => c.conversationId);
  const pages = await mapLimited(ids, PARALLEL, (id) =>
    client.history(id, { q: keyword, limit: HITS_PER_CONVERSATION }),
  );
  const all = pages.flat().sort((a, b) => Number(a.ts) - Number(b.ts));
  const more = all.length > MAX_HITS || pages.some((page) => page.length === HITS_PER_CONVERSATION);
  return { hits: all.slice(-MAX_HITS), more };
}

export interface UnreadConversation {
  conversationId: string;
  /** Unread messages from others (the route's count includes this user's own). */
  count: number;
  /** The newest message: marking read goes up to it. */
  latest: StoredRef;
  /** The unread messages, newest first: they name who wrote them. */
  messages: ChatMessage[];
}

/** This user's conversations with messages from others not yet read. */
export async function unreadConversations(client: HistoryClient, myUserId: string): Promise<UnreadConversation[]> {
  const withUnread = (await client.conversations()).filter((c) => c.unread > 0);
  const found = await mapLimited(withUnread, PARALLEL, async (c): Promise<UnreadConversation | undefined> => {
    const messages = await client.history(c.conversationId, { limit: Math.min(c.unread, MAX_HISTORY_PAGE) });
    const unread = messages.filter((m) => BigInt(m.seq) > BigInt(c.readSeq) && m.fromUserId !== myUserId);
    const newest = messages[0];
    if (unread.length === 0 || !newest) return undefined;
    return {
      conversationId: c.conversationId,
      count: unread.length,
      latest: { msgId: newest.msgId, conversationId: c.conversationId, seq: newest.seq },
      messages,
    };
  });
  return found.filter((c) => c !== undefined);
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
