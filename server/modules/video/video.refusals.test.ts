import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { VIDEO_UPLOAD_PATH } from '../../../contract/video.js';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { storedFileCount } from '../../test/media-factory.js';
import { makeClip, settleVideo, uploadVideo } from '../../test/video-factory.js';

const run = promisify(execFile);

/** An MP4 with one AAC stream and no picture (the isom brand, so it sniffs as video/mp4). */
async function audioOnlyMp4(): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kuaan-audio-'));
  const file = path.join(dir, 'a.mp4');
  await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', '-f', 'mp4', '-brand', 'isom', file]);
  const bytes = await fsp.readFile(file);
  await fsp.rm(dir, { recursive: true, force: true });
  return bytes;
}

for (const kind of testDatabases()) {
  describe(`video refusals [${kind}]`, () => {
    let t: TestApp;
    let author: Client;
    before(async () => {
      // A 3-second limit and a 3 MB cap stand in for 15 minutes and 1 GB.
      t = await startTestApp(kind, { VIDEO_MAX_DURATION_SECONDS: '3', VIDEO_MAX_BYTES: String(3 * 1024 * 1024), VIDEO_RETRY_BACKOFF_MS: '20' });
      author = await signUpUser(t);
    });
    after(() => t.close());

    async function refusal(bytes: Buffer) {
      const filesBefore = await storedFileCount(t);
      const video = await settleVideo(author, await uploadVideo(author, bytes));
      assert.equal(video.state, 'failed');
      assert.equal(video.renditions.length, 0);
      // The original is deleted with the refusal: nothing of the file stays on the server.
      assert.equal(await storedFileCount(t), filesBefore);
      return video;
    }

    it('refuses a text file named .mp4 as not a video', async () => {
      const video = await refusal(Buffer.from('This is not a video, just text pretending to be one.\n'.repeat(50)));
      assert.equal(video.error?.code, 'video_unsupported_type');
      assert.match(video.error!.message, /MP4, MOV or WebM/);
    });

    it('refuses truncated files, with the index at the end or at the front', async () => {
      const atEnd = await makeClip({ seconds: 2 });
      const cutEnd = await refusal(atEnd.subarray(0, Math.floor(atEnd.length * 0.6)));
      assert.equal(cutEnd.error?.code, 'video_corrupt');
      const atFront = await makeClip({ seconds: 2, faststart: true });
      const cutFront = await refusal(atFront.subarray(0, Math.floor(atFront.length * 0.5)));
      assert.equal(cutFront.error?.code, 'video_corrupt');
    });

    it('refuses garbage after a valid MP4 header as corrupt', async () => {
      const clip = await makeClip({ seconds: 1, faststart: true });
      const mangled = Buffer.concat([clip.subarray(0, 64), Buffer.alloc(clip.length - 64, 0x5a)]);
      assert.equal((await refusal(mangled)).error?.code, 'video_corrupt');
    });

    it('refuses a video longer than the limit, before transcoding it', async () => {
      const video = await refusal(await makeClip({ seconds: 4, width: 160, height: 120 }));
      assert.equal(video.error?.code, 'video_too_long');
      const zh = await author.get(`/api/videos/${video.id}`, { headers: { 'x-kuaan-locale': 'zh-Hans' } });
      assert.match(zh.body.error.message, /分钟/);
    });

    it('refuses a resolution above the limit', async () => {
      const video = await refusal(await makeClip({ seconds: 1, width: 4200, height: 16, silent: true }));
      assert.equal(video.error?.code, 'video_resolution_too_large');
    });

    it('refuses a file with sound but no picture', async () => {
      assert.equal((await refusal(await audioOnlyMp4())).error?.code, 'video_no_video_stream');
    });

    it('refuses an upload larger than the limit before a byte is sent', async () => {
      const res = await author.request('POST', VIDEO_UPLOAD_PATH, { headers: { 'tus-resumable': '1.0.0', 'upload-length': String(4 * 1024 * 1024) } });
      assert.equal(res.status, 413);
      assert.equal(res.body.code, 'video_too_large');
    });

    it('accepts WebM (VP9/Opus) and silent videos, transcoding them to H.264', async () => {
      const webm = await settleVideo(author, await uploadVideo(author, await makeClip({ codec: 'vp9', seconds: 1 })));
      assert.equal(webm.state, 'ready', JSON.stringify(webm.error));
      const silent = await settleVideo(author, await uploadVideo(author, await makeClip({ silent: true, seconds: 1 })));
      assert.equal(silent.state, 'ready', JSON.stringify(silent.error));
    });

    it('keeps the upload endpoint to signed-in people on this site, each to their own uploads', async () => {
      const anonymous = await new Client(t).request('POST', VIDEO_UPLOAD_PATH, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
      assert.equal(anonymous.status, 401);
      const crossSite = await author.request('POST', VIDEO_UPLOAD_PATH, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', origin: 'https://evil.example' } });
      assert.equal(crossSite.status, 403);
      const created = await author.request('POST', VIDEO_UPLOAD_PATH, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
      const other = await signUpUser(t);
      const head = await other.request('HEAD', String(created.headers.location), { headers: { 'tus-resumable': '1.0.0' } });
      assert.equal(head.status, 404);
      const patch = await other.request('PATCH', String(created.headers.location), {
        raw: Buffer.alloc(10),
        contentType: 'application/offset+octet-stream',
        headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0' },
      });
      assert.equal(patch.status, 404);
      const made = await other.request('HEAD', `${VIDEO_UPLOAD_PATH}/..%2F..%2Fetc%2Fpasswd`, { headers: { 'tus-resumable': '1.0.0' } });
      assert.equal(made.status, 404);
    });
  });
}
