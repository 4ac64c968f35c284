/** Protobuf base-128 unsigned varint32, as used by the length prefix of every frame. */

/** A varint32 takes at most five bytes; a longer run of continuation bits is malformed. */
export const MAX_VARINT32_BYTES = 5;

export function varint32Size(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Writes `value` (0 ≤ value < 2^32) at `offset` and returns the offset after it. */
export function writeVarint32(value: number, target: Buffer, offset: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    target[offset++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  target[offset++] = v;
  return offset;
}

export function encodeVarint32(value: number): Buffer {
  const buf = Buffer.allocUnsafe(varint32Size(value));
  writeVarint32(value, buf, 0);
  return buf;
}
