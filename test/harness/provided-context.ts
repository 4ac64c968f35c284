/** Addresses of the servers the global setup starts once per run, read in tests with `inject()`. */
export interface ProvidedBackends {
  /** `redis://127.0.0.1:<port>`; prefix every key with the test file's `uniquePrefix()`. */
  redisUrl: string;
  /** `127.0.0.1:<port>`; append the test file's `uniquePrefix()` as a chroot. */
  zkConnect: string;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface ProvidedContext extends ProvidedBackends {}
}
