export * from './sdk/cim-client.js';
export * from './sdk/route-api.js';
export * from './sdk/cursor-store.js';
