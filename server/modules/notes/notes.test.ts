import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Note } from '../../../contract/notes.js';
import type { MediaVariant } from '../../db/schema/index.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { uploadImage } from '../../test/media-factory.js';
import { createPhotoNote, createTextNote } from '../../test/note-factory.js';
import { like } from '../feed/feed.fixtures.js';

const facetText = (note: Note, i: number) => note.body.slice(note.facets[i]!.start, note.facets[i]!.end);

for (const kind of testDatabases()) {
  describe(`notes (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const userRow = (id: string) => t.ctx.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tagRow = (name: string) =>
      t.ctx.database.db.selectFrom('hashtags').selectAll().where('name_lower', '=', name.toLowerCase()).executeTakeFirst();

    test('a photo note with three images, alt texts, a hashtag and a mention reads back with exact facets', async () => {
      const author = await signUpUser(t);
      const friend = await signUpUser(t);
      const tag = `周末${Date.now() % 100000}`;
      const body = `和 @${friend.handle} 去爬山 🏔️ #${tag} 认识 @nobody_here_xyz 吗？`;
      const images = [await uploadImage(author), await uploadImage(author), await uploadImage(author)];
      const res = await author.post<Note>('/api/notes', {
        type: 'photo',
        title: '周末爬山 Hiking',
        body,
        images: images.map((img, i) => ({ mediaId: img.id, alt: `第${i + 1}张 photo ${i + 1}` })),
        locationLabel: '  北京 · 香山 ',
        visibility: 'public',
      });
      assert.equal(res.status, 201, res.text);
      const note = res.body;
      assert.equal(note.type, 'photo');
      assert.deepEqual(
        note.images.map((i) => [i.id, i.alt]),
        images.map((img, i) => [img.id, `第${i + 1}张 photo ${i + 1}`]),
      );
      assert.equal(note.locationLabel, '北京 · 香山');
      assert.deepEqual(note.hashtags, [tag]);
      assert.equal(note.facets.length, 2, 'the unknown handle stays plain text');
      assert.equal(note.facets[0]!.type, 'mention');
      assert.equal(facetText(note, 0), `@${friend.handle}`);
      assert.equal(note.facets[0]!.type === 'mention' && note.facets[0]!.userId, friend.userId);
      assert.equal(note.facets[1]!.type, 'hashtag');
      assert.equal(facetText(note, 1), `#${tag}`);
      assert.deepEqual(note.viewer, { liked: false, collected: false, boardId: null, isAuthor: true });

      const read = await friend.get<Note>(`/api/notes/${note.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.body, body);
      assert.deepEqual(read.body.facets, note.facets);
      assert.equal(read.body.viewer.isAuthor, false);

      const mentions = await t.ctx.database.db.selectFrom('note_mentions').selectAll().where('note_id', '=', note.id).execute();
      assert.deepEqual(mentions.map((m) => m.user_id), [friend.userId]);
      assert.equal((await tagRow(tag))?.note_count, 1);
      assert.equal((await userRow(author.userId)).note_count, 1);
    });

    test('note.created fires after commit with the mentioned people', async () => {
      const author = await signUpUser(t);
      const friend = await signUpUser(t);
      const seen: Array<{ noteId: string; mentionedUserIds: string[] }> = [];
      t.ctx.events.on('note.created', (e) => {
        if (e.authorId === author.userId) seen.push(e);
      });
      const note = await createTextNote(author, { body: `hi @${friend.handle} and @${author.handle}` });
      assert.deepEqual(seen, [{ noteId: note.id, authorId: author.userId, mentionedUserIds: [friend.userId] }]);
    });

    test('a script tag in the body is stored and returned as plain text', async () => {
      const author = await signUpUser(t);
      const body = `<script>alert("x")</script> '; DROP TABLE notes; --`;
      const note = await createTextNote(author, { title: '<b>bold</b>', body });
      const read = await author.get<Note>(`/api/notes/${note.id}`);
      assert.equal(read.body.body, body);
      assert.equal(read.body.title, '<b>bold</b>');
      assert.match(String(read.headers['content-type']), /application\/json/);
    });

    test('titles are measured in RedNote units', async () => {
      const author = await signUpUser(t);
      await createTextNote(author, { title: '一二三四五六七八九十一二三四五六七八九十' });
      await createTextNote(author, { title: 'a'.repeat(40) });
      await createTextNote(author, { title: '🏔️'.repeat(20) });
      const tooLong = await author.post('/api/notes', { type: 'text', title: 'a'.repeat(41), body: 'x' });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.code, 'title_too_long');
      assert.equal(tooLong.body.field, 'title');
      assert.match(tooLong.body.detail, /20\.5/);
      assert.match(tooLong.body.detail, /20/);
      const cjk = await author.post('/api/notes', { type: 'text', title: '一'.repeat(21), body: 'x' }, { headers: { 'x-kuaan-locale': 'zh-Hans' } });
      assert.equal(cjk.body.code, 'title_too_long');
      assert.match(cjk.body.detail, /标题长度为 21/);
      const emoji = await author.post('/api/notes', { type: 'text', title: `${'😀'.repeat(20)}a`, body: 'x' });
      assert.equal(emoji.body.code, 'title_too_long');
    });

    test('the author edits title, body, images (reorder, swap, alt), visibility and location', async () => {
      const author = await signUpUser(t);
      const friend = await signUpUser(t);
      const later = await signUpUser(t);
      const note = await createPhotoNote(author, 3, { body: `#OldTag${Date.now()} with @${friend.handle}` });
      const [a, b, c] = note.images.map((i) => i.id);
      const fresh = await uploadImage(author);
      const oldTag = note.hashtags[0]!;
      const newTag = `NewTag${Date.now()}`;
      const updated: Array<{ newlyMentionedUserIds: string[] }> = [];
      t.ctx.events.on('note.updated', (e) => {
        if (e.noteId === note.id) updated.push(e);
      });
      const dropped = await t.ctx.database.db.selectFrom('media').select('variants').where('id', '=', b!).executeTakeFirstOrThrow();

      const res = await author.patch<Note>(`/api/notes/${note.id}`, {
        title: '新标题',
        body: `#${newTag} @${friend.handle} @${later.handle}`,
        images: [{ mediaId: c! }, { mediaId: fresh.id, alt: '新图' }, { mediaId: a!, alt: 'first, now last' }],
        visibility: 'mutuals',
        locationLabel: null,
      });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.title, '新标题');
      assert.deepEqual(res.body.images.map((i) => [i.id, i.alt]), [[c, ''], [fresh.id, '新图'], [a, 'first, now last']]);
      assert.equal(res.body.visibility, 'mutuals');
      assert.equal(res.body.locationLabel, null);
      assert.deepEqual(res.body.hashtags, [newTag]);
      assert.deepEqual(updated, [{ noteId: note.id, authorId: author.userId, newlyMentionedUserIds: [later.userId] }]);
      assert.equal((await tagRow(oldTag))?.note_count, 0);
      assert.equal((await tagRow(newTag))?.note_count, 1);
      // The image taken out of the note is gone with its files.
      assert.equal(await t.ctx.database.db.selectFrom('media').select('id').where('id', '=', b!).executeTakeFirst(), undefined);
      for (const v of JSON.parse(dropped.variants) as MediaVariant[]) assert.equal(await t.ctx.blobs.head(v.key), null);

      const cover = (await author.get(`/api/users/${author.handle}/notes`)).body.items[0];
      assert.equal(cover.cover.id, c);
    });

    test('a note never changes type', async () => {
      const author = await signUpUser(t);
      const text = await createTextNote(author);
      const img = await uploadImage(author);
      const toPhoto = await author.patch(`/api/notes/${text.id}`, { type: 'photo' });
      assert.equal(toPhoto.status, 400);
      assert.equal(toPhoto.body.code, 'note_type_unchangeable');
      const withImages = await author.patch(`/api/notes/${text.id}`, { images: [{ mediaId: img.id }] });
      assert.equal(withImages.body.code, 'note_type_unchangeable');
      const photo = await createPhotoNote(author, 1);
      const noImages = await author.patch(`/api/notes/${photo.id}`, { images: [] });
      assert.equal(noImages.body.code, 'photo_note_needs_images');
      assert.equal((await author.get<Note>(`/api/notes/${photo.id}`)).body.images.length, 1);
    });

    test('delete removes the note, its media rows and files, and fixes every counter', async () => {
      const author = await signUpUser(t);
      const fans = [await signUpUser(t), await signUpUser(t)];
      const tag = `Gone${Date.now()}`;
      const keep = await createTextNote(author, { body: `#${tag} stays` });
      const note = await createPhotoNote(author, 2, { body: `#${tag} goes` });
      await like(t, note.id, fans);
      await like(t, keep.id, [fans[0]!]);
      const db = t.ctx.database.db;
      const media = await db.selectFrom('media').select(['id', 'variants']).where('id', 'in', note.images.map((i) => i.id)).execute();
      const keys = media.flatMap((m) => (JSON.parse(m.variants) as MediaVariant[]).map((v) => v.key));
      assert.ok(keys.length >= 2);
      for (const key of keys) assert.notEqual(await t.ctx.blobs.head(key), null);
      assert.equal((await userRow(author.userId)).note_count, 2);
      assert.equal(Number((await userRow(author.userId)).likes_received_count), 3);
      assert.equal((await tagRow(tag))?.note_count, 2);

      const deleted: string[] = [];
      t.ctx.events.on('note.deleted', (e) => void deleted.push(e.noteId));
      const res = await author.delete(`/api/notes/${note.id}`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(deleted, [note.id]);
      assert.equal((await author.get(`/api/notes/${note.id}`)).status, 404);
      assert.equal(await db.selectFrom('notes').select('id').where('id', '=', note.id).executeTakeFirst(), undefined);
      assert.deepEqual(await db.selectFrom('note_likes').select('user_id').where('note_id', '=', note.id).execute(), []);
      assert.deepEqual(await db.selectFrom('media').select('id').where('id', 'in', media.map((m) => m.id)).execute(), []);
      for (const key of keys) assert.equal(await t.ctx.blobs.head(key), null, `blob ${key} should be gone`);
      const user = await userRow(author.userId);
      assert.equal(user.note_count, 1);
      assert.equal(Number(user.likes_received_count), 1);
      assert.equal((await tagRow(tag))?.note_count, 1);

      assert.equal((await author.delete(`/api/notes/${note.id}`)).status, 404);
    });

    test('repeated concurrent deletes count the note once', async () => {
      const author = await signUpUser(t);
      await createTextNote(author);
      const note = await createTextNote(author, { body: '#Twice twice' });
      const results = await Promise.all([author.delete(`/api/notes/${note.id}`), author.delete(`/api/notes/${note.id}`)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 404]);
      assert.equal((await userRow(author.userId)).note_count, 1);
    });
  });
}
