/**
 * Just enough MQTT 3.1.1 for the yardsticks: CONNECT, SUBSCRIBE, PUBLISH (QoS 0 and 1) and PUBACK
 * out; CONNACK, SUBACK, PUBLISH and PUBACK in. Payloads carry the same `<index> <sendTimeUs> …`
 * marks as the CIM bodies.
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

export type Qos = 0 | 1;

/** SUBSCRIBE to one topic with the highest QoS the broker may deliver it at. */
export function subscribePacket(packetId: number, topic: string, qos: Qos = 0): Buffer {
  return packet(0x82, Buffer.concat([Buffer.from([packetId >> 8, packetId & 0xff]), str(topic), Buffer.from([qos])]));
}

/** PUBLISH; QoS 1 carries a packet id (1–65535) that the broker answers with a PUBACK. */
export function publishPacket(topic: string, payload: string | Buffer, qos: Qos = 0, packetId = 0): Buffer {
  const id = qos > 0 ? Buffer.from([packetId >> 8, packetId & 0xff]) : Buffer.alloc(0);
  return packet(0x30 | (qos << 1), Buffer.concat([str(topic), id, Buffer.from(payload)]));
}

/** PUBACK: what a QoS 1 receiver answers, for each PUBLISH it got. */
export function pubackPacket(packetId: number): Buffer {
  return Buffer.from([0x40, 0x02, packetId >> 8, packetId & 0xff]);
}

export const PINGREQ = Buffer.from([0xc0, 0x00]);

export interface MqttHandler {
  onConnAck(returnCode: number): void;
  onSubAck(): void;
  /** `packetId` is 0 for a QoS 0 PUBLISH; a QoS 1 one must be answered with a PUBACK. */
  onPublish(buf: Buffer, payloadStart: number, payloadEnd: number, packetId: number): void;
  /** The broker took a QoS 1 PUBLISH of ours. */
  onPubAck?(packetId: number): void;
}

/** Splits an MQTT byte stream into packets and dispatches the kinds a client gets. */
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
        const idAt = p + 2 + topicLen;
        const packetId = qos > 0 ? buf.readUInt16BE(idAt) : 0;
        this.handler.onPublish(buf, idAt + (qos > 0 ? 2 : 0), p + len, packetId);
      } else if (type === 2) {
        this.handler.onConnAck(buf[p + 1]);
      } else if (type === 9) {
        this.handler.onSubAck();
      } else if (type === 4) {
        this.handler.onPubAck?.(buf.readUInt16BE(p));
      }
      o = p + len;
    }
    if (o < n) this.leftover = buf.subarray(o);
  }
}
