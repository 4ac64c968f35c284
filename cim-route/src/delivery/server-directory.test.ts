import { describe, expect, it } from 'vitest';
import { MemoryRegistryHub, silentLogger } from '@cim/common';
import { pushServer as server } from './delivery-fakes.js';
import { DEPARTED_SERVER_MEMORY_MS, ServerDirectory } from './server-directory.js';

describe('the server directory', () => {
  it('still resolves a server that left the registry for a while, then forgets it', async () => {
    let clock = 1_000;
    const hub = new MemoryRegistryHub();
    const watcher = hub.client();
    const directory = new ServerDirectory(watcher, 'round-robin', silentLogger, () => clock);
    await watcher.watch();
    const publisher = hub.client();
    await publisher.register(server('srv-a'));
    expect(directory.resolve('srv-a')?.id).toBe('srv-a');

    await publisher.unregister('srv-a');
    expect(directory.get('srv-a')).toBeUndefined();
    expect(directory.resolve('srv-a')).toMatchObject({ id: 'srv-a', httpPort: 8081 });
    clock += DEPARTED_SERVER_MEMORY_MS + 1;
    expect(directory.resolve('srv-a')).toBeUndefined();
    expect(directory.resolve('srv-never-seen')).toBeUndefined();
  });
});
