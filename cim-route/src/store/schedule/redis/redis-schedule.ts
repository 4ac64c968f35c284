import type { ScheduleStore } from '../schedule-store.js';
import type { RedisKeys } from '../../redis/redis-keys.js';
import type { ScheduleScripts } from './schedule-scripts.js';
import { requireDueQuery, requireSchedulable, scheduledKey } from '../scheduled.js';
import type { ScheduledMessage } from '../../types.js';

/**
 * Delayed messages in Redis: a queue ordered by delivery time and the messages by key, in one slot
 * so that scheduling and removing change both at once. Every route reads the same queue; a message
 * stays in it until a route sent it and removes it, so one that dies mid-send loses nothing.
 */
export class RedisSchedule implements ScheduleStore {
  constructor(
    private readonly keys: RedisKeys,
    private readonly scripts: ScheduleScripts,
  ) {}

  async schedule(message: ScheduledMessage): Promise<boolean> {
    requireSchedulable(message);
    const added = await this.scripts.schedule(
      this.keys.scheduledQueue,
      this.keys.scheduledMessages,
      scheduledKey(message.senderId, message.clientMsgId),
      message.deliverAt,
      JSON.stringify(message),
    );
    return added === 1;
  }

  async due(now: number, limit: number): Promise<ScheduledMessage[]> {
    requireDueQuery(now, limit);
    const found = await this.scripts.dueScheduled(this.keys.scheduledQueue, this.keys.scheduledMessages, now, limit);
    return found.filter((json) => json !== null).map((json) => JSON.parse(json) as ScheduledMessage);
  }

  async remove(senderId: string, clientMsgId: string): Promise<void> {
    await this.scripts.unschedule(
      this.keys.scheduledQueue,
      this.keys.scheduledMessages,
      scheduledKey(senderId, clientMsgId),
    );
  }
}
