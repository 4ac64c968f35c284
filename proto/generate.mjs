#!/usr/bin/env node
// Regenerates proto/gen/cim.js and cim.d.ts from cim.proto with protobufjs-cli.
// With --check it regenerates into a temporary folder and fails if the committed code differs,
// so CI catches a cim.proto change whose generated code was not committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'cim-proto-')) : join(here, 'gen');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'cim.js');

execFileSync(
  'npx',
  [
    'pbjs',
    '-t',
    'static-module',
    '-w',
    'esm',
    '--dependency',
    'protobufjs/minimal.js',
    '--no-beautify',
    '-d',
    '-o',
    out,
    join(here, 'cim.proto'),
  ],
  { stdio: 'inherit', cwd: here },
);

if (check) {
  let stale = false;
  for (const file of ['cim.js', 'cim.d.ts']) {
    const fresh = readFileSync(join(outDir, file), 'utf8');
    const committed = readFileSync(join(here, 'gen', file), 'utf8');
    if (fresh !== committed) {
      console.error(`proto/gen/${file} is stale: run "npm run proto:gen" and commit the result.`);
      stale = true;
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  process.exit(stale ? 1 : 0);
}
