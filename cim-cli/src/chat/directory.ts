import { CimError, ErrorCodes } from '@cim/common/client';
import type { CimClient, Group, RouteApi, UserSummary } from '@cim/client';

/** The part of CimClient the directory asks. */
export type DirectoryClient = Pick<CimClient, 'userByName' | 'onlineUsers'> & {
  api: Pick<RouteApi, 'myGroups' | 'group'>;
};

/**
 * The users and groups the chat has come across, so "@bob" and "#team" turn into ids and back
 * without asking the route every time. The route cannot look a user up by id, so the names of ids
 * are learned from whatever passes by: messages, lists, look-ups by name.
 */
export class Directory {
  private readonly namesById = new Map<string, string>();
  private readonly idsByName = new Map<string, string>();
  private readonly groups = new Map<string, Group>();

  constructor(private readonly client: DirectoryClient) {}

  rememberUser(user: UserSummary): void {
    this.namesById.set(user.userId, user.userName);
    this.idsByName.set(user.userName, user.userId);
  }

  /** "@name", or "@#id" for someone not met yet. */
  userLabel(userId: string): string {
    const name = this.namesById.get(userId);
    return name ? `@${name}` : `@#${userId}`;
  }

  /** The user with this name; throws "no user named …" when there is none. */
  async user(userName: string): Promise<UserSummary> {
    const known = this.idsByName.get(userName);
    if (known) return { userId: known, userName };
    try {
      const user = await this.client.userByName(userName);
      this.rememberUser(user);
      return user;
    } catch (err) {
      if (err instanceof CimError && err.code === ErrorCodes.USER_NOT_FOUND)
        throw new Error(`no user named ${userName}`);
      throw err;
    }
  }

  /** Names for these ids, in order; asks who is online once if some are unknown, else "#id". */
  async namesOf(userIds: readonly string[]): Promise<string[]> {
    if (userIds.some((id) => !this.namesById.has(id))) {
      for (const user of await this.client.onlineUsers()) this.rememberUser(user);
    }
    return userIds.map((id) => this.namesById.get(id) ?? `#${id}`);
  }

  rememberGroup(group: Group): void {
    this.groups.set(group.groupId, group);
  }

  forgetGroup(groupId: string): void {
    this.groups.delete(groupId);
  }

  /** One of this user's groups as last fetched. */
  knownGroup(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  /** "#name", or a stand-in until the group's name is known. */
  groupLabel(groupId: string): string {
    const group = this.groups.get(groupId);
    return group ? `#${group.name}` : unknownGroupLabel(groupId);
  }

  /** The groups this user is in now, fetched afresh. */
  async refreshGroups(): Promise<Group[]> {
    const { groups } = await this.client.api.myGroups();
    this.groups.clear();
    for (const group of groups) this.rememberGroup(group);
    return groups;
  }

  /** One of this user's groups, by id or by name; throws a sentence saying what to do otherwise. */
  async group(nameOrId: string): Promise<Group> {
    const known = this.find(nameOrId);
    if (known) return known;
    await this.refreshGroups();
    const mine = this.find(nameOrId);
    if (mine) return mine;
    if (!/^\d+$/.test(nameOrId)) throw new Error(`you are in no group named ${nameOrId} — :groups lists yours`);
    // An id not in the list: asking tells "no such group" from "not a member".
    try {
      const group = await this.client.api.group(nameOrId);
      this.rememberGroup(group);
      return group;
    } catch (err) {
      if (err instanceof CimError && err.code === ErrorCodes.NOT_A_MEMBER)
        throw new Error(`you are not in group ${nameOrId}: :join ${nameOrId} first`);
      throw err;
    }
  }

  private find(nameOrId: string): Group | undefined {
    const byId = this.groups.get(nameOrId);
    if (byId) return byId;
    const named = [...this.groups.values()].filter((g) => g.name === nameOrId);
    if (named.length > 1) {
      throw new Error(
        `${named.length} of your groups are named ${nameOrId}: use an id (${named.map((g) => g.groupId).join(', ')})`,
      );
    }
    return named[0];
  }
}

/** How a group shows before its name is known. */
export function unknownGroupLabel(groupId: string): string {
  return `#group-${groupId}`;
}
