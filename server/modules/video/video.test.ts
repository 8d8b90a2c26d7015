import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Note, NoteCard } from '../../../contract/notes.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { fetchMediaBytes, storedFileCount, uploadImage } from '../../test/media-factory.js';
import { createPhotoNote } from '../../test/note-factory.js';
import { GPS, makeClip, probeBytes, readyVideo, settleVideo, uploadVideo } from '../../test/video-factory.js';

for (const kind of testDatabases()) {
  describe(`video notes [${kind}]`, () => {
    let t: TestApp;
    let author: Client;
    let reader: Client;
    before(async () => {
      t = await startTestApp(kind, { VIDEO_RETRY_BACKOFF_MS: '20' });
      author = await signUpUser(t);
      reader = await signUpUser(t);
    });
    after(() => t.close());

    it('processes an upload to 720p and 360p H.264/AAC renditions with a poster, never upscaling', async () => {
      const id = await uploadVideo(author, await makeClip({ width: 1280, height: 720, seconds: 2 }));
      const queued = await author.get(`/api/videos/${id}`);
      assert.ok(['queued', 'processing', 'ready'].includes(queued.body.state));
      const video = await settleVideo(author, id);
      assert.equal(video.state, 'ready', JSON.stringify(video.error));
      assert.equal(video.progress, 100);
      assert.deepEqual(
        video.renditions.map((r) => [r.width, r.height]),
        [
          [1280, 720],
          [640, 360],
        ],
      );
      assert.ok(video.durationMs! >= 1900 && video.durationMs! <= 2200, `duration ${video.durationMs}`);
      assert.equal(video.width, 1280);
      assert.ok(video.poster && video.poster.blurhash.length > 0 && video.poster.variants.length > 0);
      for (const r of video.renditions) {
        const file = await fetchMediaBytes(author, r.url);
        assert.equal(file.status, 200);
        assert.equal(file.headers['content-type'], 'video/mp4');
        const probe = await probeBytes(file.body);
        const codecs = probe.streams.map((s) => s.codec_name).sort();
        assert.deepEqual(codecs, ['aac', 'h264']);
        // faststart: the index (moov) comes before the media data (mdat).
        assert.ok(file.body.indexOf('moov') < file.body.indexOf('mdat'), 'moov before mdat');
      }

      const small = await readyVideo(author, await makeClip({ width: 320, height: 240 }));
      assert.deepEqual(
        small.renditions.map((r) => [r.width, r.height]),
        [[320, 240]],
        'a source below 360p keeps its own size',
      );
    });

    it('serves byte ranges of renditions, so seeking works', async () => {
      const video = await readyVideo(author);
      const url = video.renditions[0]!.url;
      const whole = await fetchMediaBytes(author, url);
      const part = await fetchMediaBytes(author, url, { range: 'bytes=100-199' });
      assert.equal(part.status, 206);
      assert.equal(part.headers['content-range'], `bytes 100-199/${whole.body.length}`);
      assert.deepEqual(part.body, whole.body.subarray(100, 200));
      const tail = await fetchMediaBytes(author, url, { range: 'bytes=-50' });
      assert.deepEqual(tail.body, whole.body.subarray(whole.body.length - 50));
      const beyond = await fetchMediaBytes(author, url, { range: `bytes=${whole.body.length + 10}-` });
      assert.equal(beyond.status, 416);
    });

    it('strips location and device metadata from every served rendition', async () => {
      for (const faststart of [false, true]) {
        const clip = await makeClip({ gps: true, faststart, width: 640, height: 360 });
        assert.ok(clip.includes(GPS.marker), 'the test clip carries a location');
        assert.ok((await probeBytes(clip)).format.tags?.location, 'ffprobe sees the location in the source');
        const video = await readyVideo(author, clip);
        for (const r of video.renditions) {
          const { body } = await fetchMediaBytes(author, r.url);
          assert.ok(!body.includes(GPS.marker), `${r.url} contains the location`);
          assert.ok(!body.includes('KuaanTestCam'), `${r.url} contains the device make`);
          const probe = await probeBytes(body);
          const tags = JSON.stringify([probe.format.tags ?? {}, ...probe.streams.map((s) => s.tags ?? {})]);
          assert.doesNotMatch(tags, /location|ISO6709|make|creation_time/i);
        }
        for (const v of video.poster!.variants) {
          const { body } = await fetchMediaBytes(author, v.url);
          assert.ok(!body.includes(GPS.marker));
        }
      }
    });

    it('posts a video note; readers see it on the page and as a card; deleting it deletes every file', async () => {
      const before = await storedFileCount(t);
      const video = await readyVideo(author);
      const res = await author.post<Note>('/api/notes', { type: 'video', title: 'Dumplings', body: 'How to fold them #cooking', video: { id: video.id } });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.type, 'video');
      assert.equal(res.body.images.length, 0);
      assert.equal(res.body.video?.id, video.id);
      assert.equal(res.body.video?.renditions.length, 1);

      const seen = await reader.get<Note>(`/api/notes/${res.body.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.video?.state, 'ready');
      assert.equal((await reader.post(`/api/notes/${res.body.id}/like`)).status, 200);
      const liked = await reader.get<{ items: NoteCard[] }>(`/api/users/${reader.handle}/likes`);
      const card = liked.body.items.find((c) => c.id === res.body.id);
      assert.equal(card?.type, 'video');
      assert.ok(card?.cover?.blurhash, 'the card shows the poster');
      assert.equal(card?.video?.url, video.renditions.at(-1)!.url, 'the card previews the smallest rendition');

      const again = await author.post('/api/notes', { type: 'video', title: 'Twice', body: '', video: { id: video.id } });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'video_in_use');

      const files = [...video.renditions.map((r) => r.url), ...video.poster!.variants.map((v) => v.url)];
      assert.ok(await storedFileCount(t) > before);
      assert.equal((await author.delete(`/api/notes/${res.body.id}`)).status, 200);
      for (const url of files) assert.equal((await fetchMediaBytes(author, url)).status, 404, `${url} survived`);
      assert.equal((await author.get(`/api/videos/${video.id}`)).status, 404);
      assert.equal(await storedFileCount(t), before, 'no file of the video is left');
    });

    it('uses an uploaded image as the cover, or a chosen frame', async () => {
      const video = await readyVideo(author, await makeClip({ seconds: 3 }));
      const frame = await author.post(`/api/videos/${video.id}/poster`, { atMs: 2500 });
      assert.equal(frame.status, 200, frame.text);
      assert.notEqual(frame.body.poster.variants[0].url, video.poster!.variants[0]!.url);
      assert.equal((await fetchMediaBytes(author, video.poster!.variants[0]!.url)).status, 404, 'the old poster is deleted');
      const late = await author.post(`/api/videos/${video.id}/poster`, { atMs: 9000 });
      assert.equal(late.body.code, 'video_frame_out_of_range');

      const cover = await uploadImage(author);
      const note = await author.post<Note>('/api/notes', { type: 'video', title: 'Cover', body: '', video: { id: video.id, coverMediaId: cover.id } });
      assert.equal(note.status, 201, note.text);
      assert.equal(note.body.video?.poster?.id, cover.id);
    });

    it('refuses to post a video that is not ready, not yours, or missing', async () => {
      const other = await readyVideo(reader);
      const notYours = await author.post('/api/notes', { type: 'video', title: 'x', body: '', video: { id: other.id } });
      assert.equal(notYours.status, 400);
      const none = await author.post('/api/notes', { type: 'video', title: 'x', body: '' });
      assert.equal(none.body.code, 'video_note_needs_video');
      const onPhoto = await createPhotoNote(author).then(() => author.post('/api/notes', { type: 'text', title: 'x', body: 'y', video: { id: other.id } }));
      assert.equal(onPhoto.body.code, 'video_only_in_video_notes');
      // Others cannot see an unposted video at all.
      assert.equal((await author.get(`/api/videos/${other.id}`)).status, 404);
    });

    it('lists the author\u2019s unposted videos and lets them delete one with its files', async () => {
      const video = await readyVideo(author);
      const list = await author.get('/api/videos');
      assert.ok(list.body.items.some((v: { id: string }) => v.id === video.id));
      assert.equal((await reader.delete(`/api/videos/${video.id}`)).status, 404);
      assert.equal((await author.delete(`/api/videos/${video.id}`)).status, 200);
      assert.equal((await fetchMediaBytes(author, video.renditions[0]!.url)).status, 404);
    });
  });
}
