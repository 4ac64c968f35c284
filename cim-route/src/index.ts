export * from './route-service.js';
export * from './config.js';
export * from './store/index.js';
export type { SelectionAlgorithm } from './delivery/index.js';
export type { StaticSite } from './http/static-site.js';
export { SESSION_CHECK_CACHE_MS } from './services/accounts.js';
