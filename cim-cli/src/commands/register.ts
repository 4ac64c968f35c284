import type { CommandModule } from 'yargs';
import { RouteApi } from '@cim/client';
import { clientOptions } from '../options.js';
import { readPassword } from '../password.js';
import { describeError } from '../format.js';

interface RegisterArgs {
  name: string;
  route: string;
}

export const registerCommand: CommandModule<object, RegisterArgs> = {
  command: 'register <name>',
  describe: 'create an account (password from CIM_PASSWORD, else asked for) and print its user id',
  builder: (y) =>
    clientOptions(y).positional('name', {
      type: 'string',
      demandOption: true,
      describe: 'user name: 1-32 of A-Z a-z 0-9 _ . -',
    }) as never,
  handler: async (args) => {
    const password = await readPassword(`password for new user ${args.name}: `);
    try {
      const user = await new RouteApi(args.route).register(args.name, password);
      process.stdout.write(`${user.userId}\n`);
    } catch (err) {
      process.stderr.write(`cim register: ${describeError(err)}\n`);
      process.exitCode = 1;
    }
  },
};
