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
   * One length-prefixed Deliver frame for a recipient at `cursor`: a small header, a copy of the
   * shared message bytes and the cursor. One buffer per recipient costs less than handing the
   * socket three (fewer writes, fewer objects), and the copy of a message is a few hundred bytes.
   */
  frameFor(cursor: string): Buffer {
    const cursorField = encodeCursorField(cursor);
    const deliverLength = this.messageField.length + cursorField.length;
    const frameLength = FRAME_DELIVER_TAG.length + varint32Size(deliverLength) + deliverLength;
    const frame = Buffer.allocUnsafe(varint32Size(frameLength) + frameLength);
    let offset = writeVarint32(frameLength, frame, 0);
    frame[offset++] = FRAME_DELIVER_TAG[0];
    frame[offset++] = FRAME_DELIVER_TAG[1];
    offset = writeVarint32(deliverLength, frame, offset);
    offset += this.messageField.copy(frame, offset);
    cursorField.copy(frame, offset);
    return frame;
  }
}

/** Scratch space for one cursor field: a tag and at most ten varint bytes. */
const cursorScratch = Buffer.alloc(11);

/** `Deliver.cursor` (uint64; omitted when 0), as a view of a scratch buffer valid until the next call. */
function encodeCursorField(cursor: string): Buffer {
  // Route cursors stay below 2^53 (see cim-route's cursor.ts): plain numbers, no BigInt.
  let n = Number(cursor);
  if (n === 0) return cursorScratch.subarray(0, 0);
  let length = 0;
  cursorScratch[length++] = DELIVER_CURSOR_TAG;
  if (Number.isSafeInteger(n)) {
    while (n >= 0x80) {
      cursorScratch[length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    cursorScratch[length++] = n;
  } else {
    let v = BigInt(cursor);
    while (v >= 0x80n) {
      cursorScratch[length++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    cursorScratch[length++] = Number(v);
  }
  return cursorScratch.subarray(0, length);
}
