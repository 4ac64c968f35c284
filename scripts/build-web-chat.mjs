#!/usr/bin/env node
// Builds the web chat (cim-cli/web) into cim-cli/dist/web-chat: the page, its style sheet and one
// ES module bundled by esbuild with the SDK's browser entry. `cim route` and `cim up` serve that
// folder at /chat. Runs after `tsc -b` (the bundle reads the SDK's built browser entry).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = fileURLToPath(new URL('../cim-cli/web/', import.meta.url));
const out = fileURLToPath(new URL('../cim-cli/dist/web-chat/', import.meta.url));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${source}app.ts`],
  outfile: `${out}app.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) copyFileSync(`${source}${file}`, `${out}${file}`);
