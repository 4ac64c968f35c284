import { encodeMessage } from './frame-codec.js';
import type { ChatMessage } from './types.js';
import { varint32Size, writeVarint32 } from './varint.js';

/*
 * Encode-once fan-out. A Deliver frame is Frame{deliver: Deliver{message, cursor}}. The message is
 * the same for every recipient; only the cursor differs. Protobuf lets fields be concatenated, so
 * the message is encoded once and each recipient's frame is a few header bytes + the shared
 * message bytes + a few cursor bytes.
 */

const FRAME_DELIVER_TAG = Buffer.from([0x82, 0x02]); // field 32, wire type 2
const DELIVER_MESSAGE_TAG = 0x0a; // field 1, wire type 2
const DELIVER_CURSOR_TAG = 0x10; // field 2, wire type 0

export class SharedDeliver {
  /** `Deliver.message` field, encoded once: tag + length + Message bytes. */
  readonly messageField: Buffer;

  constructor(message: ChatMessage) {
    const body = encodeMessage(message);
    this.messageField = Buffer.allocUnsafe(1 + varint32Size(body.length) + body.length);
    this.messageField[0] = DELIVER_MESSAGE_TAG;
    const offset = writeVarint32(body.length, this.messageField, 1);
    this.messageField.set(body, offset);
  }

  /**
   * The buffers of one length-prefixed Deliver frame for a recipient at `cursor`. Write them in
   * order (the shared part is not copied).
   */
  framePartsFor(cursor: string | bigint): Buffer[] {
    const tail = encodeCursorField(BigInt(cursor));
    const deliverLength = this.messageField.length + tail.length;
    const frameLength = FRAME_DELIVER_TAG.length + varint32Size(deliverLength) + deliverLength;
    const header = Buffer.allocUnsafe(varint32Size(frameLength) + FRAME_DELIVER_TAG.length + varint32Size(deliverLength));
    let offset = writeVarint32(frameLength, header, 0);
    header[offset++] = FRAME_DELIVER_TAG[0];
    header[offset++] = FRAME_DELIVER_TAG[1];
    writeVarint32(deliverLength, header, offset);
    return tail.length ? [header, this.messageField, tail] : [header, this.messageField];
  }
}

function encodeCursorField(cursor: bigint): Buffer {
  if (cursor === 0n) return Buffer.alloc(0);
  const bytes = [DELIVER_CURSOR_TAG];
  let v = cursor;
  while (v >= 0x80n) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Buffer.from(bytes);
}
