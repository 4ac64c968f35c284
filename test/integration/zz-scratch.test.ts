import { it } from 'vitest';
import { silentLogger } from '@cim/common';
import { RouteApi, startLocalCluster } from '@cim/client';
import { SimulatedDevice } from '../support/simulated-device.js';

it('scratch', async () => {
  const cluster = await startLocalCluster({ servers: 2, routePort: 0, tcpPort: 0, logger: silentLogger, route: { sendRatePerSec: 100000, sendBurst: 100000 } });
  const api = new RouteApi(cluster.routeUrl);
  const devs: SimulatedDevice[] = [];
  for (let i = 0; i < 6; i++) {
    const u = await api.register(`u${i}`, `pw-u${i}`);
    devs.push(Object.assign(new SimulatedDevice(cluster.routeUrl, `u${i}`, `pw-u${i}`, 'phone'), { uid: u.userId }));
  }
  let t = Date.now();
  for (const d of devs) await d.start();
  console.log('start 6', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 100; i++) await devs[0].client!.api.userByName('u1');
  console.log('100 sequential userByName', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 100; i++) await devs[0].client!.api.sync('0', 1);
  console.log('100 sequential sync', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 100; i++) await devs[0].client!.api.send({ userId: '1' }, '', 'x').catch(() => 0);
  console.log('100 sequential bad POSTs', Date.now() - t);
  const u5 = (devs[5] as any).uid; await devs[5].stop();
  t = Date.now();
  for (let i = 0; i < 100; i++) await devs[0].client!.sendToUser(u5, `off${i}`);
  console.log('100 sequential sends to an offline user', Date.now() - t);
  await devs[5].start();
  t = Date.now();
  for (let i = 0; i < 100; i++) await devs[0].client!.sendToUser((devs[1] as any).uid, `m${i}`);
  console.log('100 sequential sends', Date.now() - t);
  t = Date.now();
  await Promise.all(devs.map(async (d, k) => { for (let i = 0; i < 50; i++) await d.client!.sendToUser((devs[(k + 1) % 6] as any).uid, `x${i}`); }));
  console.log('300 sends by 6 concurrent', Date.now() - t);
  t = Date.now();
  await devs[2].stop();
  console.log('stop', Date.now() - t);
  t = Date.now();
  await devs[2].start();
  console.log('start', Date.now() - t);
  for (const d of devs) await d.stop();
  await cluster.stop();
}, 60000);
