import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';

/** The benchmark runner lives in the repository (bench/), next to the packages it measures. */
const RUNNER = fileURLToPath(new URL('../../../../bench/run.ts', import.meta.url));

export const benchCommand: CommandModule = {
  command: 'bench',
  describe:
    'benchmark a real cluster on loopback, as npm run bench (--quick: under a minute; options: docs/benchmarks.md)',
  // Every option belongs to the runner (bench/run.ts), which checks them itself.
  builder: (y) => y.strict(false).version(false),
  handler: async () => {
    if (!existsSync(RUNNER))
      throw new Error('cim bench runs from a source checkout of CIM-TS: bench/run.ts is not here');
    const args = process.argv.slice(process.argv.indexOf('bench') + 1);
    // tsx runs the TypeScript runner; resolved from here so that any working directory works.
    const tsx = import.meta.resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, RUNNER, ...args], { stdio: 'inherit' });
    const code = await new Promise<number>((resolve) =>
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
    );
    process.exit(code);
  },
};
