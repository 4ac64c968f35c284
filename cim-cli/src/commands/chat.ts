import type { CommandModule } from 'yargs';
import { clientOptions, connectionOptions, type ConnectionArgs } from '../options.js';
import { readPassword } from '../password.js';

interface ChatArgs extends ConnectionArgs {
  name: string;
  route: string;
  device: string;
}

export const chatCommand: CommandModule<object, ChatArgs> = {
  command: 'chat <name>',
  describe:
    'chat in the terminal as <name> (the account is created on first use; the session is kept, so the password is asked for only when it has ended); :all lists commands',
  builder: (y) =>
    connectionOptions(clientOptions(y)).positional('name', {
      type: 'string',
      demandOption: true,
      describe: 'your user name',
    }) as never,
  handler: async (args) => {
    // Ink and React take about a second to load: only chat pays for them, not send or tail.
    const { runChat } = await import('../chat/run-chat.js');
    const code = await runChat({
      routeUrl: args.route,
      userName: args.name,
      password: () => readPassword(`password for ${args.name}: `),
      deviceId: args.device,
      loginTimeoutMs: args['login-timeout-ms'],
    });
    // Exit with the chat's code now rather than when idle keep-alive sockets finally close.
    process.exit(code);
  },
};
