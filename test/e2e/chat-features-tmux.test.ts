import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatPane, hasTmux, settle } from './chat-pane.js';
import { type CimWorld, runCim, startCimWorld } from './cim-cli.js';

/**
 * Two people in two `cim chat` terminals use §8's commands on each other and can see each one work.
 * The tests follow one another: carol and dave keep their chats open from first to last.
 */
describe.skipIf(!hasTmux)('cim chat commands, seen in two terminals (tmux)', { timeout: 90_000 }, () => {
  let world: CimWorld | undefined;
  let env: Record<string, string>;
  const panes: ChatPane[] = [];
  let carol: ChatPane;
  let dave: ChatPane;
  let groupId = '';

  const open = (user: string) => {
    const pane = ChatPane.start(`cim-e2e-features-${process.pid}-${panes.length}-${user}`, user, env);
    panes.push(pane);
    return pane;
  };

  beforeAll(async () => {
    world = await startCimWorld('chat-features');
    env = world.env;
    carol = open('carol');
    await carol.waitFor('connected as carol', 30_000);
    dave = open('dave');
    await dave.waitFor('connected as dave', 30_000);
  });

  afterAll(async () => {
    for (const pane of panes) pane.kill();
    await world?.stop();
  });

  it('exchanges private, group and lobby messages, each shown once', async () => {
    carol.type('@dave hi dave, privately');
    await dave.waitFor('carol → @dave: hi dave, privately');
    await carol.waitFor(/carol → @dave: hi dave, privately +✓✓ delivered/);

    carol.type(':create team dave');
    const created = await carol.waitFor(/created private #team \(group (\d+)\) with dave/);
    groupId = /created private #team \(group (\d+)\)/.exec(created)![1];
    await carol.waitFor('to #team');
    expect(carol.screen()).toContain('#team›');
    // Dave is told he was added, as news about the group rather than as words carol typed.
    await dave.waitFor(/\d\d:\d\d #team -- carol added dave/);

    // A shortcode becomes its emoji on the way out.
    carol.type('hello team :wave:');
    // Dave learns the group's name from the route when its first message arrives.
    await dave.waitFor('carol → #team: hello team 👋');
    await dave.waitFor('unread @carol 1, #team 2');

    dave.type(':g team');
    await dave.waitFor('to #team');
    dave.type('hi carol, from the team');
    await carol.waitFor('dave → #team: hi carol, from the team');

    dave.type(':members');
    await dave.waitFor('members of #team (2): carol (creator), dave');
    dave.type(':groups');
    await dave.waitFor(`your groups (1): #team (id ${groupId}, 2 members)`);

    dave.type(':lobby');
    await dave.waitFor('to lobby (broadcast)');
    dave.type('hello lobby');
    await carol.waitFor('dave: hello lobby');
    // Carol talks in #team, so the lobby line waits for her as unread.
    await carol.waitFor('unread lobby 1');

    await settle();
    for (const [pane, text] of [
      [dave, 'hi dave, privately'],
      [carol, 'hi dave, privately'],
      [dave, 'hello team 👋'],
      [carol, 'hello team 👋'],
      [carol, 'hi carol, from the team'],
      [dave, 'hi carol, from the team'],
      [carol, 'hello lobby'],
      [dave, 'hello lobby'],
    ] as const) {
      expect(pane.count(text), `${text} on ${pane.session}`).toBe(1);
    }
  });

  it(':olu lists who is online, :pu finds names by prefix, :info says who and where', async () => {
    carol.type(':olu');
    await carol.waitFor(/online \(2\): (carol, dave|dave, carol)/);
    carol.type(':pu da');
    await carol.waitFor('users starting with "da": dave');
    carol.type(':pu zz');
    await carol.waitFor('no user name starts with "zz"');
    carol.type(':info');
    await carol.waitFor(/user carol \(id \d+\) on device default/);
    await carol.waitFor(/server srv-\w+ at 127\.0\.0\.1:\d+, online, up \d+[sm].*, 0 reconnects/);
  });

  it(':q <keyword> finds messages in the conversation, and in all of them from the lobby', async () => {
    carol.type(':to dave');
    await carol.waitFor('to @dave');
    carol.type('the pineapple is on the desk');
    await dave.waitFor('carol → @dave: the pineapple is on the desk');
    dave.type('@carol thanks for the PINEAPPLE');
    await carol.waitFor('dave → @carol: thanks for the PINEAPPLE');
    dave.type(':g team');
    await dave.waitFor('to #team');
    dave.type('pineapple for the team too');
    await carol.waitFor('dave → #team: pineapple for the team too');

    carol.type(':q pineapple');
    await carol.waitFor('2 messages in @dave matching "pineapple":');
    await carol.waitFor(/\d\d:\d\d carol: the pineapple is on the desk\n.*\d\d:\d\d dave: thanks for the PINEAPPLE/);

    dave.type(':lobby');
    await dave.waitFor('to lobby (broadcast)');
    dave.type(':q pineapple');
    await dave.waitFor('3 messages in your conversations matching "pineapple":');
    await dave.waitFor(/\d\d:\d\d #team dave: pineapple for the team too/);
    await dave.waitFor(/\d\d:\d\d @carol carol: the pineapple is on the desk/);

    dave.type(':q no-such-word');
    await dave.waitFor('nothing in your conversations matches "no-such-word"');
  });

  it(':delay sends to the current target when the time comes', async () => {
    // Carol's target is still @dave.
    carol.type(':delay 5 coffee :coffee: in five');
    await carol.waitFor(/scheduled for \d\d:\d\d:\d\d → @dave: coffee ☕ in five/);
    expect(dave.screen()).not.toContain('coffee ☕ in five');
    await dave.waitFor('carol → @dave: coffee ☕ in five', 30_000);
    // Carol sees it go out too, as a message rather than a promise.
    await carol.waitFor('carol → @dave: coffee ☕ in five');
    await settle();
    expect(dave.count('coffee ☕ in five')).toBe(1);
  });

  it(':recall takes back my last message, on both screens', async () => {
    carol.type('oops, wrong window');
    await dave.waitFor('carol → @dave: oops, wrong window');
    carol.type(':recall');
    await carol.waitFor('you recalled "oops, wrong window" in @dave');
    await dave.waitFor('carol → @dave: (recalled)');
    await carol.waitFor('carol → @dave: (recalled)');
    expect(dave.screen()).not.toContain('oops, wrong window');

    carol.type(':lobby');
    await carol.waitFor('to lobby (broadcast)');
    carol.type(':recall');
    await carol.waitFor('lobby messages are not stored, so they cannot be recalled');
  });

  it(':emoji shows a page of emoji; unknown commands and missing arguments get hints; :all lists everything', async () => {
    dave.type(':emoji 2');
    await dave.waitFor('-- emoji, page 2 of 3: type the :code: in a message; :emoji 3 for more');
    await dave.waitFor('👍 :thumbsup:');

    dave.type(':nope');
    await dave.waitFor('unknown command :nope — :all lists commands');
    dave.type(':delay 10');
    await dave.waitFor('usage: :delay <seconds> <text>');
    dave.type(':join team');
    await dave.waitFor('usage: :join <group id> (:groups shows ids)');

    dave.type(':all');
    await dave.waitFor(/:q <keyword> +search this conversation/);
    for (const usage of [
      ':create <group> [names…]',
      ':emoji [page]',
      ':delay <seconds> <text>',
      ':recall',
      ':members',
      ':groups',
      ':g <group>',
    ]) {
      expect(dave.screen()).toContain(usage);
    }
  });

  it('shows at start-up how many messages wait unread, per conversation', async () => {
    expect((await runCim(['register', 'erin'], env)).code).toBe(0);
    carol.type('@erin one for erin');
    carol.type('@erin two for erin');
    await carol.waitFor(/carol → @erin: two for erin +✓ stored/);
    const first = open('erin');
    await first.waitFor('connected as erin', 30_000);
    await first.waitFor('unread @carol 2');
    first.type(':q');
    await first.waitFor('[cim exited 0]');

    // The next chat resumes after what the first one received: only the route still knows it is unread.
    const again = open('erin');
    await again.waitFor('connected as erin', 30_000);
    await again.waitFor('unread @carol 2');
    expect(again.screen()).not.toContain('for erin');
    again.type(':to carol');
    await again.waitFor('to @carol');
    await carol.waitFor(/carol → @erin: two for erin +✓✓ read/);
  });

  it('lets into a private group only those a member invites, and anyone into a public one', async () => {
    dave.type(':create secret');
    const created = await dave.waitFor(/created private #secret \(group (\d+)\)/);
    const secretId = /group (\d+)/.exec(created.slice(created.indexOf('created private #secret')))![1];
    carol.type(`:join ${secretId}`);
    await carol.waitFor(`CIM_ERR_NOT_FOUND: no group with id ${secretId}`);
    dave.type(':invite secret carol');
    await dave.waitFor(`carol now in #secret (group ${secretId}, 2 members)`);
    carol.type(':g secret');
    await carol.waitFor('to #secret');

    carol.type(':create-public town');
    const town = await carol.waitFor(/created public #town \(group (\d+)\)/);
    const townId = /group (\d+)/.exec(town.slice(town.indexOf('created public #town')))![1];
    dave.type(':groups public');
    await dave.waitFor(`#town (id ${townId}, 1 member)`);
    dave.type(`:join ${townId}`);
    await dave.waitFor(`you joined #town (group ${townId}, 2 members)`);
  });

  it(':leave leaves a group, and :q quits cleanly', async () => {
    dave.type(':g team');
    await dave.waitFor('to #team');
    dave.type(':leave');
    await dave.waitFor('you left #team; plain lines go to the lobby');
    carol.type(`:g ${groupId}`);
    await carol.waitFor('to #team');
    carol.type(':members');
    await carol.waitFor('members of #team (1): carol (creator)');

    for (const pane of panes) pane.type(':q');
    for (const pane of panes) {
      const screen = await pane.waitFor('[cim exited 0]');
      expect(screen).not.toMatch(/Error|\n\s+at /);
    }
  });
});
