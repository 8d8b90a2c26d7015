import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Note } from '../../../contract/notes.js';
import type { Video } from '../../../contract/video.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { fetchMediaBytes } from '../../test/media-factory.js';
import { readyVideo } from '../../test/video-factory.js';
import { parseVtt, serializeVtt } from './captions.js';

const VTT = `WEBVTT - dumplings

NOTE written by hand

STYLE
::cue { color: red }

1
00:00.000 --> 00:01.000 line:90%
<v Mei>Fold the wrapper in half.

00:00:01.000 --> 00:00:02.000
Pinch the edges &amp; press.
`;

describe('WebVTT parsing', () => {
  it('keeps only cues, with their timings and settings', () => {
    const cues = parseVtt(VTT);
    assert.equal(cues.length, 2);
    assert.equal(cues[0]!.timing, '00:00.000 --> 00:01.000 line:90%');
    const out = serializeVtt(cues);
    assert.match(out, /^WEBVTT\n\n00:00.000 --> 00:01.000 line:90%\n<v Mei>Fold/);
    assert.doesNotMatch(out, /STYLE|NOTE|color: red/);
  });

  it('refuses what is not WebVTT', () => {
    for (const bad of ['', 'hello', '1\n00:00:01,000 --> 00:00:02,000\nSRT, not VTT\n', 'WEBVTT\n\n00:02.000 --> 00:01.000\nbackwards\n', 'WEBVTT\n\nno timing here\n', 'WEBVTT\n']) {
      assert.throws(() => parseVtt(bad), (e: { code?: string }) => e.code === 'caption_invalid', JSON.stringify(bad));
    }
  });
});

for (const kind of testDatabases()) {
  describe(`video captions [${kind}]`, () => {
    let t: TestApp;
    let author: Client;
    let reader: Client;
    let video: Video;
    before(async () => {
      t = await startTestApp(kind);
      [author, reader] = [await signUpUser(t), await signUpUser(t)];
      video = await readyVideo(author);
    });
    after(() => t.close());

    const put = (who: Client, lang: string, body: string, contentType = 'text/vtt') =>
      who.request('PUT', `/api/videos/${video.id}/captions/${lang}`, { raw: body, contentType });

    it('lets the author attach a track per language, cleaned, served as text/vtt', async () => {
      const res = await put(author, 'en', VTT);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.body.captions.map((c: { lang: string }) => c.lang),
        ['en'],
      );
      const file = await fetchMediaBytes(author, res.body.captions[0].url);
      assert.equal(file.status, 200);
      assert.equal(file.headers['content-type'], 'text/vtt');
      assert.doesNotMatch(file.body.toString(), /STYLE/);
      // Replacing a track changes its URL (served files are cached forever) and deletes the old file.
      const again = await put(author, 'en', 'WEBVTT\n\n00:00.000 --> 00:01.500\nFold it.\n');
      assert.notEqual(again.body.captions[0].url, res.body.captions[0].url);
      assert.equal((await fetchMediaBytes(author, res.body.captions[0].url)).status, 404);
    });

    it('refuses bad tracks, oversized tracks, strangers and bad languages', async () => {
      const srt = await put(author, 'zh-Hans', '1\n00:00:01,000 --> 00:00:02,000\nhi\n');
      assert.equal(srt.status, 400);
      assert.equal(srt.body.code, 'caption_invalid');
      const huge = await put(author, 'zh-Hans', `WEBVTT\n\n${'00:00.000 --> 00:01.000\nla la la\n\n'.repeat(12_000)}`);
      assert.ok([400, 413].includes(huge.status), `${huge.status}`);
      assert.equal((await put(reader, 'en', VTT)).status, 404);
      assert.equal((await put(author, 'not a language!', VTT)).status, 400);
    });

    it('translates a track into the reader’s language on request, keeping the timings', async () => {
      const note = await author.post<Note>('/api/notes', { type: 'video', title: 'Captions', body: '', video: { id: video.id } });
      assert.equal(note.status, 201, note.text);
      assert.equal((await author.get<Note>(`/api/notes/${note.body.id}`)).body.video?.captions.length, 1);
      const res = await reader.get(`/api/videos/${video.id}/captions/en/translation?to=zh-Hans`);
      assert.equal(res.status, 200, res.text);
      assert.match(String(res.headers['content-type']), /^text\/vtt/);
      assert.match(res.text, /^WEBVTT\n\n00:00.000 --> 00:01.500\n/);
      assert.equal((await reader.get(`/api/videos/${video.id}/captions/fr/translation?to=en`)).status, 404);
    });

    it('lets the author remove a track', async () => {
      const res = await author.delete(`/api/videos/${video.id}/captions/en`);
      assert.equal(res.status, 200);
      assert.equal(res.body.captions.length, 0);
    });
  });
}
