/** Answers of the route's public API that both the route and its clients speak of. */

/** A stored (or broadcast) message: its coordinates. */
export interface SendAnswer {
  msgId: string;
  conversationId: string;
  seq: string;
  ts: string;
  clientMsgId: string;
}

/** A message scheduled for later (`deliverAt`, ms since epoch). */
export interface ScheduledAnswer {
  scheduled: true;
  clientMsgId: string;
  deliverAt: number;
}
