import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isBlurhashValid } from 'blurhash';
import sharp from 'sharp';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import {
  EXIF_MARKER,
  exifHasGps,
  fetchMediaBytes,
  makeJpeg,
  makePng,
  makeWebp,
  mediaRowCount,
  postUpload,
  uploadImage,
} from '../../test/media-factory.js';

for (const kind of testDatabases()) {
  describe(`media upload (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });

    test('a photo with GPS, XMP, ICC and EXIF orientation 6 is served with none of it, turned upright', async () => {
      const me = await signUpUser(t);
      const original = await makeJpeg({ width: 1600, height: 1200, gps: true, icc: true, orientation: 6 });
      const inMeta = await sharp(original).metadata();
      // The fixture must really carry what the server has to remove, or this test proves nothing.
      assert.ok(exifHasGps(inMeta.exif), 'fixture carries GPS EXIF');
      assert.ok(inMeta.xmp && inMeta.icc);
      assert.equal(inMeta.orientation, 6);

      const image = await uploadImage(me, original);
      assert.equal(image.width, 1200);
      assert.equal(image.height, 1600);
      assert.deepEqual(
        image.variants.map((v) => [v.width, v.height]),
        [
          [1080, 1440],
          [400, 533],
        ],
      );
      for (const variant of image.variants) {
        assert.match(variant.url, new RegExp(`^/media/img/${image.id}/\\d+\\.webp$`));
        const served = await fetchMediaBytes(me, variant.url);
        assert.equal(served.status, 200);
        assert.equal(served.headers['content-type'], 'image/webp');
        const meta = await sharp(served.body).metadata();
        assert.equal(meta.format, 'webp');
        assert.equal(meta.exif, undefined, 'no EXIF');
        assert.equal(meta.xmp, undefined, 'no XMP');
        assert.equal(meta.icc, undefined, 'no ICC profile');
        assert.equal(meta.iptc, undefined, 'no IPTC');
        assert.equal(meta.orientation, undefined, 'orientation applied, not recorded');
        assert.deepEqual([meta.width, meta.height], [variant.width, variant.height]);
        assert.ok(!served.body.includes(Buffer.from(EXIF_MARKER)), 'no camera make in the bytes');
        assert.ok(!served.body.includes(Buffer.from('GPS')), 'no GPS tag names in the bytes');
      }
    });

    test('placeholder: a valid blurhash and the dominant colour', async () => {
      const me = await signUpUser(t);
      const image = await uploadImage(me, await makePng({ width: 500, height: 300, color: '#2e86de' }));
      assert.ok(isBlurhashValid(image.blurhash).result, image.blurhash);
      assert.match(image.color, /^#[0-9a-f]{6}$/);
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(image.color.slice(i, i + 2), 16));
      // sharp's dominant colour comes from a 4096-bin histogram, so it is close, not exact.
      assert.ok(Math.abs(r! - 0x2e) <= 16 && Math.abs(g! - 0x86) <= 16 && Math.abs(b! - 0xde) <= 16, image.color);
    });

    test('small images are never upscaled: a 300 px image gets one 300 px variant', async () => {
      const me = await signUpUser(t);
      const image = await uploadImage(me, await makePng({ width: 300, height: 200 }), 'small.png');
      assert.deepEqual(image.variants.map((v) => [v.width, v.height]), [[300, 200]]);
      const mid = await uploadImage(me, await makeWebp({ width: 700, height: 700 }), 'mid.webp');
      assert.deepEqual(mid.variants.map((v) => v.width), [700, 400]);
    });

    test('PNG, WebP, GIF and AVIF are accepted; the file name and claimed type are ignored', async () => {
      const me = await signUpUser(t);
      const canvas = () => sharp({ create: { width: 120, height: 80, channels: 4, background: '#16a085' } });
      const files = [await canvas().gif().toBuffer(), await canvas().avif().toBuffer(), await canvas().png().toBuffer()];
      for (const file of files) {
        const res = await postUpload(me, file, { filename: 'report.pdf', contentType: 'application/pdf' });
        assert.equal(res.status, 201, res.text);
        assert.deepEqual([res.body.width, res.body.height], [120, 80]);
      }
    });

    test('signed-out uploads are refused with 401', async () => {
      const res = await postUpload(new Client(t), await makeJpeg());
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'unauthorized');
    });

    test('concurrent uploads by one person all land, each with its own id and files', async () => {
      const me = await signUpUser(t);
      const images = await Promise.all(Array.from({ length: 6 }, (_, i) => makeJpeg({ width: 900 + i, height: 700 })));
      const results = await Promise.all(images.map((file) => uploadImage(me, file)));
      assert.equal(new Set(results.map((r) => r.id)).size, 6);
      assert.deepEqual(
        results.map((r) => r.width),
        [900, 901, 902, 903, 904, 905],
      );
      assert.equal(await mediaRowCount(t, me.userId), 6);
    });
  });
}
