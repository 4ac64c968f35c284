import type { SessionRecord } from '../types.js';

/** Both stores list a user's sessions by device id, so answers do not depend on the backend. */
export function byDeviceId(a: SessionRecord, b: SessionRecord): number {
  return a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0;
}
