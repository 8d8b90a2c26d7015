import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DiscoverItem, DiscoverPage } from '../../contract/discover.js';
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
    // Discover keeps authors apart (none twice on a page), so the whole demo spans a few pages.
    const cards: DiscoverItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: DiscoverPage } = await visitor.get(`/api/feed/discover?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      cards.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(cards.length, DEMO_NOTES.length);
    const hotpot = cards.find((n) => n.title.includes('火锅'))!;
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
