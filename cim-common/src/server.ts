// `@cim/common/server`: the shared parts that only the route and the push servers load (server
// registry and its ZooKeeper session, server selection, TLS files, logging, the internal HTTP client,
// Node's own HTTP refusals). Kept off the main entry point so that the SDK never loads pino, axios or
// node-zookeeper-client; those are optional peer dependencies of this package for the same reason.
export * from './registry/index.js';
export * from './selection.js';
export * from './tls.js';
export * from './logger.js';
export * from './http-client.js';
export * from './http-client-errors.js';
