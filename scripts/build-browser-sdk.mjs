#!/usr/bin/env node
// Bundles the SDK's browser entry (cim-client/dist/browser.js, built by `tsc -b`) with everything it
// imports into one minified ES module for pages: cim-client/dist/cim-client.browser.js (+ .map).
// Run by `npm run build` after tsc; prints the bundle's size, raw and gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'cim-client/dist/browser.js');
const outfile = join(root, 'cim-client/dist/cim-client.browser.js');

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const code = readFileSync(outfile);
console.log(`${relative(root, outfile)}: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} bytes gzipped`);
