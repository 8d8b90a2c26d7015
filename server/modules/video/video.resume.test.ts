import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { VIDEO_UPLOAD_PATH } from '../../../contract/video.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { storedFileCount } from '../../test/media-factory.js';
import { createUpload, makeClip, patchUpload, settleVideo, uploadOffset, uploadVideo } from '../../test/video-factory.js';

/** The pid of the ffmpeg transcoding this video (its work folder is named after the video), or null. */
async function ffmpegOf(videoId: string): Promise<number | null> {
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split('\0');
    if (args.includes('-progress') && args.some((a) => a.includes(`video-${videoId}-`))) {
      if (!args[0]?.endsWith('sh')) return Number(pid);
    }
  }
  return null;
}

for (const kind of testDatabases()) {
  describe(`video upload resume and retries [${kind}]`, () => {
    let t: TestApp;
    let author: Client;
    before(async () => {
      // No worker loop: the tests decide when jobs run (drain), to catch them mid-way.
      t = await startTestApp(kind, { JOBS_WORKERS: '0', VIDEO_RETRY_BACKOFF_MS: '10' });
      author = await signUpUser(t);
    });
    after(() => t.close());

    it('continues an upload from the offset the server reports', async () => {
      const clip = await makeClip();
      const { url, id } = await createUpload(author, clip.length);
      const half = Math.floor(clip.length / 2);
      assert.equal((await patchUpload(author, url, 0, clip.subarray(0, half))).status, 204);
      assert.equal(await uploadOffset(author, url), half);
      // A client that lost track and sends from the wrong place is told so, and nothing is corrupted.
      assert.equal((await patchUpload(author, url, 0, clip.subarray(0, 10))).status, 409);
      assert.equal((await author.get(`/api/videos/${id}`)).body.state, 'uploading');
      assert.equal((await patchUpload(author, url, half, clip.subarray(half))).status, 204);
      const video = await settleVideo(author, id);
      assert.equal(video.state, 'ready', JSON.stringify(video.error));
    });

    it('keeps what arrived before a connection dropped mid-request, and resumes from there', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as AddressInfo).port;
      const clip = await makeClip({ seconds: 3, width: 640, height: 360 });
      const { url, id } = await createUpload(author, clip.length);
      const sent = Math.floor(clip.length * 0.6);
      await new Promise<void>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          path: url,
          method: 'PATCH',
          headers: {
            cookie: author.cookie!,
            origin: 'http://localhost:3000',
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
            'content-length': String(clip.length),
          },
        });
        req.on('error', () => resolve());
        req.write(clip.subarray(0, sent), () =>
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 200),
        );
      });
      // The server notices the drop, keeps the bytes it wrote, and reports where to continue.
      let offset = 0;
      for (let i = 0; i < 100 && offset === 0; i++) {
        offset = await uploadOffset(author, url);
        if (offset === 0) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(offset > 0 && offset <= sent, `offset ${offset} of ${sent} sent`);
      assert.equal((await patchUpload(author, url, offset, clip.subarray(offset))).status, 204);
      const video = await settleVideo(author, id);
      assert.equal(video.state, 'ready', JSON.stringify(video.error));
    });

    it('retries a job whose ffmpeg was killed mid-way, and finishes without leftovers', async () => {
      const filesBefore = await storedFileCount(t);
      const id = await uploadVideo(author, await makeClip({ seconds: 5, width: 1280, height: 720 }));
      const draining = t.ctx.queue.drain(60_000);
      let pid: number | null = null;
      for (let i = 0; i < 400 && pid === null; i++) {
        pid = await ffmpegOf(id);
        if (pid === null) await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(pid, 'caught the transcode running');
      process.kill(pid, 'SIGKILL');
      await draining;
      const video = await settleVideo(author, id);
      assert.equal(video.state, 'ready', JSON.stringify(video.error));
      assert.equal(video.renditions.length, 2);
      assert.ok(video.renditions[0]!.url.includes(`/${id}/2/`), 'the second attempt made the files');
      // Renditions (2), poster variants and nothing else: the original is gone, the first attempt left nothing.
      assert.equal(await storedFileCount(t), filesBefore + 2 + video.poster!.variants.length);
    });

    it('picks up a job whose worker died (lease expired) and finishes it', async () => {
      const id = await uploadVideo(author, await makeClip());
      const db = t.ctx.database.db;
      // As a worker that claimed it and then vanished would leave it.
      await db
        .updateTable('jobs')
        .set({ state: 'running', attempts: 1, locked_by: 'dead-worker', locked_until: Date.now() - 1 })
        .where('dedupe_key', '=', `video:${id}`)
        .execute();
      await db.updateTable('videos').set({ state: 'processing', progress: 40 }).where('id', '=', id).execute();
      assert.equal((await author.get(`/api/videos/${id}`)).body.progress, 40);
      const video = await settleVideo(author, id);
      assert.equal(video.state, 'ready', JSON.stringify(video.error));
    });

    it('shows the author progress while processing', async () => {
      const id = await uploadVideo(author, await makeClip({ seconds: 5, width: 1280, height: 720 }));
      assert.equal((await author.get(`/api/videos/${id}`)).body.state, 'queued');
      const draining = t.ctx.queue.drain(60_000);
      const seen = new Set<number>();
      for (let i = 0; i < 300; i++) {
        const v = (await author.get(`/api/videos/${id}`)).body;
        if (v.state === 'processing') seen.add(v.progress);
        if (v.state === 'ready') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await draining;
      assert.ok([...seen].some((p) => p > 0 && p < 100), `progress seen: ${[...seen].join(', ')}`);
    });

    it('forgets uploads abandoned for a day', async () => {
      const { url, id } = await createUpload(author, 1000);
      const db = t.ctx.database.db;
      await db.updateTable('videos').set({ created_at: Date.now() - 25 * 60 * 60 * 1000 }).where('id', '=', id).execute();
      await t.ctx.queue.enqueue(db, 'video.sweep-uploads', {}, { key: 'video:sweep-uploads' });
      await t.ctx.queue.drain();
      assert.equal((await author.get(`/api/videos/${id}`)).status, 404);
      assert.equal((await author.request('HEAD', url, { headers: { 'tus-resumable': '1.0.0' } })).status, 404);
    });

    it('abandons an upload with tus DELETE', async () => {
      const { url, id } = await createUpload(author, 1000);
      const res = await author.request('DELETE', url, { headers: { 'tus-resumable': '1.0.0' } });
      assert.equal(res.status, 204);
      assert.equal((await author.get(`/api/videos/${id}`)).status, 404);
      assert.equal((await author.request('HEAD', `${VIDEO_UPLOAD_PATH}/${id}`, { headers: { 'tus-resumable': '1.0.0' } })).status, 404);
    });
  });
}
