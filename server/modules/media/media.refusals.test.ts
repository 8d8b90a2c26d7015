import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { LIMITS } from '../../../contract/limits.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import {
  makeJpeg,
  makePng,
  makePngHeaderBomb,
  mediaRowCount,
  postUpload,
  storedFileCount,
  uploadImage,
} from '../../test/media-factory.js';

for (const kind of testDatabases()) {
  describe(`media upload refusals (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });

    test('refusals: each with a clear problem, and nothing stored', async () => {
      const me = await signUpUser(t);
      const filesBefore = await storedFileCount(t);
      const jpeg = await makeJpeg({ width: 800, height: 600 });
      const noise = () =>
        sharp({
          create: { width: 300, height: 300, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 100, sigma: 40 } },
        });
      const noisyPng = await noise().png().toBuffer();
      const noisyAvif = await noise().avif().toBuffer();
      const oversize = Buffer.concat([jpeg, Buffer.alloc(LIMITS.upload.maxBytes + 1 - jpeg.length)]);
      const cases: Array<{ name: string; file: Buffer; status: number; code: string; detail?: RegExp }> = [
        { name: '20 MB + 1 byte', file: oversize, status: 413, code: 'image_too_large', detail: /20 MB/ },
        { name: 'far over the limit', file: Buffer.alloc(LIMITS.upload.maxBytes + 200_000), status: 413, code: 'image_too_large' },
        { name: '9000×9000 header bomb', file: makePngHeaderBomb(9000, 9000), status: 413, code: 'image_too_many_pixels', detail: /81\.0/ },
        { name: 'truncated JPEG', file: jpeg.subarray(0, Math.floor(jpeg.length / 2)), status: 422, code: 'image_corrupt' },
        {
          name: 'SVG with an XML declaration',
          file: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
          status: 415,
          code: 'image_unsupported_type',
          detail: /image\/svg\+xml/,
        },
        {
          name: 'bare SVG',
          file: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
          status: 415,
          code: 'image_unsupported_type',
          detail: /image\/svg\+xml/,
        },
        { name: 'text renamed .jpg', file: Buffer.from('just some text, honest'), status: 415, code: 'image_unsupported_type', detail: /unknown/ },
        { name: 'PDF', file: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), status: 415, code: 'image_unsupported_type', detail: /application\/pdf/ },
        { name: 'truncated PNG', file: noisyPng.subarray(0, Math.floor(noisyPng.length / 2)), status: 422, code: 'image_corrupt' },
        { name: 'truncated AVIF', file: noisyAvif.subarray(0, noisyAvif.length - 200), status: 422, code: 'image_corrupt' },
        { name: 'TIFF', file: await sharp(jpeg).tiff().toBuffer(), status: 415, code: 'image_unsupported_type', detail: /image\/tiff/ },
        { name: 'empty file', file: Buffer.alloc(0), status: 400, code: 'upload_missing_file' },
      ];
      for (const c of cases) {
        const res = await postUpload(me, c.file, { filename: 'photo.jpg', contentType: 'image/jpeg' });
        assert.equal(res.status, c.status, `${c.name}: ${res.text}`);
        assert.equal(res.body.code, c.code, c.name);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/, c.name);
        if (c.detail) assert.match(res.body.detail, c.detail, c.name);
      }
      assert.equal(await mediaRowCount(t, me.userId), 0);
      assert.equal(await storedFileCount(t), filesBefore);
    });

    test('refusals speak the caller’s language', async () => {
      const me = await signUpUser(t);
      const res = await postUpload(me, Buffer.from('%PDF-1.4\n%%EOF\n'), { headers: { 'x-kuaan-locale': 'zh-Hans' } });
      assert.equal(res.status, 415);
      assert.match(res.body.detail, /不支持此文件/);
      const hant = await postUpload(me, makePngHeaderBomb(), { headers: { 'x-kuaan-locale': 'zh-Hant' } });
      assert.match(hant.body.detail, /百萬像素/);
    });

    test('a request without the file field, or not multipart at all, is a 400 naming the field', async () => {
      const me = await signUpUser(t);
      const jpeg = await makeJpeg();
      const wrongField = await postUpload(me, jpeg, { field: 'image' });
      assert.equal(wrongField.status, 400, wrongField.text);
      assert.equal(wrongField.body.code, 'upload_missing_file');
      assert.equal(wrongField.body.field, 'file');

      const boundary = 'xyz';
      const onlyText = await me.request('POST', '/api/media', {
        raw: `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nhello\r\n--${boundary}--\r\n`,
        contentType: `multipart/form-data; boundary=${boundary}`,
      });
      assert.equal(onlyText.status, 400, onlyText.text);
      assert.equal(onlyText.body.code, 'upload_missing_file');

      const garbage = await me.request('POST', '/api/media', { raw: 'not multipart', contentType: 'multipart/form-data; boundary=q' });
      assert.equal(garbage.status, 400, garbage.text);

      const json = await me.post('/api/media', { file: 'data:image/png;base64,AAAA' });
      assert.equal(json.status, 400, json.text);
      assert.equal(json.body.code, 'upload_missing_file');
      assert.equal(await mediaRowCount(t, me.userId), 0);
    });

  });

  describe(`media upload over a real socket (${kind})`, () => {
    test('a huge streamed upload is answered 413 long before it ends, and the connection is closed', async () => {
      const t = await startTestApp(kind);
      try {
        const me = await signUpUser(t);
        const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
        const boundary = 'kuaanbig';
        const result = await new Promise<{ status: number; body: string; sent: number; connection: unknown }>((resolve, reject) => {
          let sent = 0;
          let answered = false;
          const req = http.request(`${address}/api/media`, {
            method: 'POST',
            // No Content-Length: chunked, so only counting the stream can catch it.
            headers: { cookie: me.cookie!, origin: 'http://localhost:3000', 'content-type': `multipart/form-data; boundary=${boundary}` },
          });
          req.on('response', (res) => {
            answered = true;
            let body = '';
            res.on('data', (c) => {
              body += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent, connection: res.headers.connection }));
          });
          req.on('error', (err: NodeJS.ErrnoException) => {
            if (answered) return;
            // The server answered and closed while we were still writing: the kernel may report the
            // cut (EPIPE/ECONNRESET) before the 413 is parsed. Either way, it stopped reading.
            if (err.code === 'EPIPE' || err.code === 'ECONNRESET') {
              answered = true;
              resolve({ status: 0, body: '', sent, connection: 'close' });
            } else reject(err);
          });
          const chunk = Buffer.alloc(1024 * 1024, 0x41);
          const pump = () => {
            while (!answered && sent < 1024 * chunk.length) {
              sent += chunk.length;
              if (!req.write(chunk)) {
                req.once('drain', pump);
                return;
              }
            }
            if (!answered) req.end();
          };
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n\r\n`);
          pump();
        });
        assert.ok(result.status === 413 || result.status === 0, `${result.status} ${result.body}`);
        if (result.status === 413) assert.equal(JSON.parse(result.body).code, 'image_too_large');
        assert.equal(result.connection, 'close');
        // A gigabyte was on offer; the server stopped near the 20 MB limit (plus socket buffers).
        assert.ok(result.sent < 64 * 1024 * 1024, `client managed to send ${result.sent} bytes`);
      } finally {
        await t.close();
      }
    });
  });

  describe(`media upload when the database refuses the row (${kind})`, () => {
    test('files already written are removed again', async () => {
      const t = await startTestApp(kind);
      try {
        const me = await signUpUser(t);
        await uploadImage(me);
        const before = await storedFileCount(t);
        assert.ok(before > 0);
        // A clock that yields no time makes created_at NULL, which the NOT NULL column refuses: the
        // insert fails after the variants are stored.
        t.ctx.clock = { now: () => Number.NaN };
        const res = await postUpload(me, await makeJpeg({ width: 1500, height: 1000 }));
        assert.equal(res.status, 500, res.text);
        assert.equal(await storedFileCount(t), before);
        assert.equal(await mediaRowCount(t, me.userId), 1);
      } finally {
        await t.close();
      }
    });
  });

  describe(`media upload rate limit (${kind})`, () => {
    test('uploads per person are rate-limited', async () => {
      const t = await startTestApp(kind, { RATE_LIMIT_WRITES_PER_MINUTE: '2' });
      try {
        const me = await signUpUser(t);
        const other = await signUpUser(t);
        const file = await makePng({ width: 40, height: 40 });
        assert.equal((await postUpload(me, file)).status, 201);
        assert.equal((await postUpload(me, file)).status, 201);
        const third = await postUpload(me, file);
        assert.equal(third.status, 429);
        assert.equal(third.body.code, 'rate_limited');
        // Keyed on the person, not the shared test IP.
        assert.equal((await postUpload(other, file)).status, 201);
      } finally {
        await t.close();
      }
    });
  });
}
