/** How long a message stays in the sync streams unless configured otherwise (docs/design.md#no-silent-gaps). */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** How long a (sender, clientMsgId) pair is remembered, so a late retry gets the first answer. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stored messages outlive their stream entries by this much, so an entry that is still inside the
 * retention never points at a message that has already gone.
 */
export const MESSAGE_TTL_MARGIN_MS = 60 * 60 * 1000;

/**
 * How many messages a history search looks at, at most, walking back from where it starts. A
 * keyword that matches nothing would otherwise read a whole conversation for one request.
 */
export const HISTORY_SCAN_LIMIT = 5000;

/**
 * History index entries of expired messages dropped per save, at most. More than one, so the
 * index shrinks faster than saves grow it; few, so no save stalls on a long backlog.
 */
export const HISTORY_TRIM_BUDGET = 16;
