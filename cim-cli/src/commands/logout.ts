import type { CommandModule } from 'yargs';
import { clientOptions } from '../options.js';
import { safeInline } from '../safe-text.js';
import { logoutStored } from '../session.js';
import { sessionStore } from '../session-store.js';

interface LogoutArgs {
  name: string;
  route: string;
  device: string;
}

export const logoutCommand: CommandModule<object, LogoutArgs> = {
  command: 'logout <name>',
  describe:
    'end the session cim chat keeps for <name> on this device, at the route and here (offline too: forgotten here)',
  builder: (y) =>
    clientOptions(y).positional('name', {
      type: 'string',
      demandOption: true,
      describe: 'your user name',
    }) as never,
  handler: async (args) => {
    const key = { routeUrl: args.route, userName: args.name, deviceId: args.device };
    const outcome = await logoutStored(sessionStore(), key);
    const who = `${safeInline(args.name)} on device ${safeInline(args.device)}`;
    if (!outcome.hadSession) process.stdout.write(`no session kept for ${who}: nothing to do\n`);
    else if (outcome.toldRoute) process.stdout.write(`logged out ${who}\n`);
    else
      process.stdout.write(
        `forgot the session of ${who} here; the route could not be told (${outcome.problem}), so it ends when it expires\n`,
      );
  },
};
