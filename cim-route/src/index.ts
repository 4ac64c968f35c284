export * from './route-service.js';
export * from './config.js';
export * from './store/types.js';
export type { SelectionAlgorithm } from './server-directory.js';
