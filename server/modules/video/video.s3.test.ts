import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
// s3rver ships no types; only run() and close() are used here.
// @ts-expect-error -- untyped CommonJS package
import S3rver from 's3rver';
import type { Note } from '../../../contract/notes.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { fetchMediaBytes } from '../../test/media-factory.js';
import { GPS, makeClip, probeBytes, readyVideo } from '../../test/video-factory.js';

/** Renditions and posters through an S3-compatible bucket (s3rver), served with ranges; SQLite is enough here. */
describe('video on an S3-compatible store', () => {
  let t: TestApp;
  let server: { close(): Promise<void> };
  let directory: string;
  before(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-s3-video-'));
    const bucket = 'kuaan-video-test';
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
    const { address, port } = (await (server as unknown as { run(): Promise<{ address: string; port: number }> }).run());
    t = await startTestApp('sqlite', {
      MEDIA_STORE: 's3',
      S3_ENDPOINT: `http://${address}:${port}`,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
  });
  after(async () => {
    await t?.close();
    await server?.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  test('upload → process → ranged playback → delete, through the bucket', async () => {
    assert.equal(t.ctx.blobs.kind, 's3');
    const me = await signUpUser(t);
    const video = await readyVideo(me, await makeClip({ gps: true, width: 640, height: 360 }));
    const url = video.renditions[0]!.url;
    const whole = await fetchMediaBytes(me, url);
    assert.equal(whole.status, 200);
    assert.ok(!whole.body.includes(GPS.marker));
    assert.deepEqual((await probeBytes(whole.body)).streams.map((s) => s.codec_name).sort(), ['aac', 'h264']);
    const part = await fetchMediaBytes(me, url, { range: 'bytes=1000-1999' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${whole.body.length}`);
    assert.deepEqual(part.body, whole.body.subarray(1000, 2000));

    const note = await me.post<Note>('/api/notes', { type: 'video', title: 'S3', body: '', video: { id: video.id } });
    assert.equal(note.status, 201, note.text);
    assert.equal((await me.delete(`/api/notes/${note.body.id}`)).status, 200);
    await t.ctx.events.settle();
    for (const key of [url, ...video.poster!.variants.map((v) => v.url)]) {
      assert.equal(await t.ctx.blobs.head(key.replace(/^\/media\//, '')), null, `${key} is still in the bucket`);
    }
  });
});
