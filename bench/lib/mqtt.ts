/**
 * Just enough MQTT 3.1.1 for the fan-out yardstick: CONNECT, SUBSCRIBE and QoS 0 PUBLISH out;
 * CONNACK, SUBACK and PUBLISH in. Payloads carry the same `<index> <sendTimeUs> …` marks as the
 * CIM bodies.
 */

function remainingLength(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    bytes.push(b);
  } while (n > 0);
  return Buffer.from(bytes);
}

function str(s: string): Buffer {
  const b = Buffer.from(s);
  const out = Buffer.allocUnsafe(2 + b.length);
  out.writeUInt16BE(b.length, 0);
  b.copy(out, 2);
  return out;
}

function packet(first: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([first]), remainingLength(body.length), body]);
}

export function connectPacket(clientId: string, keepAliveSec = 60): Buffer {
  const variable = Buffer.concat([str('MQTT'), Buffer.from([4, 0x02, keepAliveSec >> 8, keepAliveSec & 0xff])]);
  return packet(0x10, Buffer.concat([variable, str(clientId)]));
}

export function subscribePacket(packetId: number, topic: string): Buffer {
  return packet(0x82, Buffer.concat([Buffer.from([packetId >> 8, packetId & 0xff]), str(topic), Buffer.from([0])]));
}

export function publishPacket(topic: string, payload: string | Buffer): Buffer {
  return packet(0x30, Buffer.concat([str(topic), Buffer.from(payload)]));
}

export const PINGREQ = Buffer.from([0xc0, 0x00]);

export interface MqttHandler {
  onConnAck(returnCode: number): void;
  onSubAck(): void;
  onPublish(buf: Buffer, payloadStart: number, payloadEnd: number): void;
}

/** Splits an MQTT byte stream into packets and dispatches the three kinds a subscriber gets. */
export class MqttStreamParser {
  private leftover: Buffer | null = null;

  constructor(private readonly handler: MqttHandler) {}

  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.leftover) {
      buf = Buffer.concat([this.leftover, chunk]);
      this.leftover = null;
    }
    let o = 0;
    const n = buf.length;
    while (o < n) {
      if (o + 2 > n) break;
      const first = buf[o];
      let len = 0;
      let shift = 1;
      let p = o + 1;
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
      if (!complete || p + len > n) break;
      const type = first >> 4;
      if (type === 3) {
        const topicLen = buf.readUInt16BE(p);
        const qos = (first >> 1) & 3;
        const start = p + 2 + topicLen + (qos > 0 ? 2 : 0);
        this.handler.onPublish(buf, start, p + len);
      } else if (type === 2) {
        this.handler.onConnAck(buf[p + 1]);
      } else if (type === 9) {
        this.handler.onSubAck();
      }
      o = p + len;
    }
    if (o < n) this.leftover = buf.subarray(o);
  }
}
