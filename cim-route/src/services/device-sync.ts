import { ErrorCodes, type EventOrigin, type Logger } from '@cim/common';
import type { RouteStore } from '../store/types.js';
import type { FanOut } from './fan-out.js';

const PAGE = 200;

/**
 * Catch-up over TCP for devices without HTTP: after a Login that carries a cursor, every stored
 * message after it is pushed to that one device, page by page, in cursor order.
 */
export class DeviceSync {
  constructor(
    private readonly store: RouteStore,
    private readonly fanOut: FanOut,
    private readonly logger: Logger,
  ) {}

  async catchUp(serverId: string, device: EventOrigin, cursor: string): Promise<void> {
    let after = cursor;
    for (;;) {
      const page = await this.store.sync(device.userId, after, PAGE);
      if (page.expired) {
        await this.fanOut.frameToDevice(serverId, device.userId, device.deviceId, {
          error: { code: ErrorCodes.CURSOR_EXPIRED, message: `messages after cursor ${after} are no longer kept (past the retention, or lost): log in again with cursor 0` },
        });
        return;
      }
      if (page.entries.length === 0) return;
      const pushed = await this.fanOut.toDevice(serverId, device.userId, device.deviceId, page.entries);
      if (!pushed) {
        this.logger.warn({ ...device, serverId }, 'device catch-up interrupted: the server failed a push');
        return;
      }
      after = page.entries[page.entries.length - 1].cursor;
      if (!page.hasMore) return;
    }
  }
}
