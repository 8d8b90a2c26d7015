import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../test/client.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { DEMO_NOTES, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-content.js';
import { seedDemo } from './seed-demo.js';

describe('demo community', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('sqlite');
  });
  after(() => t.close());

  it('seeds people, photo notes, follows, likes and comments through the API, once', async () => {
    assert.deepEqual(await seedDemo(t.app, 'http://localhost:3000'), { seeded: true });
    assert.deepEqual(await seedDemo(t.app, 'http://localhost:3000'), { seeded: false });

    const visitor = new Client(t);
    const discover = await visitor.get('/api/feed/discover?limit=50');
    assert.equal(discover.status, 200);
    assert.equal(discover.body.items.length, DEMO_NOTES.length);
    const hotpot = discover.body.items.find((n: { title: string }) => n.title.includes('火锅'));
    assert.ok(hotpot.cover, 'photo notes have covers');
    assert.equal(hotpot.likeCount, 4);

    const jake = new Client(t);
    assert.equal((await jake.post('/api/auth/sign-in', { login: DEMO_PEOPLE[1]!.handle, password: DEMO_PASSWORD })).status, 200);
    const following = await jake.get('/api/feed/following');
    assert.ok(following.body.items.length > 0);
    const note = await jake.get(`/api/notes/${hotpot.id}`);
    assert.equal(note.body.viewer.liked, true);
    assert.ok(note.body.counts.comments >= 3);
  });
});
