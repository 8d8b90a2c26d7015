import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { Bus } from './bus.js';
import { InProcessBus } from './in-process-bus.js';
import { RedisBus } from './redis-bus.js';

const redisUrl = process.env.TEST_REDIS_URL;

function received(bus: Bus, channel: string): unknown[] {
  const got: unknown[] = [];
  bus.subscribe(channel, (m) => got.push(m));
  return got;
}

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('in-process bus', () => {
  it('delivers copies to every subscriber of a channel, asynchronously, until they unsubscribe', async () => {
    const errors: unknown[] = [];
    const bus = new InProcessBus((err) => errors.push(err));
    const a = received(bus, 'c');
    const b: unknown[] = [];
    const stop = bus.subscribe('c', (m) => b.push(m));
    const other = received(bus, 'other');
    const message = { n: 1, nested: { x: 'y' } };
    const publishing = bus.publish('c', message);
    assert.equal(a.length, 0, 'never inside the publisher’s stack');
    await publishing;
    await settle(0);
    assert.deepEqual(a, [message]);
    assert.notEqual(a[0], message, 'a copy, as over the network');
    assert.deepEqual(b, [message]);
    assert.deepEqual(other, []);
    stop();
    bus.subscribe('c', () => {
      throw new Error('a failing handler does not stop the others');
    });
    await bus.publish('c', 2);
    await settle(0);
    assert.deepEqual(a, [message, 2]);
    assert.equal(b.length, 1);
    assert.equal(errors.length, 1);
    await bus.close();
  });
});

describe('Redis bus', { skip: !redisUrl && 'TEST_REDIS_URL not set' }, () => {
  it('carries a message from one node’s bus to another’s', async () => {
    const conns = [new Redis(redisUrl!), new Redis(redisUrl!)];
    const [one, two] = conns.map((c) => new RedisBus(c, (err) => assert.fail(String(err))));
    try {
      const channel = `test-${randomBytes(4).toString('hex')}`;
      const onTwo = received(two!, channel);
      const onOne = received(one!, channel);
      await Promise.all([one!.ready(), two!.ready()]);
      await one!.publish(channel, { hello: 'world' });
      // Each node's subscriber connection hears it on its own schedule: wait for both, not the first.
      for (let i = 0; i < 50 && (onTwo.length === 0 || onOne.length === 0); i++) await settle(20);
      assert.deepEqual(onTwo, [{ hello: 'world' }]);
      assert.deepEqual(onOne, [{ hello: 'world' }], 'the publishing node hears it too (its own sockets)');
    } finally {
      // Closed even when an assertion failed: open connections would keep the test process alive.
      await one!.close();
      await two!.close();
      for (const c of conns) await c.quit();
    }
  });
});
