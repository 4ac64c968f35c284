import type { ScheduleStore } from '../schedule-store.js';
import { bySchedule, requireDueQuery, requireSchedulable, scheduledKey } from '../scheduled.js';
import type { ScheduledMessage } from '../../types.js';

/**
 * Delayed messages of the memory store, kept sorted by delivery time so reading the due ones costs
 * only the size of the answer. Like everything in the memory store they last as long as its process.
 */
export class MemorySchedule implements ScheduleStore {
  private readonly byKey = new Map<string, ScheduledMessage>();
  /** Every scheduled message, in `bySchedule` order. */
  private readonly queue: ScheduledMessage[] = [];

  async schedule(message: ScheduledMessage): Promise<boolean> {
    requireSchedulable(message);
    const key = scheduledKey(message.senderId, message.clientMsgId);
    if (this.byKey.has(key)) return false;
    const stored = structuredClone(message);
    this.byKey.set(key, stored);
    this.queue.splice(this.position(stored), 0, stored);
    return true;
  }

  async due(now: number, limit: number): Promise<ScheduledMessage[]> {
    requireDueQuery(now, limit);
    const found: ScheduledMessage[] = [];
    for (const message of this.queue) {
      if (message.deliverAt > now || found.length === limit) break;
      found.push(structuredClone(message));
    }
    return found;
  }

  async remove(senderId: string, clientMsgId: string): Promise<void> {
    const key = scheduledKey(senderId, clientMsgId);
    const stored = this.byKey.get(key);
    if (stored === undefined) return;
    this.byKey.delete(key);
    this.queue.splice(this.position(stored), 1);
  }

  /** Where `message` is or would go in the queue. */
  private position(message: ScheduledMessage): number {
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (bySchedule(this.queue[mid], message) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
