import type { CimClient } from '../../sdk/cim-client.js';
import type { Group, RouteApi } from '../../sdk/route-api.js';
import type { Target } from './chat-view.js';
import type { Directory } from './directory.js';
import type { ViewStore } from './view-store.js';

/** The part of CimClient the group commands use. */
export type GroupClient = Pick<CimClient, 'info'> & {
  api: Pick<RouteApi, 'createGroup' | 'myGroups' | 'group' | 'addMembers' | 'removeMember' | 'dissolveGroup'>;
};

type GroupTarget = Extract<Target, { kind: 'group' }>;

/**
 * `:g`, `:create`, `:join`, `:leave`, `:dissolve`, `:members` and `:groups`. Each says what it did
 * on screen; a refusal (no such user, not a member) is thrown as a sentence for the chat to show.
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

  async create(name: string, memberNames: string[]): Promise<void> {
    const me = this.store.snapshot().userName;
    // Every name is checked before anything is created.
    const members = await Promise.all(memberNames.filter((n) => n !== me).map((n) => this.directory.user(n)));
    const group = await this.client.api.createGroup(name, members.map((m) => m.userId));
    this.directory.rememberGroup(group);
    this.enter(targetOf(group));
    const others = members.length ? ` with ${members.map((m) => m.userName).join(', ')}` : '';
    this.store.system(`created #${group.name} (group ${group.groupId})${others}; plain lines now go there, :join ${group.groupId} lets others in`);
  }

  async join(groupId: string): Promise<void> {
    const group = await this.client.api.addMembers(groupId);
    this.directory.rememberGroup(group);
    this.enter(targetOf(group));
    this.store.system(`you joined #${group.name} (group ${group.groupId}, ${memberCount(group)}); plain lines now go there`);
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
    if (groups.length === 0) return this.store.system('you are in no group — :create <group> starts one, :join <id> joins one');
    this.store.system(`your groups (${groups.length}): ${groups.map((g) => `#${g.name} (id ${g.groupId}, ${memberCount(g)})`).join(', ')}`);
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
  return group.memberIds.length === 1 ? '1 member' : `${group.memberIds.length} members`;
}
