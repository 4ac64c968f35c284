import { randomUUID } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { RouteApi } from '@cim/client';
import { clientOptions } from '../options.js';
import { readPassword } from '../password.js';
import { parseRecipient, resolveRecipient } from '../recipient.js';
import { safeJson } from '../safe-text.js';
import { describeError } from '../format.js';

interface SendArgs {
  to: string;
  text: string;
  as?: string;
  route: string;
  device: string;
}

export const sendCommand: CommandModule<object, SendArgs> = {
  command: 'send <to> <text>',
  describe:
    'send one message and print its {msgId,…} as JSON (for scripts); <to> is a name, @name, a user id, or lobby/all',
  builder: (y) =>
    clientOptions(y)
      .positional('to', {
        type: 'string',
        demandOption: true,
        describe: 'user name, @name, user id, or lobby / all for the broadcast lobby',
      })
      .positional('text', { type: 'string', demandOption: true })
      .option('as', {
        type: 'string',
        default: process.env.CIM_USER || undefined,
        describe: 'who sends (env CIM_USER)',
      })
      // Its own device, so a one-shot send does not replace (kick) the user's running chat.
      .option('device', {
        type: 'string',
        default: process.env.CIM_DEVICE || 'cli-send',
        describe: 'device id (env CIM_DEVICE)',
      }) as never,
  handler: async (args) => {
    if (!args.as) throw new Error('say who sends: --as <name> or env CIM_USER');
    const password = await readPassword(`password for ${args.as}: `);
    // A one-shot send needs no push connection: logging in over HTTP, sending and logging out
    // skips the TCP connect and the catch-up of the whole backlog that CimClient.connect() does.
    const api = new RouteApi(args.route);
    try {
      const login = await api.login(args.as, password, args.device);
      api.token = login.token;
      const to = await resolveRecipient(parseRecipient(args.to), api);
      const answer = await api.send(to, args.text, randomUUID());
      process.stdout.write(`${safeJson(answer)}\n`);
    } catch (err) {
      process.stderr.write(`${describeError(err)}\n`);
      process.exitCode = 1;
    } finally {
      if (api.token) await api.logout().catch(() => undefined);
    }
  },
};
