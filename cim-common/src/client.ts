/**
 * What a client of the push servers and the route needs, and nothing that only runs on Node (no
 * `node:*` import, no `Buffer`, no top-level work): errors, the wire types, a `Frame` body encoded
 * and decoded as a `Uint8Array`, and the route's answer types. The SDK loads only this entry, so
 * its browser build carries no server code.
 */
export * from './errors.js';
export * from './codec/types.js';
export { decodeFrame, encodeFrameBody } from './codec/frame-codec.js';
// Types only: the schemas behind them (and zod) stay out of the SDK's bundle.
export type * from './api-types.js';
export { isDecimalCursor, isDecimalId } from './decimal.js';
