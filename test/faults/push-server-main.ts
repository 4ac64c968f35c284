/**
 * A push server in a process of its own, run from the TypeScript sources (tsx), with any
 * `PushServerConfig`, without building the CLI first. Its /metrics include
 * the process's memory, so a test can watch the server's RSS alone. Run with `--expose-gc` and
 * CIM_TEST_MEMORY_PORT set, it also answers `GET /` on that port with process.memoryUsage() taken
 * right after a full garbage collection: what is live, not what awaits collection.
 *
 *   CIM_TEST_PUSH_SERVER='{"id":…,"zk":…,"secret":…,"routeUrl":…,"httpPort":…, …config}' \
 *   TSX_TSCONFIG_PATH=tsconfig.test.json node --import tsx test/faults/push-server-main.ts
 */
import http from 'node:http';
import { silentLogger, ZkRegistry } from '@cim/common/server';
import { PushServer, type PushServerConfig } from '@cim/server';

const { zk, ...config } = JSON.parse(process.env.CIM_TEST_PUSH_SERVER ?? '{}') as Partial<PushServerConfig> & {
  zk: string;
  secret: string;
  routeUrl: string;
};
const registry = new ZkRegistry({ connect: zk, logger: silentLogger });
const server = new PushServer({ ...config, registry, logger: silentLogger, processMetrics: true });
await server.start();

const gc = (globalThis as { gc?: () => void }).gc;
const memoryPort = Number(process.env.CIM_TEST_MEMORY_PORT);
const memory =
  gc && memoryPort
    ? http
        .createServer((_req, res) => {
          gc();
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(process.memoryUsage()));
        })
        .listen(memoryPort, '127.0.0.1')
    : undefined;

process.once('SIGTERM', () => {
  void server
    .stop({ drainTimeoutMs: 1_000 })
    .then(() => registry.close())
    .then(() => memory?.close())
    .finally(() => process.exit(0));
});
