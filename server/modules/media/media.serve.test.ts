import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { fetchMediaBytes, makeJpeg, uploadImage } from '../../test/media-factory.js';
import { parseRange } from './media.range.js';
import { deleteUnusedMedia } from './media.service.js';

test('parseRange follows RFC 9110 for single ranges', () => {
  assert.deepEqual(parseRange(undefined, 100), { kind: 'whole' });
  assert.deepEqual(parseRange('bytes=0-9', 100), { kind: 'partial', start: 0, end: 9 });
  assert.deepEqual(parseRange('bytes=90-', 100), { kind: 'partial', start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-5', 100), { kind: 'partial', start: 95, end: 99 });
  assert.deepEqual(parseRange('bytes=-500', 100), { kind: 'partial', start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=50-5000', 100), { kind: 'partial', start: 50, end: 99 });
  assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=-0', 100), { kind: 'unsatisfiable' });
  // Malformed, reversed and multi-range requests get the whole file.
  for (const h of ['bytes=9-0', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6', 'bytes=a-b', `bytes=0-${'9'.repeat(40)}`]) {
    assert.deepEqual(parseRange(h, 100), { kind: 'whole' }, h);
  }
});

for (const kind of testDatabases()) {
  describe(`media files and deletion (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });

    test('served files: type, length, immutable caching, nosniff, ETag and 304', async () => {
      const me = await signUpUser(t);
      const image = await uploadImage(me);
      const url = image.variants[0]!.url;
      const res = await fetchMediaBytes(new Client(t), url);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'image/webp');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['accept-ranges'], 'bytes');
      const etag = String(res.headers.etag);
      assert.match(etag, /^".+"$/);
      const again = await fetchMediaBytes(me, url, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);

      const head = await t.app.inject({ method: 'HEAD', url });
      assert.equal(head.statusCode, 200);
      assert.equal(Number(head.headers['content-length']), res.body.length);
      assert.equal(head.rawPayload.length, 0);
    });

    test('range requests: 206 slices, suffixes, whole file for multi-range, 416 beyond the end', async () => {
      const me = await signUpUser(t);
      const image = await uploadImage(me);
      const url = image.variants[0]!.url;
      const whole = await fetchMediaBytes(me, url);
      const size = whole.body.length;

      const first = await fetchMediaBytes(me, url, { range: 'bytes=0-9' });
      assert.equal(first.status, 206);
      assert.equal(first.body.length, 10);
      assert.equal(first.headers['content-length'], '10');
      assert.equal(first.headers['content-range'], `bytes 0-9/${size}`);
      assert.deepEqual(first.body, whole.body.subarray(0, 10));

      const last = await fetchMediaBytes(me, url, { range: 'bytes=-5' });
      assert.equal(last.status, 206);
      assert.deepEqual(last.body, whole.body.subarray(size - 5));
      assert.equal(last.headers['content-range'], `bytes ${size - 5}-${size - 1}/${size}`);

      const open = await fetchMediaBytes(me, url, { range: `bytes=${size - 3}-` });
      assert.equal(open.status, 206);
      assert.equal(open.body.length, 3);

      const multi = await fetchMediaBytes(me, url, { range: 'bytes=0-1,4-5' });
      assert.equal(multi.status, 200);
      assert.equal(multi.body.length, size);

      const beyond = await fetchMediaBytes(me, url, { range: `bytes=${size}-${size + 10}` });
      assert.equal(beyond.status, 416);
      assert.equal(beyond.headers['content-range'], `bytes */${size}`);
      assert.equal(JSON.parse(beyond.body.toString()).code, 'range_not_satisfiable');

      // If-Range with a stale validator: the whole (new) file, not a slice of it.
      const stale = await fetchMediaBytes(me, url, { range: 'bytes=0-9', 'if-range': '"old"' });
      assert.equal(stale.status, 200);
      assert.equal(stale.body.length, size);
    });

    test('unknown keys are 404 problems; path traversal never reaches the disk', async () => {
      const me = await signUpUser(t);
      await uploadImage(me);
      // URL normalisation resolves these outside the media route; either way the file must not leak.
      for (const url of ['/media/../kuaan.db', '/media/img/%2e%2e/%2e%2e/kuaan.db', '/media/%2e%2e/kuaan.db']) {
        const outside = await fetchMediaBytes(me, url);
        assert.ok(!outside.body.includes(Buffer.from('SQLite format')), url);
        assert.notEqual(outside.headers['content-type'], 'image/webp', url);
      }
      const probes = [
        '/media/img/nope/1080.webp',
        '/media/..%2fkuaan.db',
        '/media/img//1080.webp',
        '/media/%00',
        '/media/',
        `/media/${'a/'.repeat(20)}x.webp`,
      ];
      for (const url of probes) {
        const res = await fetchMediaBytes(me, url);
        assert.ok(res.status === 404 || res.status === 400, `${url}: ${res.status}`);
        assert.ok(!res.body.includes(Buffer.from('SQLite format')), url);
      }
      const unknown = await fetchMediaBytes(me, '/media/img/nope/1080.webp');
      assert.equal(JSON.parse(unknown.body.toString()).code, 'not_found');
      assert.equal(unknown.headers['cache-control'], undefined);
    });

    test('the owner deletes an unused upload and its files; others get 404, not a hint', async () => {
      const owner = await signUpUser(t);
      const other = await signUpUser(t);
      const image = await uploadImage(owner);

      const stranger = await other.delete(`/api/media/${image.id}`);
      assert.equal(stranger.status, 404);
      assert.equal(stranger.body.code, 'not_found');
      const anonymous = await new Client(t).delete(`/api/media/${image.id}`);
      assert.equal(anonymous.status, 401);
      for (const v of image.variants) assert.equal((await fetchMediaBytes(owner, v.url)).status, 200);

      const res = await owner.delete(`/api/media/${image.id}`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, { ok: true });
      for (const v of image.variants) assert.equal((await fetchMediaBytes(owner, v.url)).status, 404);
      const row = await t.ctx.database.db.selectFrom('media').select('id').where('id', '=', image.id).executeTakeFirst();
      assert.equal(row, undefined);

      assert.equal((await owner.delete(`/api/media/${image.id}`)).status, 404, 'repeated delete');
      assert.equal((await owner.delete('/api/media/not-an-id')).status, 404);
      assert.equal((await owner.delete(`/api/media/${'x'.repeat(100)}`)).status, 400);
    });

    test('an image in use as a profile picture cannot be deleted (409), and stays served', async () => {
      const me = await signUpUser(t);
      const image = await uploadImage(me);
      assert.equal((await me.patch('/api/me', { avatarMediaId: image.id })).status, 200);
      const res = await me.delete(`/api/media/${image.id}`);
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'media_attached');
      assert.equal((await fetchMediaBytes(me, image.variants[0]!.url)).status, 200);
    });

    test('deleteUnusedMedia removes files only after commit, and not at all on rollback', async () => {
      const me = await signUpUser(t);
      const kept = await uploadImage(me, await makeJpeg({ width: 500, height: 500 }));
      await assert.rejects(
        t.ctx.database.transaction(async (txn) => {
          assert.deepEqual(await deleteUnusedMedia(txn, t.ctx, [kept.id]), [kept.id]);
          // Files are still there inside the transaction.
          assert.ok(await t.ctx.blobs.head(kept.variants[0]!.url.replace('/media/', '')));
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal((await fetchMediaBytes(me, kept.variants[0]!.url)).status, 200);

      const gone = await uploadImage(me);
      const deleted = await t.ctx.database.transaction((txn) => deleteUnusedMedia(txn, t.ctx, [gone.id, kept.id, 'missing']));
      assert.deepEqual(deleted.sort(), [gone.id, kept.id].sort());
      for (const v of [...gone.variants, ...kept.variants]) {
        assert.equal((await fetchMediaBytes(me, v.url)).status, 404, v.url);
      }
    });
  });
}
