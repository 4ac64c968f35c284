import { CimError, ErrorCodes } from '@cim/common/client';
import type { CimClient, Group, RouteApi } from '@cim/client';
import type { Target } from './chat-view.js';
import type { Directory } from './directory.js';
import type { ViewStore } from './view-store.js';

/** The part of CimClient the group commands use. */
export type GroupClient = Pick<CimClient, 'info'> & {
  api: Pick<
    RouteApi,
    'createGroup' | 'myGroups' | 'publicGroups' | 'group' | 'joinGroup' | 'invite' | 'removeMember' | 'dissolveGroup'
  >;
};

type GroupTarget = Extract<Target, { kind: 'group' }>;

/** How many public groups `:groups public` shows at a time. */
export const PUBLIC_GROUPS_PAGE = 20;

/**
 * `:g`, `:create`, `:create-public`, `:invite`, `:join`, `:leave`, `:dissolve`, `:members`,
 * `:groups` and `:groups public`. Each says what it did on screen; a refusal (no such user, not a
 * member) is thrown as a sentence for the chat to show.
 */
export class GroupCommands {
  constructor(
    private readonly client: GroupClient,
    private readonly directory: Directory,
    private readonly store: ViewStore,
    /** Makes `target` where plain lines go. */
    private readonly enter: (target: Target) => void,
  ) {}

  async pick(nameOrId: string): Promise<void> {
    const group = await this.directory.group(nameOrId);
    this.enter(targetOf(group));
    this.store.system(`plain lines now go to #${group.name} (group ${group.groupId}); :lobby goes back`);
  }

  async create(name: string, memberNames: string[], isPublic: boolean): Promise<void> {
    // Every name is checked before anything is created.
    const members = await this.users(memberNames);
    const group = await this.client.api.createGroup(
      name,
      members.map((m) => m.userId),
      { public: isPublic },
    );
    this.directory.rememberGroup(group);
    this.enter(targetOf(group));
    const others = members.length ? ` with ${members.map((m) => m.userName).join(', ')}` : '';
    const howIn = isPublic ? `anyone can :join ${group.groupId}` : `:invite ${group.groupId} <name> lets others in`;
    this.store.system(
      `created ${isPublic ? 'public' : 'private'} #${group.name} (group ${group.groupId})${others}; plain lines now go there, ${howIn}`,
    );
  }

  async join(groupId: string): Promise<void> {
    const group = await this.client.api.joinGroup(groupId).catch((err: unknown) => {
      // A private group answers as if it did not exist: say how one gets in.
      if (err instanceof CimError && err.code === ErrorCodes.NOT_FOUND) {
        throw new Error(`${err.code}: ${err.message} — or it is private, and a member has to :invite you`);
      }
      throw err;
    });
    this.directory.rememberGroup(group);
    this.enter(targetOf(group));
    this.store.system(
      `you joined #${group.name} (group ${group.groupId}, ${memberCount(group)}); plain lines now go there`,
    );
  }

  async invite(nameOrId: string, userNames: string[]): Promise<void> {
    const group = await this.directory.group(nameOrId);
    const users = await this.users(userNames);
    if (users.length === 0) throw new Error(`you are in #${group.name} already`);
    const after = await this.client.api.invite(
      group.groupId,
      users.map((u) => u.userId),
    );
    this.directory.rememberGroup(after);
    this.store.system(
      `${users.map((u) => u.userName).join(', ')} now in #${after.name} (group ${after.groupId}, ${memberCount(after)})`,
    );
  }

  async leave(): Promise<void> {
    const group = this.current();
    const myUserId = this.client.info().userId!;
    // The route lets a creator only dissolve; say so before asking it.
    if (this.directory.knownGroup(group.groupId)?.ownerId === myUserId) {
      throw new Error(`you created #${group.name}, so you cannot leave it: :dissolve ends it`);
    }
    await this.client.api.removeMember(group.groupId, myUserId);
    this.directory.forgetGroup(group.groupId);
    this.enter({ kind: 'lobby' });
    this.store.system(`you left #${group.name}; plain lines go to the lobby`);
  }

  async dissolve(): Promise<void> {
    const group = this.current();
    await this.client.api.dissolveGroup(group.groupId);
    this.directory.forgetGroup(group.groupId);
    this.enter({ kind: 'lobby' });
    this.store.system(`#${group.name} is dissolved; plain lines go to the lobby`);
  }

  async members(): Promise<void> {
    const group = await this.client.api.group(this.current().groupId);
    this.directory.rememberGroup(group);
    const names = await this.directory.namesOf(group.memberIds);
    const listed = names.map((name, i) => (group.memberIds[i] === group.ownerId ? `${name} (creator)` : name));
    this.store.system(`members of #${group.name} (${names.length}): ${listed.join(', ')}`);
  }

  async list(): Promise<void> {
    const groups = await this.directory.refreshGroups();
    if (groups.length === 0)
      return this.store.system('you are in no group — :create <group> starts one, :join <id> joins one');
    this.store.system(
      `your groups (${groups.length}): ${groups.map((g) => `#${g.name} (id ${g.groupId}, ${memberCount(g)})`).join(', ')}`,
    );
  }

  async listPublic(after?: string): Promise<void> {
    const { groups, nextCursor } = await this.client.api.publicGroups({ after, limit: PUBLIC_GROUPS_PAGE });
    if (groups.length === 0) {
      return this.store.system(
        after ? 'no more public groups' : 'there are no public groups — :create-public <group> starts one',
      );
    }
    const listed = groups.map((g) => `#${g.name} (id ${g.groupId}, ${plural(g.memberCount, 'member')})`).join(', ');
    const more = nextCursor ? `; more: :groups public ${nextCursor}` : '';
    this.store.system(`public groups, :join <id> to join: ${listed}${more}`);
  }

  /** The named users other than me, each looked up (throwing for one that does not exist). */
  private users(names: string[]) {
    const me = this.store.snapshot().userName;
    return Promise.all(names.filter((n) => n !== me).map((n) => this.directory.user(n)));
  }

  /** The group plain lines go to; throws when they go elsewhere. */
  private current(): GroupTarget {
    const { target } = this.store.snapshot();
    if (target.kind !== 'group') throw new Error('plain lines do not go to a group now: :g <group> picks one');
    return target;
  }
}

function targetOf(group: Group): GroupTarget {
  return { kind: 'group', groupId: group.groupId, name: group.name };
}

function memberCount(group: Group): string {
  return plural(group.memberIds.length, 'member');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
