/** Where a command gets the account password: CIM_PASSWORD, else a prompt that does not echo. */

export interface PasswordSources {
  env?: NodeJS.ProcessEnv;
  input?: NodeJS.ReadStream;
  output?: NodeJS.WritableStream;
}

export async function readPassword(prompt: string, sources: PasswordSources = {}): Promise<string> {
  const env = sources.env ?? process.env;
  if (env.CIM_PASSWORD) return env.CIM_PASSWORD;
  const input = sources.input ?? process.stdin;
  if (!input.isTTY) throw new Error('no password: set CIM_PASSWORD or run in a terminal to be asked for one');
  const password = await promptHidden(prompt, input, sources.output ?? process.stderr);
  if (!password) throw new Error('no password given');
  return password;
}

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\x7f', '\b']);
const CTRL_C = '\x03';
const CTRL_D = '\x04';
const CTRL_U = '\x15';

/** Reads one line in raw mode so the terminal shows nothing of what is typed. */
function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  output.write(prompt);
  const wasRaw = input.isRaw;
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (then: () => void) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      // Paused, so a later reader (Ink) starts from a quiet stream and the process can exit.
      input.pause();
      output.write('\n');
      then();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) return finish(() => resolve(typed));
        if (char === CTRL_C || char === CTRL_D) return finish(() => reject(new Error('cancelled')));
        if (BACKSPACE.has(char)) typed = typed.slice(0, -1);
        else if (char === CTRL_U) typed = '';
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}
