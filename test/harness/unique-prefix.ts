import { randomBytes } from 'node:crypto';

/**
 * A name no other test file (or earlier run against the same servers) uses: `/t-<name>-<random>`.
 * It is a valid ZooKeeper chroot (`${zkConnect}${prefix}`) and a Redis key prefix (`${prefix}:`),
 * so test files sharing one Redis and one ZooKeeper never see each other's data.
 */
export function uniquePrefix(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'test';
  return `/t-${slug}-${randomBytes(4).toString('hex')}`;
}
