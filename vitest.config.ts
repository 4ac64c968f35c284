import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not dist/.
    alias: {
      // Subpaths before their package, which would otherwise match them as a prefix.
      '@cim/common/server': fileURLToPath(new URL('./cim-common/src/server.ts', import.meta.url)),
      '@cim/common/client': fileURLToPath(new URL('./cim-common/src/client.ts', import.meta.url)),
      '@cim/client/browser': fileURLToPath(new URL('./cim-client/src/browser.ts', import.meta.url)),
      '@cim/common': src('cim-common'),
      '@cim/server': src('cim-server'),
      '@cim/route': src('cim-route'),
      '@cim/client': src('cim-client'),
      '@cim/cli': src('cim-cli'),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['test/harness/global-setup.ts'],
    setupFiles: ['test/harness/fail-on-unhandled.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
