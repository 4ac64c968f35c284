#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { benchCommand } from './commands/bench.js';
import { chatCommand } from './commands/chat.js';
import { logoutCommand } from './commands/logout.js';
import { registerCommand } from './commands/register.js';
import { routeCommand } from './commands/route.js';
import { sendCommand } from './commands/send.js';
import { serverCommand } from './commands/server.js';
import { tailCommand } from './commands/tail.js';
import { upCommand } from './commands/up.js';
import { safeInline } from './safe-text.js';

await yargs(hideBin(process.argv))
  .scriptName('cim')
  .usage('$0 <command> [options]')
  .command(upCommand)
  .command(routeCommand)
  .command(serverCommand)
  .command(registerCommand)
  .command(chatCommand)
  .command(logoutCommand)
  .command(sendCommand)
  .command(tailCommand)
  .command(benchCommand)
  .demandCommand(1, 'name a command: cim --help lists them')
  .strict()
  .fail((message, err, y) => {
    if (err) console.error(`cim: ${safeInline(err.message)}`);
    else {
      console.error(y.help());
      console.error(`\n${message}`);
    }
    process.exit(1);
  })
  .help()
  .parseAsync();
