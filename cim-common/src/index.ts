export * from './errors.js';
export * from './codec/varint.js';
export * from './codec/frame-decoder.js';
export * from './codec/frame-codec.js';
export * from './codec/deliver-frame.js';
export * from './codec/types.js';
export * from './token.js';
export * from './registry/types.js';
