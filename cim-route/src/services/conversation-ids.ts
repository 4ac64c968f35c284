import { CimError, ErrorCodes } from '@cim/common';

/** Conversation ids: "p:<low>:<high>" private, "g:<groupId>" group, "b" broadcast. */
export const BROADCAST_CONVERSATION = 'b';

/** Conversation id of a private chat: the same whichever of the two sends. */
export function privateConversationId(a: string, b: string): string {
  return BigInt(a) <= BigInt(b) ? `p:${a}:${b}` : `p:${b}:${a}`;
}

export function groupConversationId(groupId: string): string {
  return `g:${groupId}`;
}

export type ParsedConversation = { kind: 'private'; userIds: [string, string] } | { kind: 'group'; groupId: string };

export function parseConversationId(id: string): ParsedConversation {
  const priv = /^p:([1-9][0-9]{0,19}):([1-9][0-9]{0,19})$/.exec(id);
  if (priv) return { kind: 'private', userIds: [priv[1], priv[2]] };
  const group = /^g:([1-9][0-9]{0,19})$/.exec(id);
  if (group) return { kind: 'group', groupId: group[1] };
  throw new CimError(ErrorCodes.INVALID_INPUT, `"${id}" is not a conversation id (p:<id>:<id> or g:<id>)`);
}
