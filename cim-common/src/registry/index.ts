export * from './types.js';
export { MemoryRegistry, MemoryRegistryHub } from './memory-registry.js';
export { ZkRegistry, type ZkRegistryOptions } from './zk-registry.js';
