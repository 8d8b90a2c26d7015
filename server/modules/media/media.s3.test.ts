import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
// s3rver ships no types; only run() and close() are used here.
// @ts-expect-error -- untyped CommonJS package
import S3rver from 's3rver';
import sharp from 'sharp';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { fetchMediaBytes, makeJpeg, uploadImage } from '../../test/media-factory.js';

interface LocalS3 {
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/** A throwaway S3-compatible server on 127.0.0.1 with one bucket, in a temp folder. */
async function startLocalS3(): Promise<LocalS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-s3-'));
  const bucket = 'kuaan-media-test';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { address, port } = (await server.run()) as { address: string; port: number };
  return {
    endpoint: `http://${address}:${port}`,
    bucket,
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

for (const kind of testDatabases()) {
  describe(`media on an S3-compatible store (${kind})`, () => {
    let s3: LocalS3;
    let t: TestApp;
    before(async () => {
      s3 = await startLocalS3();
      t = await startTestApp(kind, {
        MEDIA_STORE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      });
    });
    after(async () => {
      await t?.close();
      await s3?.close();
    });

    test('upload → serve (whole and ranged) → delete, through the bucket', async () => {
      assert.equal(t.ctx.blobs.kind, 's3');
      const me = await signUpUser(t);
      const image = await uploadImage(me, await makeJpeg({ width: 1200, height: 900, gps: true }));
      assert.equal(image.variants.length, 2);
      // The files are in the bucket, not on local disk.
      const localMedia = await fs.readdir(path.join(t.ctx.config.dataDir, 'media')).catch(() => []);
      assert.equal(localMedia.length, 0);

      for (const variant of image.variants) {
        const res = await fetchMediaBytes(me, variant.url);
        assert.equal(res.status, 200);
        assert.equal(res.headers['content-type'], 'image/webp');
        assert.equal(Number(res.headers['content-length']), res.body.length);
        const meta = await sharp(res.body).metadata();
        assert.deepEqual([meta.width, meta.height], [variant.width, variant.height]);
        assert.equal(meta.exif, undefined);

        const slice = await fetchMediaBytes(me, variant.url, { range: 'bytes=0-9' });
        assert.equal(slice.status, 206);
        assert.deepEqual(slice.body, res.body.subarray(0, 10));
        assert.equal(slice.headers['content-range'], `bytes 0-9/${res.body.length}`);
        const tail = await fetchMediaBytes(me, variant.url, { range: 'bytes=-5' });
        assert.deepEqual(tail.body, res.body.subarray(res.body.length - 5));
        const beyond = await fetchMediaBytes(me, variant.url, { range: `bytes=${res.body.length}-` });
        assert.equal(beyond.status, 416);
      }

      assert.equal((await fetchMediaBytes(me, '/media/img/missing/1080.webp')).status, 404);

      const del = await me.delete(`/api/media/${image.id}`);
      assert.equal(del.status, 200, del.text);
      for (const variant of image.variants) {
        assert.equal((await fetchMediaBytes(me, variant.url)).status, 404);
        assert.equal(await t.ctx.blobs.head(variant.url.replace('/media/', '')), null);
      }
    });
  });
}
