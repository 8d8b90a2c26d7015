import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '../../../contract/limits.js';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { uploadImage } from '../../test/media-factory.js';
import { createPhotoNote, createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`notes refuse bad input and leave nothing behind (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    /** Everything a failed post could have half-written for this author. */
    async function footprint(userId: string) {
      const db = t.ctx.database.db;
      const notes = await db.selectFrom('notes').select('id').where('author_id', '=', userId).execute();
      const ids = notes.map((n) => n.id);
      const attached = ids.length ? await db.selectFrom('note_media').select('media_id').where('note_id', 'in', ids).execute() : [];
      const user = await db.selectFrom('users').select('note_count').where('id', '=', userId).executeTakeFirstOrThrow();
      return { notes: ids.length, attached: attached.length, noteCount: user.note_count };
    }

    async function refused(client: Client, body: unknown, status: number, code: string, field?: string) {
      const before = await footprint(client.userId);
      const tagsBefore = await t.ctx.database.db.selectFrom('hashtags').select('id').execute();
      const res = await client.post('/api/notes', body);
      assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 80)} → ${res.text}`);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.body.code, code, res.text);
      if (field) assert.equal(res.body.field, field);
      assert.ok(res.body.detail.length > 0);
      assert.deepEqual(await footprint(client.userId), before);
      assert.equal((await t.ctx.database.db.selectFrom('hashtags').select('id').execute()).length, tagsBefore.length);
      return res;
    }

    test('missing, wrong-typed and unknown fields', async () => {
      const me = await signUpUser(t);
      await refused(me, { title: 'x', body: 'y' }, 400, 'validation_failed', 'type');
      await refused(me, { type: 'text', body: 'y' }, 400, 'validation_failed', 'title');
      await refused(me, { type: 'text', title: 5, body: 'y' }, 400, 'validation_failed', 'title');
      await refused(me, { type: 'audio', title: 'x', body: 'y' }, 400, 'validation_failed', 'type');
      await refused(me, { type: 'text', title: 'x', body: 'y', authorId: 'someone' }, 400, 'validation_failed', 'authorId');
      await refused(me, { type: 'text', title: 'x', body: 'y', visibility: 'friends' }, 400, 'validation_failed', 'visibility');
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: "'; DROP TABLE media; --" }] }, 400, 'validation_failed');
      await refused(me, [1, 2], 400, 'validation_failed');
      const raw = await me.request('POST', '/api/notes', { raw: '{"type":"text",', contentType: 'application/json' });
      assert.equal(raw.body.code, 'invalid_json');
      const bytes = Buffer.concat([Buffer.from('{"type":"text","title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","body":"x"}')]);
      const utf8 = await me.request('POST', '/api/notes', { raw: bytes, contentType: 'application/json' });
      assert.equal(utf8.body.code, 'invalid_utf8');
      assert.equal((await footprint(me.userId)).notes, 0);
    });

    test('signed-out people cannot post', async () => {
      const res = await new Client(t).post('/api/notes', { type: 'text', title: 'x', body: 'y' });
      assert.equal(res.status, 401);
    });

    test('empty, too long, too many hashtags or mentions', async () => {
      const me = await signUpUser(t);
      await refused(me, { type: 'text', title: '   ', body: ' \n ' }, 400, 'note_empty');
      await refused(me, { type: 'text', title: 'x', body: '字'.repeat(LIMITS.noteBodyChars + 1) }, 400, 'text_too_long', 'body');
      await refused(me, { type: 'text', title: 'x'.repeat(500), body: 'y' }, 400, 'validation_failed', 'title');
      const tags = Array.from({ length: LIMITS.noteHashtags + 1 }, (_, i) => `#tag${i}x${Date.now()}`).join(' ');
      await refused(me, { type: 'text', title: 'x', body: tags }, 400, 'too_many_hashtags', 'body');
      const mentions = Array.from({ length: LIMITS.noteMentions + 1 }, (_, i) => `@user_${i}_abc`).join(' ');
      await refused(me, { type: 'text', title: 'x', body: mentions }, 400, 'too_many_mentions', 'body');
      await refused(me, { type: 'text', title: 'x', body: 'y', locationLabel: '地'.repeat(LIMITS.locationLabel.max + 1) }, 400, 'text_too_long', 'locationLabel');
      // The limits themselves are allowed: 1,000 code points (emoji are one each) and 10 hashtags.
      await createTextNote(me, { body: '😀'.repeat(LIMITS.noteBodyChars) });
      await createTextNote(me, { body: tags.split(' ').slice(0, LIMITS.noteHashtags).join(' ') });
    });

    test('control characters, bidi overrides and lone surrogates', async () => {
      const me = await signUpUser(t);
      await refused(me, { type: 'text', title: 'evil\u202Egnp.exe', body: 'y' }, 400, 'text_bidi_chars', 'title');
      await refused(me, { type: 'text', title: 'x', body: 'a\u2066b' }, 400, 'text_bidi_chars', 'body');
      await refused(me, { type: 'text', title: 'x', body: 'bell\u0007' }, 400, 'text_control_chars', 'body');
      await refused(me, { type: 'text', title: 'two\nlines', body: 'y' }, 400, 'text_control_chars', 'title');
      await refused(me, { type: 'text', title: 'x', body: 'half \uD83D a smile' }, 400, 'text_invalid_unicode', 'body');
      await refused(me, { type: 'text', title: '\uDE00', body: 'y' }, 400, 'text_invalid_unicode', 'title');
      await refused(me, { type: 'text', title: 'x', body: 'y', locationLabel: 'a\u0000b' }, 400, 'text_control_chars', 'locationLabel');
      const img = await uploadImage(me);
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: img.id, alt: 'x\u202Dy' }] }, 400, 'text_bidi_chars', 'images.0.alt');
      // Multi-line bodies keep their newlines and tabs.
      const ok = await createTextNote(me, { body: 'line one\n\tline two' });
      assert.equal(ok.body, 'line one\n\tline two');
    });

    test('images: counts, ownership, repeats and reuse', async () => {
      const me = await signUpUser(t);
      const other = await signUpUser(t);
      const mine = await uploadImage(me);
      const theirs = await uploadImage(other);
      await refused(me, { type: 'photo', title: 'x', body: 'y' }, 400, 'photo_note_needs_images', 'images');
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: [] }, 400, 'photo_note_needs_images', 'images');
      const nineteen = Array.from({ length: LIMITS.noteImages.max + 1 }, () => ({ mediaId: mine.id }));
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: nineteen }, 400, 'validation_failed', 'images');
      await refused(me, { type: 'text', title: 'x', body: 'y', images: [{ mediaId: mine.id }] }, 400, 'text_note_has_images', 'images');
      const stolen = await refused(
        me,
        { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: mine.id }, { mediaId: theirs.id }] },
        400,
        'media_not_yours',
        'images.1.mediaId',
      );
      assert.match(stolen.body.detail, new RegExp(theirs.id));
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: 'no-such-media' }] }, 400, 'media_not_yours');
      await refused(me, { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: mine.id }, { mediaId: mine.id }] }, 400, 'media_duplicate', 'images.1.mediaId');
      const first = await me.post('/api/notes', { type: 'photo', title: 'x', body: 'y', images: [{ mediaId: mine.id }] });
      assert.equal(first.status, 201);
      await refused(me, { type: 'photo', title: 'again', body: 'y', images: [{ mediaId: mine.id }] }, 409, 'media_in_use');
    });

    test('two notes racing for the same image: one wins, the other gets a clear 409', async () => {
      const me = await signUpUser(t);
      const img = await uploadImage(me);
      const results = await Promise.all(
        [1, 2, 3].map((i) => me.post('/api/notes', { type: 'photo', title: `race ${i}`, body: '#Race', images: [{ mediaId: img.id }] })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
      for (const r of results.filter((r) => r.status === 409)) assert.equal(r.body.code, 'media_in_use');
      assert.deepEqual(await footprint(me.userId), { notes: 1, attached: 1, noteCount: 1 });
    });

    test('refusals speak the caller’s language', async () => {
      const me = await signUpUser(t, { uiLocale: 'zh-Hant' });
      const res = await me.post('/api/notes', { type: 'text', title: 'x', body: Array.from({ length: 11 }, (_, i) => `#t${i}`).join(' ') });
      assert.equal(res.body.code, 'too_many_hashtags');
      assert.equal(res.body.detail, '一篇筆記最多 10 個話題。');
    });

    test('edits are checked the same way and change nothing when refused', async () => {
      const me = await signUpUser(t);
      const other = await signUpUser(t);
      const note = await createPhotoNote(me, 2, { title: 'before', body: '#Keep me' });
      const theirs = await uploadImage(other);
      const cases: Array<[unknown, number, string]> = [
        [{ title: 'a'.repeat(41) }, 400, 'title_too_long'],
        [{ body: 'x\u202Ey' }, 400, 'text_bidi_chars'],
        [{ images: [{ mediaId: note.images[0]!.id }, { mediaId: theirs.id }] }, 400, 'media_not_yours'],
        [{ images: [{ mediaId: note.images[0]!.id }, { mediaId: note.images[0]!.id }] }, 400, 'media_duplicate'],
        [{ visibility: 'everyone' }, 400, 'validation_failed'],
        [{ authorId: other.userId }, 400, 'validation_failed'],
        [{ title: null }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await me.patch(`/api/notes/${note.id}`, body);
        assert.equal(res.status, status, res.text);
        assert.equal(res.body.code, code);
      }
      const after = await me.get(`/api/notes/${note.id}`);
      assert.equal(after.body.title, 'before');
      assert.deepEqual(after.body.images.map((i: { id: string }) => i.id), note.images.map((i) => i.id));
      assert.equal(after.body.updatedAt, note.updatedAt);
    });

    test('hostile ids in the path are refused before any query', async () => {
      const me = await signUpUser(t);
      for (const id of ["x' OR '1'='1", '<script>', 'a'.repeat(300)]) {
        const res = await me.get(`/api/notes/${encodeURIComponent(id)}`);
        // 414 for an id longer than any id can be (refused by the router itself).
        assert.ok([400, 404, 414].includes(res.status), `${id}: ${res.status}`);
        assert.match(String(res.headers['content-type']), /problem\+json/);
      }
    });
  });
}
