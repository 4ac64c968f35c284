import type { PushDelivery, PushRequest } from '@cim/common';

/**
 * The answer to one batch of events from push server `serverId`, still being prepared: the
 * deliveries of the messages that batch's sends stored, for devices on that same server, travel
 * back in it (`EventsResponse.push`) rather than in a push request of their own. That saves an
 * HTTP exchange per batch (most of a message's cost when sends come one at a time) and puts a
 * sender's own copy of its message in the same write as its SendResult.
 *
 * If the answer does not reach the server, the server answers those sends CIM_ERR_UNAVAILABLE and
 * a retry with the same clientMsgId pushes the stored message again, as after any lost answer.
 */
export class ReturnPath {
  private readonly deliveries: PushDelivery[] = [];
  private closed = false;

  constructor(readonly serverId: string) {}

  /** Takes a delivery for this answer; false once the answer is on its way (push it separately). */
  add(delivery: PushDelivery): boolean {
    if (this.closed) return false;
    this.deliveries.push(delivery);
    return true;
  }

  /** Ends the collection: what the answer carries, if anything. */
  close(): PushRequest | undefined {
    this.closed = true;
    return this.deliveries.length > 0 ? { deliveries: this.deliveries } : undefined;
  }
}
