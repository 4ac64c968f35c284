import { CimError, ErrorCodes } from '@cim/common';

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
