/**
 * What a line typed into `cim chat` asks for. Pure: no I/O, so every rule of the little command
 * language is tested on its own and the controller only carries the parsed intent out.
 */

/** The route refuses bodies above this many UTF-8 bytes; refusing early keeps the line editable. */
export const MAX_BODY_BYTES = 4096;

export type ChatInput =
  | { kind: 'empty' }
  | { kind: 'message'; body: string }
  | { kind: 'private-to-name'; userName: string; body: string }
  | { kind: 'private-to-id'; userId: string; body: string }
  | { kind: 'online-users' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'info' }
  | { kind: 'target-user'; userName: string }
  | { kind: 'target-lobby' }
  | { kind: 'find-users'; prefix: string }
  /** Not sent anywhere: `hint` tells the user what to type instead. */
  | { kind: 'invalid'; hint: string };

export interface CommandHelp {
  usage: string;
  description: string;
}

/** The `:all` listing, in the order shown. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: '<text>', description: 'send to the current target (the broadcast lobby at first)' },
  { usage: '@<name> <text>', description: 'private message to a user' },
  { usage: '<id>;;<text>', description: 'private message to a user id (as in CIM)' },
  { usage: ':to <name>', description: 'plain lines now go to that user' },
  { usage: ':lobby', description: 'plain lines go to the broadcast lobby again' },
  { usage: ':olu', description: 'list the users online now' },
  { usage: ':pu <prefix>', description: 'find users whose name starts with <prefix>' },
  { usage: ':info', description: 'who you are, which server, state, uptime, reconnects' },
  { usage: ':all', description: 'list these commands' },
  { usage: ':q, :q!', description: 'log out and quit' },
];

const COMMAND_LINE = /^:(\S+)(?:\s+(.*))?$/s;
const TO_NAME = /^@(\S*)(?:\s+(.*))?$/s;
const TO_ID = /^(\d+);;(.*)$/s;

export function parseInput(line: string): ChatInput {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  // A colon followed by a letter is a command; anything else (":)", ": yes") is just text.
  if (/^:[A-Za-z]/.test(text)) return parseCommand(text);

  const toName = TO_NAME.exec(text);
  if (toName) {
    const [, userName, body = ''] = toName;
    if (!userName || !body.trim()) return usage('@<name> <text>');
    return checked(body.trim(), (b) => ({ kind: 'private-to-name', userName, body: b }));
  }

  const toId = TO_ID.exec(text);
  if (toId) {
    const [, userId, body] = toId;
    if (!body.trim()) return usage('<id>;;<text>');
    return checked(body.trim(), (b) => ({ kind: 'private-to-id', userId, body: b }));
  }

  return checked(text, (body) => ({ kind: 'message', body }));
}

function parseCommand(text: string): ChatInput {
  const [, name, rest = ''] = COMMAND_LINE.exec(text)!;
  const argument = rest.trim();
  switch (name) {
    case 'q':
    case 'q!':
      // `:q <keyword>` is CIM's history search; quitting on it would lose the session by surprise.
      if (argument) return { kind: 'invalid', hint: 'history search (:q <keyword>) is not available here; :q alone quits' };
      return { kind: 'quit' };
    case 'olu':
      return { kind: 'online-users' };
    case 'all':
      return { kind: 'help' };
    case 'info':
      return { kind: 'info' };
    case 'lobby':
      return { kind: 'target-lobby' };
    case 'to': {
      const userName = argument.replace(/^@/, '');
      if (!userName || /\s/.test(userName)) return usage(':to <name>');
      return { kind: 'target-user', userName };
    }
    case 'pu':
      if (!argument || /\s/.test(argument)) return usage(':pu <prefix>');
      return { kind: 'find-users', prefix: argument };
    default:
      return { kind: 'invalid', hint: `unknown command :${name} — :all lists commands` };
  }
}

function checked(body: string, make: (body: string) => ChatInput): ChatInput {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    return { kind: 'invalid', hint: `message not sent: it is ${bytes} bytes, the limit is ${MAX_BODY_BYTES}` };
  }
  return make(body);
}

function usage(form: string): ChatInput {
  return { kind: 'invalid', hint: `usage: ${form}` };
}
