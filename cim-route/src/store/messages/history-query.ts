import type { ChatMessage } from '@cim/common';
import { parseDecimal, requireLimit } from '../shared/validate.js';

export interface HistoryOptions {
  beforeSeq?: string;
  limit: number;
  keyword?: string;
}

/** A validated history request, shared by both stores so they filter alike. */
export interface HistoryQuery {
  /** Only messages with a seq below this; null for "from the newest". */
  beforeSeq: number | null;
  limit: number;
  /** Whether a message belongs in the answer. */
  matches(message: ChatMessage): boolean;
  /** True when the query filters by keyword, so most messages looked at may be skipped. */
  filtered: boolean;
}

export function parseHistoryQuery(options: HistoryOptions): HistoryQuery {
  requireLimit(options.limit);
  const beforeSeq = options.beforeSeq === undefined ? null : parseDecimal('beforeSeq', options.beforeSeq);
  // An empty keyword is "no filter": every body contains the empty string anyway.
  const keyword = options.keyword?.toLowerCase() ?? '';
  return {
    beforeSeq,
    limit: options.limit,
    filtered: keyword !== '',
    matches: (message) => keyword === '' || message.body.toLowerCase().includes(keyword),
  };
}
