import { expect } from 'vitest';
import type { ChatMessage } from '@cim/common';
import { CimClient, type CimClientOptions } from '@cim/client';
import { waitFor } from '../harness/index.js';

/** A CimClient that records what it receives, for assertions. */
export class RecordingClient {
  readonly client: CimClient;
  /** Messages people sent. */
  readonly received: ChatMessage[] = [];
  /** What the route wrote about conversations ("dan added ann"), kept apart from what people sent. */
  readonly notices: ChatMessage[] = [];
  readonly states: string[] = [];

  constructor(
    routeUrl: string,
    readonly userName: string,
    options: Partial<Omit<CimClientOptions, 'routeUrl' | 'userName' | 'password'>> = {},
  ) {
    this.client = new CimClient({
      routeUrl,
      userName,
      password: `password-${userName}`,
      reconnectMinMs: 50,
      reconnectMaxMs: 500,
      ...options,
    });
    this.client.on('message', (m) => (m.notice ? this.notices : this.received).push(m));
    this.client.on('state', (s) => this.states.push(s));
  }

  get userId(): string {
    return this.client.info().userId!;
  }

  bodies(): string[] {
    return this.received.map((m) => m.body);
  }

  async waitForBody(body: string, timeoutMs = 10_000): Promise<ChatMessage> {
    await waitFor(() => this.received.some((m) => m.body === body), {
      timeoutMs,
      message: `${this.userName} to receive "${body}"`,
    });
    return this.received.find((m) => m.body === body)!;
  }
}

/** Registers and connects users; returns their recording clients. */
export async function joinUsers(
  routeUrl: string,
  names: string[],
  options: { heartbeatMs?: number } = {},
): Promise<RecordingClient[]> {
  const clients: RecordingClient[] = [];
  for (const name of names) {
    const rec = new RecordingClient(routeUrl, name, options);
    await rec.client.api.register(name, `password-${name}`);
    await rec.client.connect();
    clients.push(rec);
  }
  return clients;
}

/**
 * The core chat scenario of a cluster with two push servers and one round-robin route: three users
 * land on alternating servers; a private message reaches only its recipient; a broadcast reaches
 * every online user once; the online list is exactly the online users.
 */
export async function runChatScenario(routeUrl: string, serverIds: string[], prefix: string): Promise<void> {
  const [alice, bob, carol] = await joinUsers(routeUrl, [`${prefix}alice`, `${prefix}bob`, `${prefix}carol`]);
  try {
    const landed = [alice, bob, carol].map((c) => c.client.info().serverId);
    // Round-robin: consecutive logins alternate between the two servers.
    expect(new Set(landed).size).toBe(2);
    expect(landed[0]).not.toBe(landed[1]);
    expect(landed[0]).toBe(landed[2]);
    expect(serverIds).toEqual(expect.arrayContaining(landed as string[]));

    const sent = await alice.client.sendToUser(bob.userId, 'hello bob, privately');
    const got = await bob.waitForBody('hello bob, privately');
    expect(got).toMatchObject({
      msgId: sent.msgId,
      fromUserName: alice.userName,
      seq: '1',
      to: { userId: bob.userId },
    });

    await carol.client.broadcast('hello everyone');
    for (const c of [alice, bob, carol]) await c.waitForBody('hello everyone');
    await new Promise((r) => setTimeout(r, 300));
    // Carol never saw the private message; everyone saw the broadcast exactly once.
    expect(carol.bodies()).not.toContain('hello bob, privately');
    for (const c of [alice, bob, carol]) expect(c.bodies().filter((b) => b === 'hello everyone')).toHaveLength(1);
    expect(bob.bodies().filter((b) => b === 'hello bob, privately')).toHaveLength(1);

    const online = await alice.client.onlineUsers();
    expect(online.map((u) => u.userName).sort()).toEqual([alice, bob, carol].map((c) => c.userName).sort());

    await carol.client.close();
    await waitFor(async () => (await alice.client.onlineUsers()).length === 2, {
      timeoutMs: 5_000,
      message: 'carol to leave the online list',
    });
    expect((await alice.client.onlineUsers()).map((u) => u.userName).sort()).toEqual(
      [alice.userName, bob.userName].sort(),
    );
  } finally {
    for (const c of [alice, bob, carol]) await c.client.close();
  }
}
