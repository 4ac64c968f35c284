import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const INSTALL_HINT = 'apt-get install -y redis-server zookeeper';
export const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
export const ZOOKEEPER_CONF_DIR = '/etc/zookeeper/conf';

/** Whether `command` is an executable in one of the PATH folders. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function missing(what: string): Error {
  return new Error(
    `${what} is needed by the test suite (it starts its own Redis and ZooKeeper). ` +
      `Install it with: ${INSTALL_HINT}`,
  );
}

export function requireRedisServer(): void {
  if (!onPath('redis-server')) throw missing('redis-server (Debian package redis-server)');
}

export function requireZooKeeper(): void {
  if (!onPath('java')) throw missing('java (pulled in by the Debian package zookeeper)');
  if (!existsSync(ZOOKEEPER_JAR)) throw missing(`${ZOOKEEPER_JAR} (Debian package zookeeper)`);
}
