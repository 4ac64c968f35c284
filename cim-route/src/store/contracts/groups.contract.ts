import { CimError } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { START, type ContractContext } from './contract-context.js';
import { byNumericId } from '../groups/groups.js';
import type { RouteStore } from '../types.js';

/** Groups: ids, members, the per-user list and the size limit. */
export function describeGroupContract({ openStore }: ContractContext): void {
  describe('groups', () => {
    const groupIdsOf = async (store: RouteStore, userId: string) =>
      (await store.groups.groupsOf(userId)).map((group) => group.groupId);

    it('gives each group a random 16-digit id and makes the owner a member, each member once, in numeric order', async () => {
      const store = await openStore();
      const team = await store.groups.create('3', 'team', ['10', '2', '3', '2', '9']);
      expect(team).toEqual({
        groupId: expect.stringMatching(/^[1-9][0-9]{15}$/),
        name: 'team',
        ownerId: '3',
        memberIds: ['2', '3', '9', '10'],
        createdAt: START,
        public: false,
      });
      expect(Number.isSafeInteger(Number(team.groupId))).toBe(true);
      expect(await store.groups.get(team.groupId)).toEqual(team);
      const alone = await store.groups.create('4', 'just me', []);
      expect(alone).toMatchObject({ groupId: expect.stringMatching(/^[1-9][0-9]{15}$/), memberIds: ['4'] });
      expect(await store.groups.get('99')).toBeNull();
    });

    it('draws ids that do not follow one another', async () => {
      const store = await openStore();
      const ids: bigint[] = [];
      for (let i = 0; i < 20; i++) ids.push(BigInt((await store.groups.create('1', `g${i}`, [])).groupId));
      expect(new Set(ids).size).toBe(20);
      const steps = ids.slice(1).map((id, i) => id - ids[i]);
      expect(steps.filter((step) => step === 1n || step === -1n)).toEqual([]);
      expect(steps.some((step) => step < 0n)).toBe(true);
    });

    it("lists a user's groups in numeric id order, and only the groups they are in", async () => {
      const store = await openStore();
      const withFive: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const group = await store.groups.create('1', `group ${i}`, i === 2 || i >= 10 ? ['5'] : []);
        if (group.memberIds.includes('5')) withFive.push(group.groupId);
      }
      const groups = await store.groups.groupsOf('5');
      expect(groups.map((group) => group.groupId)).toEqual(withFive.sort(byNumericId));
      expect(groups[1]).toEqual(await store.groups.get(withFive[1]));
      expect(await groupIdsOf(store, '1')).toHaveLength(11);
      expect(await store.groups.groupsOf('42')).toEqual([]);
    });

    it('adds members, skipping those already in, and lists the group among theirs', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', ['2']);
      const after = await store.groups.addMembers(groupId, ['4', '2', '3', '4'], 4);
      expect(after).toEqual({ ...(await store.groups.get(groupId)), memberIds: ['1', '2', '3', '4'] });
      expect(await groupIdsOf(store, '3')).toEqual([groupId]);
      // Already members: nothing joins, so a full group does not refuse them.
      expect(await store.groups.addMembers(groupId, ['1', '2'], 4)).toEqual(after);
      expect(await store.groups.addMembers(groupId, [], 4)).toEqual(after);
    });

    it('adds nobody with CIM_ERR_GROUP_FULL (409) when the new members would not all fit', async () => {
      const store = await openStore();
      const group = await store.groups.create('1', 'g', ['2']);
      const refusal = await store.groups.addMembers(group.groupId, ['3', '2', '4'], 3).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(CimError);
      expect(refusal).toMatchObject({ code: 'CIM_ERR_GROUP_FULL', httpStatus: 409 });
      expect(await store.groups.get(group.groupId)).toEqual(group);
      expect(await store.groups.groupsOf('3')).toEqual([]);
      expect(await store.groups.groupsOf('4')).toEqual([]);
      expect(await groupIdsOf(store, '2')).toEqual([group.groupId]);
    });

    it('refuses to add to a group that does not exist with CIM_ERR_NOT_FOUND (404)', async () => {
      const store = await openStore();
      await expect(store.groups.addMembers('99', ['1'], 10)).rejects.toMatchObject({
        code: 'CIM_ERR_NOT_FOUND',
        httpStatus: 404,
      });
      expect(await store.groups.groupsOf('1')).toEqual([]);
    });

    it('lets racing adds fill a group exactly up to its limit', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', []);
      const joiners = Array.from({ length: 10 }, (_, i) => String(i + 2));
      const results = await Promise.allSettled(joiners.map((userId) => store.groups.addMembers(groupId, [userId], 5)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CIM_ERR_GROUP_FULL' });
      const { memberIds } = (await store.groups.get(groupId))!;
      expect(memberIds).toHaveLength(5);
      for (const userId of joiners) {
        expect(await groupIdsOf(store, userId)).toEqual(memberIds.includes(userId) ? [groupId] : []);
      }
    });

    it('removes a member from the group and the group from their list', async () => {
      const store = await openStore();
      const { groupId } = await store.groups.create('1', 'g', ['2', '3']);
      expect(await store.groups.removeMember(groupId, '2')).toMatchObject({ groupId, memberIds: ['1', '3'] });
      expect(await store.groups.groupsOf('2')).toEqual([]);
      expect(await store.groups.removeMember(groupId, '2')).toMatchObject({ memberIds: ['1', '3'] });
      expect(await store.groups.removeMember('99', '1')).toBeNull();
      await store.groups.addMembers(groupId, ['2'], 10);
      expect(await groupIdsOf(store, '2')).toEqual([groupId]);
    });

    it("deletes a group and takes it off every member's list", async () => {
      const store = await openStore();
      const doomed = await store.groups.create('1', 'doomed', ['2', '3']);
      const kept = await store.groups.create('2', 'kept', []);
      expect(await store.groups.delete(doomed.groupId)).toBe(true);
      expect(await store.groups.get(doomed.groupId)).toBeNull();
      expect(await store.groups.groupsOf('1')).toEqual([]);
      expect(await store.groups.groupsOf('2')).toEqual([kept]);
      expect(await store.groups.delete(doomed.groupId)).toBe(false);
      await expect(store.groups.addMembers(doomed.groupId, ['4'], 10)).rejects.toMatchObject({
        code: 'CIM_ERR_NOT_FOUND',
      });
    });

    it('keeps groups private unless created public, and lists the public ones in pages by id', async () => {
      const store = await openStore();
      const secret = await store.groups.create('1', 'secret', []);
      expect(secret.public).toBe(false);
      const open: string[] = [];
      for (let i = 0; i < 5; i++) {
        const group = await store.groups.create('2', `open ${i}`, ['3'], { public: true });
        expect(group.public).toBe(true);
        expect(await store.groups.get(group.groupId)).toEqual(group);
        open.push(group.groupId);
      }
      open.sort(byNumericId);
      const first = await store.groups.publicGroups(undefined, 2);
      expect(first.map((group) => group.groupId)).toEqual(open.slice(0, 2));
      expect(first[0]).toEqual(await store.groups.get(open[0]));
      const rest = await store.groups.publicGroups(open[1], 10);
      expect(rest.map((group) => group.groupId)).toEqual(open.slice(2));
      expect(await store.groups.publicGroups(open[4], 10)).toEqual([]);
      await store.groups.delete(open[2]);
      expect((await store.groups.publicGroups(open[1], 2)).map((group) => group.groupId)).toEqual([open[3], open[4]]);
      expect((await store.groups.publicGroups(undefined, 10)).map((group) => group.groupId)).not.toContain(
        secret.groupId,
      );
      await expect(store.groups.publicGroups('x', 10)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      await expect(store.groups.publicGroups(undefined, 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    });

    it('hands out copies: changing a returned group changes nothing stored', async () => {
      const store = await openStore();
      const group = await store.groups.create('1', 'g', ['2']);
      group.memberIds.push('3');
      (await store.groups.get(group.groupId))!.memberIds.push('4');
      expect((await store.groups.get(group.groupId))!.memberIds).toEqual(['1', '2']);
    });

    it('refuses user ids that are not decimal integers and a maxMembers below 1', async () => {
      const store = await openStore();
      await expect(store.groups.create('1', 'g', ['bob'])).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      await expect(store.groups.create('-1', 'g', [])).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
      const { groupId } = await store.groups.create('1', 'g', []);
      await expect(store.groups.addMembers(groupId, ['2.5'], 10)).rejects.toMatchObject({
        code: 'CIM_ERR_INVALID_INPUT',
      });
      await expect(store.groups.addMembers(groupId, ['2'], 0)).rejects.toMatchObject({ code: 'CIM_ERR_INVALID_INPUT' });
    });
  });
}
