#!/usr/bin/env node
// Fails (exit 1) on an import that crosses the package graph of docs/architecture.md the wrong way:
// the SDK loading server or terminal-UI code, @cim/common's main entry loading server-only modules,
// a package reaching into another one by a relative path, bench or the dev kit importing test/. Run by `npm run lint`.
// Usage: node scripts/check-imports.mjs [repository root]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Packages the server side loads, and the terminal UI; none of them may reach the SDK. */
const SERVER_AND_UI = [
  '@cim/route',
  '@cim/server',
  '@cim/cli',
  '@cim/common/server',
  'express',
  'ioredis',
  'node-zookeeper-client',
  'pino',
  'axios',
  'prom-client',
  'ink',
  'ink-spinner',
  'react',
  'yargs',
];

/** Who may not import what (bare specifiers, matched as the package or one of its subpaths). */
const RULES = [
  { dir: 'cim-client/src', forbidden: SERVER_AND_UI, why: 'the SDK loads only the protocol (@cim/common, @cim/proto)' },
  {
    dir: 'proto',
    forbidden: ['@cim/common', '@cim/client', '@cim/route', '@cim/server', '@cim/cli'],
    why: 'the protocol is the bottom of the graph',
  },
  {
    dir: 'cim-common/src',
    forbidden: ['@cim/client', '@cim/route', '@cim/server', '@cim/cli'],
    why: '@cim/common is shared by everyone and imports none of them',
  },
  {
    dir: 'cim-server/src',
    forbidden: ['@cim/client', '@cim/route', '@cim/cli'],
    why: 'the push server talks to the route over HTTP only',
  },
  {
    dir: 'cim-route/src',
    forbidden: ['@cim/client', '@cim/server', '@cim/cli'],
    why: 'the route talks to push servers over HTTP only',
  },
];

/** Modules that @cim/common's main entry (what the SDK loads) must not reach, even through its own files. */
const COMMON_MAIN_FORBIDDEN = ['pino', 'axios', 'node-zookeeper-client', 'prom-client'];

/** Folders that tests build on but that never import tests themselves (what they share lives in devkit/). */
const NOT_IMPORTING_TEST = ['bench', 'devkit'];

const SOURCE = /\.(ts|tsx|mjs|js)$/;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|[\s;])import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'gen' || entry.startsWith('.')) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file) {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What loading the file loads: `import type` / `export type` are erased by the compiler. */
function runtimeImportsOf(file) {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .filter((m) => !/^[\s;]*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

const matches = (specifier, name) => specifier === name || specifier.startsWith(`${name}/`);
const NODE_BUILTINS = new Set(builtinModules);
/** What code that runs in browsers must not import: Node's own modules, and of @cim/common anything but its client entry. */
const notForBrowsers = (specifier) =>
  specifier.startsWith('node:') ||
  NODE_BUILTINS.has(specifier) ||
  (matches(specifier, '@cim/common') && specifier !== '@cim/common/client');
const isTest = (file) => /\.test\.tsx?$/.test(file);
const rel = (file) => relative(root, file).split(sep).join('/');

const problems = [];

for (const rule of RULES) {
  const packageDir = join(root, rule.dir.split('/')[0]);
  for (const file of sourceFiles(join(root, rule.dir))) {
    for (const specifier of importsOf(file)) {
      const hit = rule.forbidden.find((name) => matches(specifier, name));
      if (hit) problems.push(`${rel(file)} imports ${specifier}: ${rule.why}`);
      // Tests may use the shared test harness; shipped code stays inside its own package.
      if (specifier.startsWith('.') && !isTest(file)) {
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(packageDir + sep)) {
          problems.push(`${rel(file)} imports ${specifier}, outside its package: import the package by name`);
        }
      }
    }
  }
}

/** Calls `check(file, specifier)` for every import of `entry` and of the files it reaches by relative imports. */
function walkFrom(entry, check) {
  const seen = new Set();
  const queue = existsSync(entry) ? [entry] : [];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const specifier of runtimeImportsOf(file)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
      check(file, specifier);
    }
  }
}

// Walk @cim/common's main entry through its relative imports: none of its files may load a server-only module.
walkFrom(join(root, 'cim-common/src/index.ts'), (file, specifier) => {
  if (COMMON_MAIN_FORBIDDEN.some((name) => matches(specifier, name)))
    problems.push(
      `${rel(file)} imports ${specifier} and is reached from @cim/common's main entry: export it from @cim/common/server`,
    );
});

// The SDK's browser entry, @cim/common/client which it loads, and the web chat (with the chat code it
// shares with `cim chat`) run in pages: nothing of Node, and of @cim/common only its client entry (the
// main entry loads node:crypto and Buffer).
for (const entry of ['cim-client/src/browser.ts', 'cim-common/src/client.ts', 'cim-cli/web/app.ts']) {
  walkFrom(join(root, entry), (file, specifier) => {
    if (notForBrowsers(specifier))
      problems.push(`${rel(file)} imports ${specifier} and is reached from ${entry}, which runs in browsers`);
  });
}

for (const dir of NOT_IMPORTING_TEST) {
  for (const file of sourceFiles(join(root, dir))) {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.') && resolve(dirname(file), specifier).startsWith(join(root, 'test') + sep)) {
        problems.push(`${rel(file)} imports ${specifier}: ${dir} does not import test/`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Forbidden imports (see docs/architecture.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('imports follow the package graph');
