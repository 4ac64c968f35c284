import type { CommandModule } from 'yargs';
import { CimClient } from '@cim/client';
import { cursorStore } from '../config-dir.js';
import { clientOptions, connectionOptions, type ConnectionArgs } from '../options.js';
import { readPassword } from '../password.js';
import { describeError } from '../format.js';
import { safeInline } from '../safe-text.js';
import { stopOnSignals } from '../signals.js';
import { humanLine, jsonLine, type TailEvent } from '../tail-events.js';

interface TailArgs extends ConnectionArgs {
  as?: string;
  json: boolean;
  route: string;
  device: string;
}

export const tailCommand: CommandModule<object, TailArgs> = {
  command: 'tail',
  describe: "stream a user's messages and connection events (--json: one JSON object per line)",
  builder: (y) =>
    connectionOptions(clientOptions(y))
      .option('as', {
        type: 'string',
        default: process.env.CIM_USER || undefined,
        describe: 'whose messages (env CIM_USER)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'NDJSON: {"type":"message"|"state"|"kicked"|"caughtUp"|"cursorExpired", …}',
      })
      // Its own device, so tailing does not replace (kick) the user's running chat.
      .option('device', {
        type: 'string',
        default: process.env.CIM_DEVICE || 'cli-tail',
        describe: 'device id (env CIM_DEVICE)',
      }) as never,
  handler: async (args) => {
    if (!args.as) throw new Error('say whose messages: --as <name> or env CIM_USER');
    const password = await readPassword(`password for ${args.as}: `);
    const client = new CimClient({
      routeUrl: args.route,
      userName: args.as,
      password,
      deviceId: args.device,
      loginTimeoutMs: args['login-timeout-ms'],
      // Resumes where the last tail on this device stopped, like `cim chat`.
      cursorStore: cursorStore(),
    });

    let stopped = false;
    const stop = async (code: number) => {
      if (stopped) return;
      stopped = true;
      await client.close();
      process.exit(code);
    };

    const format = args.json ? jsonLine : humanLine;
    const emit = (event: TailEvent) => {
      if (!stopped) process.stdout.write(`${format(event)}\n`);
    };
    // A reader that went away (`cim tail | head`) is the normal end of a stream, not a crash.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') void stop(0);
      else throw err;
    });

    client.on('state', (state) => emit({ type: 'state', state }));
    client.on('message', (message, meta) => emit({ type: 'message', message, ...meta }));
    client.on('caughtUp', ({ cursor }) => emit({ type: 'caughtUp', cursor }));
    client.on('cursorExpired', (expired) => emit({ type: 'cursorExpired', ...expired }));
    client.on('kicked', (reason) => {
      emit({ type: 'kicked', reason });
      process.stderr.write(`cim tail: signed out: ${safeInline(reason)}\n`);
      void stop(1);
    });
    stopOnSignals(() => stop(0));

    try {
      await client.connect();
    } catch (err) {
      process.stderr.write(`${describeError(err)}\n`);
      await stop(1);
    }
  },
};
