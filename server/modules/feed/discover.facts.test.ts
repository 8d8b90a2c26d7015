import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { NOTE_FACTS_CHANNEL, NoteFacts } from './discover.facts.js';

/** Lets the bus deliver (the in-process bus hands messages over on a microtask, Redis over the network). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

const tagsOf = (facts: Map<string, { tags: Array<[string, string]> }>, id: string) => facts.get(id)?.tags.map(([, name]) => name) ?? [];

for (const kind of testDatabases()) {
  describe(`discover note facts (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test('reads the author and topics of notes, keeps them, and reads again once told to forget', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author, { body: 'Dumplings tonight #dumplings' });
      const facts = new NoteFacts(t.ctx.database.db, Date.now);
      const first = await facts.get([note.id, 'no-such-note']);
      assert.equal(first.get(note.id)?.authorId, author.userId);
      assert.deepEqual(tagsOf(first, note.id), ['dumplings']);
      assert.equal(first.has('no-such-note'), false);

      // An edit that changes the topics, made behind this cache's back: it still answers from memory…
      const res = await author.patch(`/api/notes/${note.id}`, { body: 'Noodles instead #noodles' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(tagsOf(await facts.get([note.id]), note.id), ['dumplings']);
      // …until it is told, as the routes tell it on note.updated and on the bus.
      facts.forget(note.id);
      assert.deepEqual(tagsOf(await facts.get([note.id]), note.id), ['noodles']);
    });

    test('an edit is announced on the bus, so every node forgets the note', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author, { body: 'Morning run #running' });
      // Another node's cache, listening on the bus the way discoverRoutes does.
      const otherNode = new NoteFacts(t.ctx.database.db, Date.now);
      const heard: string[] = [];
      const stop = t.ctx.bus.subscribe(NOTE_FACTS_CHANNEL, (m) => {
        const { noteId } = m as { noteId: string };
        heard.push(noteId);
        otherNode.forget(noteId);
      });
      try {
        assert.deepEqual(tagsOf(await otherNode.get([note.id]), note.id), ['running']);
        const res = await author.patch(`/api/notes/${note.id}`, { body: 'Evening swim #swimming' });
        assert.equal(res.status, 200, res.text);
        await t.ctx.events.settle();
        await until(() => heard.includes(note.id));
        assert.ok(heard.includes(note.id), 'the edit was announced on the bus');
        assert.deepEqual(tagsOf(await otherNode.get([note.id]), note.id), ['swimming']);
      } finally {
        stop();
      }
    });

    test('a read that began before a forget does not install what it read', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author, { body: 'Tea time #tea' });
      const facts = new NoteFacts(t.ctx.database.db, Date.now);
      const reading = facts.get([note.id]);
      facts.forget(note.id);
      assert.deepEqual(tagsOf(await reading, note.id), ['tea']);
      assert.equal(facts.size, 0);
    });

    test('a note read again stays; the least recently used makes way', async () => {
      const author = await signUpUser(t);
      const [a, b, c] = [
        await createTextNote(author, { body: 'a #gamma' }),
        await createTextNote(author, { body: 'b #delta' }),
        await createTextNote(author, { body: 'c #epsilon' }),
      ];
      const facts = new NoteFacts(t.ctx.database.db, Date.now, { max: 2 });
      await facts.get([a.id]);
      await facts.get([b.id]);
      await facts.get([a.id]); // a is used again: b is now the least recently used
      await facts.get([c.id]);
      await t.ctx.database.db.deleteFrom('note_hashtags').where('note_id', 'in', [a.id, b.id]).execute();
      assert.deepEqual(tagsOf(await facts.get([a.id]), a.id), ['gamma'], 'kept');
      assert.deepEqual(tagsOf(await facts.get([b.id]), b.id), [], 'read again');
    });

    test('entries expire after the TTL and the oldest make way at the bound', async () => {
      const author = await signUpUser(t);
      const a = await createTextNote(author, { body: 'one #alpha' });
      const b = await createTextNote(author, { body: 'two #beta' });
      let now = 1_000;
      const facts = new NoteFacts(t.ctx.database.db, () => now, { max: 1, ttlMs: 100 });
      await facts.get([a.id]);
      await facts.get([b.id]);
      assert.equal(facts.size, 1);
      await t.ctx.database.db.deleteFrom('note_hashtags').where('note_id', '=', b.id).execute();
      assert.deepEqual(tagsOf(await facts.get([b.id]), b.id), ['beta']);
      now += 101;
      assert.deepEqual(tagsOf(await facts.get([b.id]), b.id), []);
    });
  });
}
