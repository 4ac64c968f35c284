/**
 * The few bytes of the CIM TCP protocol a load generator needs, hand-rolled so that thousands of
 * clients cost the generator as little CPU as possible: Login and Ping out; Deliver, LoginOk, Pong,
 * Error and Kick in (see proto/cim.proto). A Deliver is not decoded into objects: only the sender's
 * user id and the benchmark's own marks in the body (`<index> <sendTimeUs> …`) are read.
 */

export const PING_FRAME = Buffer.from([0x02, 0x5a, 0x00]);

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

function writeVarint(n: number, buf: Buffer, offset: number): number {
  while (n >= 0x80) {
    buf[offset++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[offset++] = n;
  return offset;
}

/**
 * Frame{login: Login{token, cursor?}} with its length prefix. With a cursor the server catches the
 * device up (Deliver frames after it, then CaughtUp).
 */
export function loginFrame(token: string, cursor?: number): Buffer {
  const tokenBytes = Buffer.from(token);
  const cursorLen = cursor === undefined ? 0 : 1 + varintSize(cursor);
  const loginLen = 1 + varintSize(tokenBytes.length) + tokenBytes.length + cursorLen;
  const frameLen = 1 + varintSize(loginLen) + loginLen;
  const out = Buffer.allocUnsafe(varintSize(frameLen) + frameLen);
  let o = writeVarint(frameLen, out, 0);
  out[o++] = 0x52; // field 10 (login), length-delimited
  o = writeVarint(loginLen, out, o);
  out[o++] = 0x0a; // Login.token
  o = writeVarint(tokenBytes.length, out, o);
  o += tokenBytes.copy(out, o);
  if (cursor !== undefined) {
    out[o++] = 0x10; // Login.cursor
    writeVarint(cursor, out, o);
  }
  return out;
}

/**
 * Frame{deliver: Deliver{message: Message{from_user_id, body}}} with its length prefix: what the
 * bare relay floor carries, so its recipients parse the same frame kind as CIM's.
 */
export function deliverFrame(fromUserId: number, body: string): Buffer {
  const text = Buffer.from(body);
  const messageLen = 1 + varintSize(fromUserId) + 1 + varintSize(text.length) + text.length;
  const deliverLen = 1 + varintSize(messageLen) + messageLen;
  const frameLen = 2 + varintSize(deliverLen) + deliverLen;
  const out = Buffer.allocUnsafe(varintSize(frameLen) + frameLen);
  let o = writeVarint(frameLen, out, 0);
  out[o++] = 0x82; // field 32 (deliver), length-delimited: tag 258 as a varint
  out[o++] = 0x02;
  o = writeVarint(deliverLen, out, o);
  out[o++] = 0x0a; // Deliver.message
  o = writeVarint(messageLen, out, o);
  out[o++] = 0x20; // Message.from_user_id
  o = writeVarint(fromUserId, out, o);
  out[o++] = 0x3a; // Message.body
  o = writeVarint(text.length, out, o);
  text.copy(out, o);
  return out;
}

/** A length-prefixed frame of raw bytes (the bare relay's hello: the client's id in decimal). */
export function rawFrame(payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(varintSize(payload.length) + payload.length);
  payload.copy(out, writeVarint(payload.length, out, 0));
  return out;
}

/** The body the benchmark sends: its message index and send time, then padding to `size` bytes. */
export function markedBody(index: number, sendUs: number, size: number): string {
  const head = `${index} ${sendUs} `;
  return head.length >= size ? head : head + 'x'.repeat(size - head.length);
}

/** Reads `<index> <sendTimeUs>` from the start of a body held in buf[start, end). */
export function readMarks(buf: Buffer, start: number, end: number): { index: number; sendUs: number } {
  let i = start;
  let index = 0;
  while (i < end && buf[i] !== 0x20) index = index * 10 + (buf[i++] - 48);
  i++;
  let sendUs = 0;
  while (i < end && buf[i] !== 0x20) sendUs = sendUs * 10 + (buf[i++] - 48);
  return { index, sendUs };
}

export interface CimFrameHandler {
  /** `cursor` is the Deliver's sync cursor (0 when absent, as on the bare relay). */
  onDeliver(fromUserId: number, buf: Buffer, bodyStart: number, bodyEnd: number, cursor: number): void;
  onLoginOk(): void;
  onPong(): void;
  /** SendResult{…, error = 6}: whether it carries an error. */
  onSendResult(requestId: number, ok: boolean): void;
  /** Error, Kick, Redirect or anything unexpected: the kind's field number. */
  onOther(field: number, buf: Buffer, start: number, end: number): void;
}

/**
 * Splits a byte stream into frames and dispatches them. Keeps a leftover only when a frame is cut
 * across chunks (rare for small frames on loopback).
 */
export class CimStreamParser {
  private leftover: Buffer | null = null;

  constructor(private readonly handler: CimFrameHandler) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.leftover) {
      buf = Buffer.concat([this.leftover, chunk]);
      this.leftover = null;
    }
    let o = 0;
    const n = buf.length;
    while (o < n) {
      // length prefix
      let len = 0;
      let shift = 1;
      let p = o;
      let complete = false;
      while (p < n) {
        const b = buf[p++];
        len += (b & 0x7f) * shift;
        shift *= 128;
        if (b < 0x80) {
          complete = true;
          break;
        }
      }
      if (!complete || p + len > n) {
        this.leftover = buf.subarray(o);
        return;
      }
      this.frame(buf, p, p + len);
      o = p + len;
    }
  }

  private frame(buf: Buffer, start: number, end: number): void {
    let o = start;
    let requestId = 0;
    while (o < end) {
      const tag = readVarint(buf, o);
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (wire === 0) {
        const value = readVarint(buf, varintEnd);
        if (field === 1) requestId = value;
        o = varintEnd;
        continue;
      }
      if (wire !== 2) return; // not produced by the server
      const len = readVarint(buf, varintEnd);
      const bodyStart = varintEnd;
      const bodyEnd = bodyStart + len;
      if (field === 32) this.deliver(buf, bodyStart, bodyEnd);
      else if (field === 30) this.handler.onLoginOk();
      else if (field === 31) this.handler.onPong();
      else if (field === 33) this.handler.onSendResult(requestId, !hasField(buf, bodyStart, bodyEnd, 6));
      else this.handler.onOther(field, buf, bodyStart, bodyEnd);
      o = bodyEnd;
    }
  }

  /** Deliver{message: Message{… from_user_id = 4 …, body = 7 …}, cursor = 2} */
  private deliver(buf: Buffer, start: number, end: number): void {
    let o = start;
    let cursor = 0;
    let messageStart = -1;
    let messageEnd = -1;
    while (o < end) {
      const tag = readVarint(buf, o);
      if ((tag & 7) === 0) {
        const value = readVarint(buf, varintEnd);
        if (tag >>> 3 === 2) cursor = value;
        o = varintEnd;
        continue;
      }
      const len = readVarint(buf, varintEnd);
      if (tag >>> 3 === 1) {
        messageStart = varintEnd;
        messageEnd = varintEnd + len;
      }
      o = varintEnd + len;
    }
    if (messageStart >= 0) this.message(buf, messageStart, messageEnd, cursor);
  }

  private message(buf: Buffer, start: number, end: number, cursor: number): void {
    let o = start;
    let from = 0;
    let bodyStart = -1;
    let bodyEnd = -1;
    while (o < end) {
      const tag = readVarint(buf, o);
      const field = tag >>> 3;
      if ((tag & 7) === 0) {
        const value = readVarint(buf, varintEnd);
        if (field === 4) from = value;
        o = varintEnd;
        continue;
      }
      const len = readVarint(buf, varintEnd);
      if (field === 7) {
        bodyStart = varintEnd;
        bodyEnd = varintEnd + len;
      }
      o = varintEnd + len;
    }
    if (bodyStart >= 0) this.handler.onDeliver(from, buf, bodyStart, bodyEnd, cursor);
  }
}

/** Frame{request_id, send: Send{client_msg_id, to: Destination{user_id}, body}} with its length prefix. */
export function sendFrame(requestId: number, toUserId: number, clientMsgId: string, body: string): Buffer {
  const id = Buffer.from(clientMsgId);
  const text = Buffer.from(body);
  const destLen = 1 + varintSize(toUserId);
  const sendLen =
    1 +
    varintSize(id.length) +
    id.length +
    1 +
    varintSize(destLen) +
    destLen +
    1 +
    varintSize(text.length) +
    text.length;
  const frameLen = 1 + varintSize(requestId) + 1 + varintSize(sendLen) + sendLen;
  const out = Buffer.allocUnsafe(varintSize(frameLen) + frameLen);
  let o = writeVarint(frameLen, out, 0);
  out[o++] = 0x08; // Frame.request_id
  o = writeVarint(requestId, out, o);
  out[o++] = 0x6a; // field 13 (send), length-delimited
  o = writeVarint(sendLen, out, o);
  out[o++] = 0x0a; // Send.client_msg_id
  o = writeVarint(id.length, out, o);
  o += id.copy(out, o);
  out[o++] = 0x12; // Send.to
  o = writeVarint(destLen, out, o);
  out[o++] = 0x08; // Destination.user_id
  o = writeVarint(toUserId, out, o);
  out[o++] = 0x1a; // Send.body
  o = writeVarint(text.length, out, o);
  text.copy(out, o);
  return out;
}

/** Whether a message held in buf[start, end) has `field` (top level). */
function hasField(buf: Buffer, start: number, end: number, field: number): boolean {
  let o = start;
  while (o < end) {
    const tag = readVarint(buf, o);
    if (tag >>> 3 === field) return true;
    if ((tag & 7) === 0) {
      readVarint(buf, varintEnd);
      o = varintEnd;
    } else {
      const len = readVarint(buf, varintEnd);
      o = varintEnd + len;
    }
  }
  return false;
}

/** Where the last `readVarint` stopped: a module-level cursor instead of a tuple per varint (no garbage). */
let varintEnd = 0;

/** A varint as a double (exact below 2^53); the offset after it is left in `varintEnd`. */
function readVarint(buf: Buffer, offset: number): number {
  let value = 0;
  let shift = 1;
  let o = offset;
  for (;;) {
    const b = buf[o++];
    value += (b & 0x7f) * shift;
    if (b < 0x80) {
      varintEnd = o;
      return value;
    }
    shift *= 128;
  }
}

/** CaughtUp{cursor = 1} held in buf[start, end): the cursor the device is caught up to. */
export function caughtUpCursor(buf: Buffer, start: number, end: number): number {
  return start < end && buf[start] === 0x08 ? readVarint(buf, start + 1) : 0;
}
