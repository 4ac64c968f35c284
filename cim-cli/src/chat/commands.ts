/**
 * What a line typed into `cim chat` asks for. Pure: no I/O, so every rule of the little command
 * language is tested on its own and the controller only carries the parsed intent out.
 */
import { isDecimalId } from '@cim/common/client';
import { EMOJI_PAGES, expandShortcodes } from './emoji.js';

/** The route refuses bodies above this many UTF-8 bytes; refusing early keeps the line editable. */
export const MAX_BODY_BYTES = 4096;
/** The route schedules at most this far ahead. */
export const MAX_DELAY_SECONDS = 30 * 24 * 60 * 60;
/** The route's limits on a history keyword and on a group name. */
export const MAX_KEYWORD_CHARS = 100;
export const MAX_GROUP_NAME_CHARS = 64;

export type ChatInput =
  | { kind: 'empty' }
  | { kind: 'message'; body: string }
  | { kind: 'private-to-name'; userName: string; body: string }
  | { kind: 'private-to-id'; userId: string; body: string }
  | { kind: 'delayed'; seconds: number; body: string }
  | { kind: 'online-users' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'info' }
  | { kind: 'target-user'; userName: string }
  /** A group by name or by id, as typed. */
  | { kind: 'target-group'; group: string }
  | { kind: 'target-lobby' }
  | { kind: 'find-users'; prefix: string }
  | { kind: 'search'; keyword: string }
  | { kind: 'emoji'; page: number }
  | { kind: 'create-group'; name: string; memberNames: string[]; public: boolean }
  | { kind: 'join-group'; groupId: string }
  /** A group by name or by id, as typed. */
  | { kind: 'invite'; group: string; userNames: string[] }
  | { kind: 'leave-group' }
  | { kind: 'dissolve-group' }
  | { kind: 'members' }
  | { kind: 'groups' }
  /** A page of public groups, from the one after `after`. */
  | { kind: 'public-groups'; after?: string }
  | { kind: 'recall' }
  /** Not sent anywhere: `hint` tells the user what to type instead. */
  | { kind: 'invalid'; hint: string };

export interface CommandHelp {
  usage: string;
  description: string;
}

/** The `:all` listing, in the order shown. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: '<text>', description: 'send to the current target (the broadcast lobby at first); :smile: becomes 😄' },
  { usage: '@<name> <text>', description: 'private message to a user' },
  { usage: '<id>;;<text>', description: 'private message to a user id (as in CIM)' },
  { usage: ':to <name>', description: 'plain lines now go to that user' },
  { usage: ':g <group>', description: 'plain lines now go to that group (by name or id)' },
  { usage: ':lobby', description: 'plain lines go to the broadcast lobby again' },
  { usage: ':delay <seconds> <text>', description: 'send to the current target later (up to 30 days)' },
  { usage: ':recall', description: 'take back your last message in the current conversation' },
  { usage: ':q <keyword>', description: 'search this conversation (from the lobby: all of yours)' },
  { usage: ':olu', description: 'list the users online now' },
  { usage: ':pu <prefix>', description: 'find users whose name starts with <prefix>' },
  { usage: ':create <group> [names…]', description: 'create a private group with these users and talk there' },
  { usage: ':create-public <group> [names…]', description: 'create a public group: anyone may find and join it' },
  {
    usage: ':invite <group> <names…>',
    description: 'add users to a group you are in (the only way into a private group)',
  },
  { usage: ':join <group id>', description: 'join a public group (or one you were invited to) and talk there' },
  { usage: ':leave', description: 'leave the current group' },
  { usage: ':dissolve', description: 'end the current group (its creator only)' },
  { usage: ':members', description: 'who is in the current group' },
  { usage: ':groups', description: 'the groups you are in, with their ids' },
  { usage: ':groups public [after id]', description: 'public groups anyone may :join, a page at a time' },
  { usage: ':emoji [page]', description: 'list the emoji and their :codes:' },
  { usage: ':info', description: 'who you are, which server, state, uptime, reconnects' },
  { usage: ':all', description: 'list these commands' },
  { usage: ':q, :q!', description: 'log out and quit' },
];

const COMMAND_LINE = /^:(\S+)(?:\s+(.*))?$/s;
const TO_NAME = /^@(\S*)(?:\s+(.*))?$/s;
const TO_ID = /^(\d+);;(.*)$/s;
const USER_NAME = /^[A-Za-z0-9_.-]{1,32}$/;

export function parseInput(line: string): ChatInput {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  // A colon followed by a letter is a command; anything else (":)", ": yes") is just text, and so
  // is a line that opens with a shortcode (":wave: hi"): no command name ends in a colon.
  if (/^:[A-Za-z]/.test(text) && !/^:[^\s:]+:/.test(text)) return parseCommand(text);

  const toName = TO_NAME.exec(text);
  if (toName) {
    const [, userName, body = ''] = toName;
    if (!userName || !body.trim()) return usage('@<name> <text>');
    return checked(body, (b) => ({ kind: 'private-to-name', userName, body: b }));
  }

  const toId = TO_ID.exec(text);
  if (toId) {
    const [, userId, body] = toId;
    if (!body.trim()) return usage('<id>;;<text>');
    return checked(body, (b) => ({ kind: 'private-to-id', userId, body: b }));
  }

  return checked(text, (body) => ({ kind: 'message', body }));
}

function parseCommand(text: string): ChatInput {
  const [, name, rest = ''] = COMMAND_LINE.exec(text)!;
  const argument = rest.trim();
  switch (name) {
    case 'q':
      // CIM's `:q <keyword>` searches; `:q` alone quits.
      if (!argument) return { kind: 'quit' };
      if (argument.length > MAX_KEYWORD_CHARS)
        return { kind: 'invalid', hint: `search for at most ${MAX_KEYWORD_CHARS} characters` };
      return { kind: 'search', keyword: argument };
    case 'q!':
      // Quitting on a line meant as something else would end the session by surprise.
      return argument ? usage(':q! (quits; :q <keyword> searches)') : { kind: 'quit' };
    case 'olu':
      return noArgument(argument, ':olu', { kind: 'online-users' });
    case 'all':
      return { kind: 'help' };
    case 'info':
      return noArgument(argument, ':info', { kind: 'info' });
    case 'lobby':
      return noArgument(argument, ':lobby', { kind: 'target-lobby' });
    case 'to': {
      const userName = argument.replace(/^@/, '');
      if (!userName || /\s/.test(userName)) return usage(':to <name>');
      return { kind: 'target-user', userName };
    }
    case 'g': {
      const group = argument.replace(/^#/, '');
      if (!group || /\s/.test(group)) return usage(':g <group name or id>');
      return { kind: 'target-group', group };
    }
    case 'pu':
      if (!argument || /\s/.test(argument)) return usage(':pu <prefix>');
      return { kind: 'find-users', prefix: argument };
    case 'emoji':
      return parseEmoji(argument);
    case 'delay':
      return parseDelay(argument);
    case 'create':
      return parseCreate(argument, false);
    case 'create-public':
      return parseCreate(argument, true);
    case 'invite':
      return parseInvite(argument);
    case 'join': {
      const groupId = argument.replace(/^#/, '');
      if (!isDecimalId(groupId)) return usage(':join <group id> (:groups shows ids)');
      return { kind: 'join-group', groupId };
    }
    case 'leave':
      return noArgument(argument, ':leave (leaves the current group; :g <group> picks it)', { kind: 'leave-group' });
    case 'dissolve':
      return noArgument(argument, ':dissolve (ends the current group; :g <group> picks it)', {
        kind: 'dissolve-group',
      });
    case 'members':
      return noArgument(argument, ':members (of the current group; :g <group> picks it)', { kind: 'members' });
    case 'groups':
      return parseGroups(argument);
    case 'recall':
      return noArgument(argument, ':recall (takes back your last message here)', { kind: 'recall' });
    default:
      return { kind: 'invalid', hint: `unknown command :${name} — :all lists commands` };
  }
}

function parseEmoji(argument: string): ChatInput {
  if (!argument) return { kind: 'emoji', page: 1 };
  if (!/^\d+$/.test(argument)) return usage(':emoji [page]');
  const page = Number(argument);
  if (page < 1 || page > EMOJI_PAGES) return { kind: 'invalid', hint: `there are emoji pages 1 to ${EMOJI_PAGES}` };
  return { kind: 'emoji', page };
}

function parseDelay(argument: string): ChatInput {
  const match = /^(\S+)\s+(.*)$/s.exec(argument);
  if (!match || !/^\d+$/.test(match[1]) || !match[2].trim()) return usage(':delay <seconds> <text>');
  const seconds = Number(match[1]);
  if (seconds < 1 || seconds > MAX_DELAY_SECONDS) {
    return { kind: 'invalid', hint: `the delay is 1 to ${MAX_DELAY_SECONDS} seconds (30 days)` };
  }
  return checked(match[2], (body) => ({ kind: 'delayed', seconds, body }));
}

function parseCreate(argument: string, isPublic: boolean): ChatInput {
  const [written, ...members] = argument.split(/\s+/).filter(Boolean);
  const name = written?.replace(/^#/, '');
  if (!name) return usage(`${isPublic ? ':create-public' : ':create'} <group> [names…]`);
  // `:g` and `:join` take ids, which are numbers: a name that is one would be ambiguous.
  if (/^\d+$/.test(name)) return { kind: 'invalid', hint: 'a group name needs a letter: plain numbers are group ids' };
  if (name.length > MAX_GROUP_NAME_CHARS)
    return { kind: 'invalid', hint: `a group name has at most ${MAX_GROUP_NAME_CHARS} characters` };
  const memberNames = userNames(members);
  if (typeof memberNames === 'string') return { kind: 'invalid', hint: memberNames };
  return { kind: 'create-group', name, memberNames, public: isPublic };
}

function parseInvite(argument: string): ChatInput {
  const [written, ...names] = argument.split(/\s+/).filter(Boolean);
  const group = written?.replace(/^#/, '');
  if (!group || names.length === 0) return usage(':invite <group name or id> <names…>');
  const invited = userNames(names);
  if (typeof invited === 'string') return { kind: 'invalid', hint: invited };
  return { kind: 'invite', group, userNames: invited };
}

function parseGroups(argument: string): ChatInput {
  if (!argument) return { kind: 'groups' };
  const [which, after, extra] = argument.split(/\s+/);
  if (which !== 'public' || extra !== undefined || (after !== undefined && !isDecimalId(after))) {
    return usage(':groups (yours) or :groups public [after id]');
  }
  return after === undefined ? { kind: 'public-groups' } : { kind: 'public-groups', after };
}

/** Names as typed (an @ allowed), each once; or a sentence saying which one is not a user name. */
function userNames(typed: string[]): string[] | string {
  const names = [...new Set(typed.map((m) => m.replace(/^@/, '')))];
  const bad = names.find((m) => !USER_NAME.test(m));
  return bad === undefined ? names : `"${bad}" is not a user name (1-32 of A-Z a-z 0-9 _ . -)`;
}

function noArgument(argument: string, form: string, input: ChatInput): ChatInput {
  return argument ? usage(form) : input;
}

/** Counts bytes as the route does, in Node and in the web chat alike. */
const UTF8 = new TextEncoder();

/** Expands shortcodes, then checks the size the route will see. */
function checked(text: string, make: (body: string) => ChatInput): ChatInput {
  const body = expandShortcodes(text.trim());
  const bytes = UTF8.encode(body).length;
  if (bytes > MAX_BODY_BYTES) {
    return { kind: 'invalid', hint: `message not sent: it is ${bytes} bytes, the limit is ${MAX_BODY_BYTES}` };
  }
  return make(body);
}

function usage(form: string): ChatInput {
  return { kind: 'invalid', hint: `usage: ${form}` };
}
