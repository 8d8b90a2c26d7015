import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jpeg } from '../../../e2e/fixtures.js';
import { makeJpeg } from '../../test/media-factory.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';
import { outcomeOf } from './checks.jobs.js';
import { ImageCheck } from './checks/image.js';
import { commentFingerprint, hamming, noteFingerprint, simhash } from './checks/simhash.js';
import { EnglishTextCheck } from './checks/text-en.js';
import { ChineseTextCheck } from './checks/text-zh.js';

async function settle(t: TestApp) {
  await t.ctx.events.settle();
  await t.ctx.queue.drain();
  await t.ctx.events.settle();
}

describe('automated checks, unit', () => {
  it('SimHash: a repost with a word changed is near; different posts are far', () => {
    const a = simhash('Selling cheap designer bags, message me on WhatsApp for the best price today!');
    const b = simhash('Selling cheap designer bags, message me on WhatsApp for the best prices today!!');
    const c = simhash('今天在菜市场买了新鲜的饺子，回家煮了一大锅，全家人都说好吃。');
    assert.equal(hamming(a, a), 0);
    assert.ok(hamming(a, b) <= 6, `near: ${hamming(a, b)}`);
    assert.ok(hamming(a, c) > 10, `far: ${hamming(a, c)}`);
  });

  it('SimHash: a text of one 3-gram or less is its FNV-1a 64 hash (the published test vectors)', () => {
    assert.equal(simhash(''), 'cbf29ce484222325');
    assert.equal(simhash('a'), 'af63dc4c8601ec8c');
    assert.equal(simhash('A!'), 'af63dc4c8601ec8c', 'normalised first');
    assert.equal(hamming('ffffffffffffffff', '0000000000000000'), 64);
    assert.equal(hamming('8000000000000001', '0000000000000000'), 2);
    assert.equal(hamming('af63dc4c8601ec8c', 'af63dc4c8601ec8d'), 1);
  });

  it('obscenity finds English profanity with UTF-16 offsets, and slurs under the hate rule', () => {
    const [f] = new EnglishTextCheck().run({ comment: '好 what a fucking mess' });
    assert.equal(f!.ruleId, 'harassment');
    const e = f!.evidence[0]!;
    assert.ok(e.type === 'text');
    assert.deepEqual([e.start, e.end, e.match], [9, 13, 'fuck']);
    assert.deepEqual(new EnglishTextCheck().run({ body: 'Knife skills: dice an onion, then the carrots.' }), []);
  });

  it('mint-filter with the shipped list finds Chinese insults in both scripts, every occurrence', () => {
    const zh = new ChineseTextCheck('/nonexistent');
    const [f] = zh.run({ comment: '你这个傻逼，真是腦殘，傻逼' });
    assert.equal(f!.ruleId, 'harassment');
    assert.deepEqual(
      f!.evidence.map((e) => (e.type === 'text' ? [e.match, e.start] : [])),
      [['傻逼', 3], ['腦殘', 8], ['傻逼', 11]],
    );
    assert.deepEqual(zh.run({ body: '刀工练习：把胡萝卜切成细丝。' }), []);
  });

  it('thresholds map confidence to allow, label, hold and reject', () => {
    const t = { label: 50, hold: 80, reject: 95 };
    assert.deepEqual([0.2, 0.6, 0.85, 0.99].map((c) => outcomeOf(c, t)), ['allow', 'label', 'hold', 'remove']);
  });

  it('nsfwjs loads from the package files and scores plain photos and warm gradients as harmless', async () => {
    const check = new ImageCheck();
    assert.deepEqual(await check.run('m1', await makeJpeg({ color: '#8a6d3b' })), []);
    assert.deepEqual(await check.run('m2', await makeJpeg({ color: '#e0ac69' })), []);
    // The e2e fixtures' skin-toned gradient, which the small MobileNetV2 calls "Porn" at 0.73.
    assert.deepEqual(await check.run('m3', await jpeg(600, 750, 3)), []);
  });
});

for (const kind of testDatabases()) {
  describe(`automated checks with hold thresholds [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { MODERATION_AUTOMATED: 'on', MODERATION_LABEL_AT: '50', MODERATION_HOLD_AT: '55' });
    });
    after(() => t.close());

    it('insults are held: hidden from others, the author sees them with a notice and the offsets', async () => {
      const author = await signUpUser(t);
      const rude = await signUpUser(t);
      const note = await createTextNote(author);
      const c = (await rude.post(`/api/notes/${note.id}/comments`, { body: '傻逼 and a shithead' })).body;
      await settle(t);
      const [notice] = (await rude.get('/api/moderation/notices')).body.items;
      assert.equal(notice.subjectId, c.id);
      assert.equal(notice.action, 'hold');
      assert.equal(notice.evidence[0].start, 0);
      assert.equal((await author.get(`/api/notes/${note.id}/comments`)).body.items.length, 0);
      assert.equal((await rude.get(`/api/notes/${note.id}/comments`)).body.items.length, 1);
      assert.equal((await author.get(`/api/notes/${note.id}`)).body.counts.comments, 0, 'a held comment leaves the count');
    });

    it('the third near-identical post within a day is held as spam, with the signal as evidence', async () => {
      const spammer = await signUpUser(t);
      const text = 'Cheap designer bags!! Message me for the best price, limited stock, order today';
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await createTextNote(spammer, { title: `bags ${i}`, body: `${text}${'!'.repeat(i)}` })).id);
      await settle(t);
      const notices = (await spammer.get('/api/moderation/notices')).body.items;
      assert.equal(notices.length, 1);
      assert.equal(notices[0].subjectId, ids[2]);
      assert.equal(notices[0].rule.id, 'spam');
      assert.equal(notices[0].evidence[0].name, 'duplicates');
    });

    it('stores the fingerprint of each note and comment with its text, and a new one after an edit', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author, { title: 'Hot pot', body: 'Spicy broth with friends tonight' });
      const stored = (table: 'notes' | 'comments', id: string) =>
        t.ctx.database.db.selectFrom(table).select('text_fingerprint').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal((await stored('notes', note.id)).text_fingerprint, noteFingerprint('Hot pot', 'Spicy broth with friends tonight'));
      assert.equal((await author.patch(`/api/notes/${note.id}`, { body: 'Mild broth, and dumplings after' })).status, 200);
      assert.equal((await stored('notes', note.id)).text_fingerprint, noteFingerprint('Hot pot', 'Mild broth, and dumplings after'));
      const comment = (await author.post(`/api/notes/${note.id}/comments`, { body: 'Next time with more chili' })).body;
      assert.equal((await stored('comments', comment.id)).text_fingerprint, commentFingerprint('Next time with more chili'));
    });

    it('compares a new post with the stored fingerprints, and fingerprints older rows that have none', async () => {
      const text = 'Follow my page for free followers and likes, click the link in my profile now';
      const db = t.ctx.database.db;
      // Two earlier notes whose stored fingerprints say "the same text" though their text is not:
      // only a check that reads the stored values counts them as copies.
      const tampered = await signUpUser(t);
      const unrelated = [await createTextNote(tampered, { title: 'Dumplings' }), await createTextNote(tampered, { title: 'Noodles' })];
      await db.updateTable('notes').set({ text_fingerprint: noteFingerprint('copy', text) }).where('id', 'in', unrelated.map((n) => n.id)).execute();
      const third = await createTextNote(tampered, { title: 'copy', body: text });
      // Two earlier near-copies with no stored fingerprint, as rows written before migration 0027.
      const older = await signUpUser(t);
      const copies = [await createTextNote(older, { title: 'copy', body: text }), await createTextNote(older, { title: 'copy', body: `${text}!` })];
      await db.updateTable('notes').set({ text_fingerprint: null }).where('id', 'in', copies.map((n) => n.id)).execute();
      const fourth = await createTextNote(older, { title: 'copy', body: `${text}!!` });
      await settle(t);
      for (const [who, id] of [
        [tampered, third.id],
        [older, fourth.id],
      ] as const) {
        const notices = (await who.get('/api/moderation/notices')).body.items;
        assert.deepEqual(
          notices.map((n: { subjectId: string; rule: { id: string } }) => [n.subjectId, n.rule.id]),
          [[id, 'spam']],
        );
      }
    });
  });
}
