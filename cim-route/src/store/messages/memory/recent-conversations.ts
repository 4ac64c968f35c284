interface Link {
  conversationId: string;
  newer: Link | null;
  older: Link | null;
}

/**
 * One user's conversations, most recently active first, for the memory store's conversation list.
 * A doubly linked list plus a map: moving a conversation to the front and reading the first few
 * both cost only the size of the answer, however many conversations the user has.
 */
export class RecentConversations {
  private readonly links = new Map<string, Link>();
  private newest: Link | null = null;

  /** Makes the conversation the most recently active one. */
  touch(conversationId: string): void {
    let link = this.links.get(conversationId);
    if (link !== undefined && link === this.newest) return;
    if (link === undefined) {
      link = { conversationId, newer: null, older: null };
      this.links.set(conversationId, link);
    } else {
      this.unlink(link);
    }
    link.older = this.newest;
    if (this.newest !== null) this.newest.newer = link;
    this.newest = link;
  }

  /** Up to `limit` conversation ids, most recently active first. */
  newestFirst(limit: number): string[] {
    const found: string[] = [];
    for (let link = this.newest; link !== null && found.length < limit; link = link.older) {
      found.push(link.conversationId);
    }
    return found;
  }

  private unlink(link: Link): void {
    if (link.newer !== null) link.newer.older = link.older;
    if (link.older !== null) link.older.newer = link.newer;
    if (this.newest === link) this.newest = link.older;
    link.newer = null;
    link.older = null;
  }
}
