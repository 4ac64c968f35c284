import type { ChatMessage } from '@cim/common';

export interface ScheduledMessage {
  senderId: string;
  senderName: string;
  to: ChatMessage['to'];
  body: string;
  clientMsgId: string;
  /** ms since epoch */
  deliverAt: number;
}

/** Delayed messages, which survive route restarts. */
export interface ScheduleStore {
  /** Schedules a message; false if (sender, clientMsgId) is already scheduled. */
  schedule(message: ScheduledMessage): Promise<boolean>;
  /** Scheduled messages with deliverAt <= now, soonest first, at most `limit`; not removed. */
  due(now: number, limit: number): Promise<ScheduledMessage[]>;
  /** Removes a scheduled message once it was sent (idempotent). */
  remove(senderId: string, clientMsgId: string): Promise<void>;
}
