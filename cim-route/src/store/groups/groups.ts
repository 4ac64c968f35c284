import { randomBytes } from 'node:crypto';
import { CimError, ErrorCodes } from '@cim/common';
import { parseDecimal } from '../shared/validate.js';

/** Orders decimal ids as numbers ("9" before "10"), the order both stores list members and groups in. */
export function byNumericId(a: string, b: string): number {
  return Number(a) - Number(b);
}

/** The owner first, then the members; each once. */
export function uniqueMembers(ownerId: string, memberIds: string[]): string[] {
  return [...new Set([ownerId, ...memberIds])];
}

export function groupNotFound(groupId: string): CimError {
  return new CimError(ErrorCodes.NOT_FOUND, `no group with id ${groupId}`);
}

export function groupFull(groupId: string, maxMembers: number): CimError {
  return new CimError(
    ErrorCodes.GROUP_FULL,
    `group ${groupId} would have more than ${maxMembers} members; remove members or add fewer`,
  );
}

/** The lowest and highest new group id: 16 digits, and exact as a double (a Redis sorted-set score). */
const MIN_GROUP_ID = 10n ** 15n;
const MAX_GROUP_ID = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A random id for a new group, so ids cannot be guessed or counted (about 2^53 of them). Groups made
 * before ids were random keep their small numeric ids; both kinds are decimal strings.
 */
export function newGroupId(): string {
  for (;;) {
    const candidate = randomBytes(8).readBigUInt64BE(0) & MAX_GROUP_ID;
    if (candidate >= MIN_GROUP_ID) return String(candidate);
  }
}

/** Whether a group of `memberCount` members is at the large-group threshold (none, or infinite: never). */
export function reachesLarge(memberCount: number, largeGroupMembers: number | undefined): boolean {
  return largeGroupMembers !== undefined && memberCount >= largeGroupMembers;
}

/** The join seq an add gives its new members ("0" when the caller names none). */
export function joinSeqOf(joining: { joinSeq?: string }): string {
  return joining.joinSeq === undefined ? '0' : String(parseDecimal('joinSeq', joining.joinSeq));
}
