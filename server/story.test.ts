import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { signUpUser } from './test/factories.js';
import { startTestApp, type TestApp, testDatabases } from './test/harness.js';
import { EXIF_MARKER, exifHasGps, fetchMediaBytes, makeJpeg, uploadImage } from './test/media-factory.js';

/**
 * Issue 2's "done when", end to end through the API: a note with three photos (one carrying GPS
 * EXIF), a hashtag and a mention is posted, discovered, liked, collected, commented on and replied
 * to, and every image served carries no metadata.
 */
for (const kind of testDatabases()) {
  describe(`the platform core story [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('posts, discovers, likes, collects, comments and replies; served images carry no metadata', async () => {
      const mei = await signUpUser(t, { displayName: '小美' });
      const jake = await signUpUser(t, { displayName: 'Jake' });

      const gpsPhoto = await makeJpeg({ width: 1600, height: 1200, gps: { lat: 30.66, lon: 104.06 }, orientation: 6 });
      assert.ok(exifHasGps((await sharp(gpsPhoto).metadata()).exif), 'the fixture really carries GPS');
      const images = [
        await uploadImage(mei, gpsPhoto),
        await uploadImage(mei, await makeJpeg({ color: '#e63946' })),
        await uploadImage(mei, await makeJpeg({ color: '#2a9d8f' })),
      ];
      const posted = await mei.post('/api/notes', {
        type: 'photo',
        title: '成都火锅 hot pot 🔥',
        body: `周末和 @${jake.handle} 吃火锅！#火锅 so spicy`,
        images: images.map((img, i) => ({ mediaId: img.id, alt: `照片 ${i + 1}` })),
      });
      assert.equal(posted.status, 201, posted.text);
      const note = posted.body;
      assert.deepEqual(note.hashtags, ['火锅']);
      const mention = note.facets.find((f: { type: string }) => f.type === 'mention');
      assert.equal(note.body.slice(mention.start, mention.end), `@${jake.handle}`);
      assert.equal(mention.userId, jake.userId);

      // Discovered by someone else, on Discover and on the topic page.
      const discover = await jake.get('/api/feed/discover?limit=50');
      const card = discover.body.items.find((c: { id: string }) => c.id === note.id);
      assert.ok(card, 'the note is on Discover');
      assert.equal(card.cover.id, images[0]!.id);
      const topic = await jake.get(`/api/topics/${encodeURIComponent('火锅')}/notes`);
      assert.ok(topic.body.items.some((c: { id: string }) => c.id === note.id));

      // Liked, collected into a new board, commented on, replied to.
      assert.equal((await jake.post(`/api/notes/${note.id}/like`)).status, 200);
      const board = await jake.post('/api/boards', { name: '想吃', visibility: 'public' });
      assert.equal(board.status, 201, board.text);
      assert.equal((await jake.post(`/api/notes/${note.id}/collect`, { boardId: board.body.id })).status, 200);
      const comment = await jake.post(`/api/notes/${note.id}/comments`, { body: 'Looks amazing! 看起来好好吃 [laugh]' });
      assert.equal(comment.status, 201, comment.text);
      const reply = await mei.post(`/api/notes/${note.id}/comments`, { body: `@${jake.handle} 下次一起！`, parentId: comment.body.id });
      assert.equal(reply.status, 201, reply.text);

      const seen = await jake.get(`/api/notes/${note.id}`);
      assert.deepEqual(seen.body.counts, { likes: 1, collects: 1, comments: 2, views: seen.body.counts.views });
      assert.equal(seen.body.viewer.liked, true);
      assert.equal(seen.body.viewer.boardId, board.body.id);
      const thread = await mei.get(`/api/notes/${note.id}/comments`);
      assert.equal(thread.body.items[0].comment.id, comment.body.id);
      assert.equal(thread.body.items[0].replies[0].id, reply.body.id);

      await t.ctx.events.settle();
      const kinds = (await mei.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind).sort();
      assert.deepEqual(kinds, ['collect', 'comment', 'like']);
      assert.ok((await jake.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'reply'));

      // Every served rendition of every image: no EXIF, GPS, XMP, IPTC or ICC; orientation applied.
      for (const image of seen.body.images) {
        for (const variant of image.variants) {
          const served = await fetchMediaBytes(jake, variant.url);
          assert.equal(served.status, 200);
          const meta = await sharp(served.body).metadata();
          assert.equal(meta.exif, undefined, `${variant.url} has EXIF`);
          assert.equal(meta.xmp, undefined, `${variant.url} has XMP`);
          assert.equal(meta.iptc, undefined, `${variant.url} has IPTC`);
          assert.equal(meta.icc, undefined, `${variant.url} has an ICC profile`);
          assert.equal(served.body.includes(Buffer.from(EXIF_MARKER)), false);
        }
      }
      const first = seen.body.images[0];
      assert.ok(first.height > first.width, 'the EXIF rotation was applied before stripping');
    });
  });
}
