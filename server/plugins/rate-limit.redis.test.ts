import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Client } from '../test/client.js';
import { startTestApp, type TestApp } from '../test/harness.js';

// Runs where a Redis is available (CI sets TEST_REDIS_URL); elsewhere the embedded deployment has
// no cluster to share limits across.
const redisUrl = process.env.TEST_REDIS_URL;

describe('rate limits shared across app nodes through Redis', { skip: !redisUrl && 'TEST_REDIS_URL not set' }, () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  before(async () => {
    // A database per node is fine here: only the limiter's state is shared, and that lives in Redis.
    // A unique sign-in limit keeps this run's counters apart from any other run on the same Redis.
    const env = { REDIS_URL: redisUrl!, RATE_LIMIT_SIGNIN_PER_MINUTE: String(4 + (randomBytes(1)[0]! % 50)) };
    nodeA = await startTestApp('sqlite', env);
    nodeB = await startTestApp('sqlite', env);
  });
  after(async () => {
    await nodeA.close();
    await nodeB.close();
  });

  it('counts sign-in attempts from one address on two nodes against one budget', async () => {
    const limit = nodeA.ctx.config.rateLimits.signInPerMinute;
    const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i++) {
      const node = i % 2 === 0 ? nodeA : nodeB;
      const res = await node.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: ip,
        headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
        payload: JSON.stringify({ login: 'nobody_here', password: 'whatever1' }),
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, limit), Array(limit).fill(401));
    assert.equal(statuses[limit], 429, 'the attempt over the budget is refused, whichever node gets it');
    assert.equal((await new Client(nodeA).get('/api/health')).status, 200);
  });
});
