export * from './push-server.js';
export * from './config.js';
export { applyPush } from './push-api.js';
