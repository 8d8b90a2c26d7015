import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createPhotoNote, createTextNote } from '../../test/note-factory.js';
import { LOCAL_LAW } from './moderation.fixtures.js';
import { grantRole } from './roles.js';

/** Lets after-commit handlers and the jobs they enqueued (checks, notices) finish. */
async function settle(t: TestApp) {
  await t.ctx.events.settle();
  await t.ctx.queue.drain();
  await t.ctx.events.settle();
}

async function moderator(t: TestApp, role: 'moderator' | 'admin' = 'moderator'): Promise<Client> {
  const c = await signUpUser(t);
  assert.equal(await grantRole(t.ctx.database.db, c.handle, role), true);
  return c;
}

const WEAPONS = {
  changelog: { en: 'Added a rule on weapons.', 'zh-Hans': '新增武器规则。', 'zh-Hant': '新增武器規則。' },
  rules: [
    {
      id: 'weapons',
      severity: 3,
      title: { en: 'Weapons', 'zh-Hans': '武器', 'zh-Hant': '武器' },
      body: { en: 'No showing blades as weapons.', 'zh-Hans': '不得展示作为武器的刀具。', 'zh-Hant': '不得展示作為武器的刀具。' },
    },
    LOCAL_LAW,
  ],
};

for (const kind of testDatabases()) {
  describe(`moderation [${kind}]`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-rules-'));
      await fs.writeFile(path.join(dir, 'rules.json'), JSON.stringify(WEAPONS));
      t = await startTestApp(kind, {
        MODERATION_AUTOMATED: 'on',
        MODERATION_RULES_FILE: path.join(dir, 'rules.json'),
        MODERATION_REGION_HEADER: 'x-region',
      });
    });
    after(async () => {
      await t.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('publishes the default rules plus the operator file, in three languages, with a changelog', async () => {
      const anon = new (await import('../../test/client.js')).Client(t);
      const rules = (await anon.get('/api/rules')).body;
      assert.equal(rules.version, 1);
      const ids = rules.rules.map((r: { id: string }) => r.id);
      for (const id of ['harassment', 'hate', 'spam', 'sexual', 'weapons', 'local-law']) assert.ok(ids.includes(id), id);
      const weapons = rules.rules.find((r: { id: string }) => r.id === 'weapons');
      assert.equal(weapons.title['zh-Hans'], '武器');
      assert.deepEqual(rules.rules.find((r: { id: string }) => r.id === 'local-law').regions, ['DE']);
      const log = (await anon.get('/api/rules/changelog')).body.items;
      assert.equal(log.length, 1);
      assert.ok(log[0].added.includes('weapons'));
      assert.equal(log[0].note.en, 'Added a rule on weapons.');
    });

    it('a cooking note about knife skills is not actioned by the checks; a moderator action under the weapons rule gives a notice naming it with the evidence', async () => {
      const cook = await signUpUser(t, { uiLocale: 'zh-Hans' });
      const mod = await moderator(t);
      const note = await createPhotoNote(cook, 1, { title: 'Knife skills 101', body: 'Basic knife skills: how to dice an onion safely.' });
      await settle(t);
      const own = (await cook.get(`/api/moderation/notes/${note.id}/distribution`)).body;
      assert.equal(own.state, 'normal');
      assert.deepEqual((await cook.get('/api/moderation/notices')).body.items, []);

      const body = 'Basic knife skills: how to dice an onion safely.';
      const start = body.indexOf('knife');
      const res = await mod.post('/api/moderation/actions', {
        subjectKind: 'note',
        subjectId: note.id,
        action: 'label',
        ruleId: 'weapons',
        note: 'blade shown',
        evidence: [{ field: 'body', start, end: start + 5 }],
      });
      assert.equal(res.status, 201, res.text);
      await settle(t);
      const notices = (await cook.get('/api/moderation/notices', { locale: 'zh-Hans' })).body.items;
      assert.equal(notices.length, 1);
      assert.equal(notices[0].rule.id, 'weapons');
      assert.equal(notices[0].rule.title, '武器');
      assert.match(notices[0].effect, /敏感/);
      assert.deepEqual(
        notices[0].evidence.map((e: { match: string; start: number; end: number }) => [e.match, e.start, e.end]),
        [['knife', start, start + 5]],
      );
      assert.equal(notices[0].canAppeal, true);
      const notifications = (await cook.get('/api/notifications')).body.items;
      assert.ok(notifications.some((n: { kind: string }) => n.kind === 'moderation'));
      // Labelled: still visible to others, marked sensitive so clients blur it.
      const other = await signUpUser(t);
      const seen = await other.get(`/api/notes/${note.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.sensitive, true);
    });

    it('refuses a decision without a rule id, with an unknown rule, or without a note; members may not decide', async () => {
      const author = await signUpUser(t);
      const mod = await moderator(t);
      const note = await createTextNote(author);
      const base = { subjectKind: 'note', subjectId: note.id, action: 'remove', note: 'x' };
      const none = await mod.post('/api/moderation/actions', base);
      assert.equal(none.status, 400);
      assert.equal(none.body.code, 'moderation_rule_required');
      assert.equal((await mod.post('/api/moderation/actions', { ...base, ruleId: 'nope' })).body.code, 'moderation_rule_unknown');
      assert.equal((await mod.post('/api/moderation/actions', { ...base, ruleId: 'spam', note: ' ' })).body.code, 'moderation_note_required');
      const member = await author.post('/api/moderation/actions', { ...base, ruleId: 'spam' });
      assert.equal(member.status, 403);
      assert.equal(member.body.code, 'moderator_only');
      assert.equal((await author.get('/api/moderation/queue')).status, 403);
      assert.equal((await author.get(`/api/notes/${note.id}`)).status, 200);
    });

    it('report → removal → notice → appeal → reversal by a second moderator → restored, counted, notified', async () => {
      const author = await signUpUser(t);
      const reporter = await signUpUser(t);
      const [modA, modB] = [await moderator(t), await moderator(t, 'admin')];
      const note = await createTextNote(author, { title: 'Market day', body: 'Fresh dumplings at the market today' });
      const comment = (await reporter.post(`/api/notes/${note.id}/comments`, { body: 'looks great' })).body;
      await settle(t);
      const report = await reporter.post('/api/moderation/reports', { subjectKind: 'note', subjectId: note.id, ruleId: 'spam', comment: 'ad' });
      assert.equal(report.status, 201, report.text);
      assert.equal((await reporter.get('/api/moderation/reports/mine')).body.items[0].outcome, 'open');

      const queue = (await modA.get('/api/moderation/queue')).body.items;
      const item = queue.find((q: { subjectId: string }) => q.subjectId === note.id);
      assert.ok(item, 'the reported note is in the queue');
      assert.deepEqual(item.ruleIds, ['spam']);
      assert.equal(item.lang, 'en');
      assert.ok(!(await modA.get('/api/moderation/queue?lang=zh')).body.items.some((q: { subjectId: string }) => q.subjectId === note.id));
      const zhNote = await createTextNote(await signUpUser(t), { title: '市场', body: '今天市场里的饺子很新鲜，大家快来买' });
      await settle(t);
      await reporter.post('/api/moderation/reports', { subjectKind: 'note', subjectId: zhNote.id, ruleId: 'spam' });
      const zhQueue = (await modA.get('/api/moderation/queue?lang=zh')).body.items;
      assert.ok(zhQueue.some((q: { subjectId: string }) => q.subjectId === zhNote.id));
      assert.ok(zhQueue.every((q: { lang: string }) => q.lang.startsWith('zh')));

      const notesBefore = (await reporter.get(`/api/users/${author.handle}`)).body.counts.notes;
      assert.equal(notesBefore, 1);
      const removed = await modA.post('/api/moderation/actions', {
        subjectKind: 'note',
        subjectId: note.id,
        action: 'remove',
        ruleId: 'spam',
        note: 'advertising',
      });
      assert.equal(removed.status, 201);
      await settle(t);
      assert.equal((await reporter.get(`/api/notes/${note.id}`)).status, 404);
      assert.equal((await author.get(`/api/notes/${note.id}`)).status, 200, 'the author still sees it');
      assert.equal((await author.get(`/api/moderation/notes/${note.id}/distribution`)).body.state, 'removed');
      const mine = (await reporter.get('/api/moderation/reports/mine')).body.items.find((x: { subjectId: string }) => x.subjectId === note.id);
      assert.deepEqual([mine.outcome, mine.action], ['actioned', 'remove']);
      assert.equal((await reporter.get(`/api/users/${author.handle}`)).body.counts.notes, 0, 'a removed note leaves the count');

      const notice = (await author.get('/api/moderation/notices')).body.items[0];
      assert.equal(notice.rule.id, 'spam');
      assert.equal(notice.action, 'remove');
      const appeal = await author.post(`/api/moderation/notices/${notice.id}/appeal`, { statement: 'It is my own stall, not an ad.' });
      assert.equal(appeal.status, 201, appeal.text);
      const again = await author.post(`/api/moderation/notices/${notice.id}/appeal`, { statement: 'again' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'appeal_closed');
      assert.equal((await reporter.post(`/api/moderation/notices/${notice.id}/appeal`, { statement: 'me too' })).status, 404);

      const open = (await modB.get('/api/moderation/appeals')).body.items.find((a: { id: string }) => a.id === appeal.body.id);
      assert.equal(open.decision.ruleId, 'spam');
      const self = await modA.post(`/api/moderation/appeals/${appeal.body.id}/decide`, { decision: 'reverse', note: 'ok' });
      assert.equal(self.status, 403);
      assert.equal(self.body.code, 'appeal_same_moderator');
      const reversed = await modB.post(`/api/moderation/appeals/${appeal.body.id}/decide`, { decision: 'reverse', note: 'a real stall' });
      assert.equal(reversed.status, 200, reversed.text);
      await settle(t);

      const back = await reporter.get(`/api/notes/${note.id}`);
      assert.equal(back.status, 200, 'restored for everyone');
      assert.equal(back.body.counts.comments, 1);
      assert.equal((await author.get(`/api/moderation/notes/${note.id}/distribution`)).body.state, 'normal');
      assert.equal((await reporter.get(`/api/users/${author.handle}`)).body.counts.notes, 1, 'and comes back with it');
      const notices = (await author.get('/api/moderation/notices')).body.items;
      assert.equal(notices[0].action, 'reverse');
      assert.equal(notices[1].appeal.state, 'reversed');
      assert.equal(notices[1].canAppeal, false);
      assert.equal((await modB.post(`/api/moderation/appeals/${appeal.body.id}/decide`, { decision: 'uphold' })).status, 409);
      assert.ok(comment.id);

      const detail = (await modA.get(`/api/moderation/subjects/note/${note.id}`)).body;
      assert.deepEqual(detail.history.map((e: { action: string }) => e.action), ['reverse', 'remove']);
      assert.equal(detail.reports.length, 1);

      const figures = (await reporter.get('/api/transparency')).body.months[0];
      assert.ok(figures.human >= 2);
      assert.ok(figures.appeals >= 1 && figures.reversed >= 1);
      assert.ok(figures.actions.some((a: { ruleId: string; action: string }) => a.ruleId === 'spam' && a.action === 'remove'));
    });

    it('a limited note shows its status and reason to its author; nobody else can tell', async () => {
      const author = await signUpUser(t);
      const mod = await moderator(t);
      const other = await signUpUser(t);
      const note = await createTextNote(author, { title: 'Street snacks', body: 'Try the #煎饼 at the corner' });
      await settle(t);
      const beforeView = (await other.get(`/api/notes/${note.id}`)).body;
      assert.equal((await mod.post('/api/moderation/actions', { subjectKind: 'note', subjectId: note.id, action: 'limit', ruleId: 'spam', note: 'repetitive' })).status, 201);
      await settle(t);
      const status = (await author.get(`/api/moderation/notes/${note.id}/distribution`, { headers: { 'x-kuaan-locale': 'zh-Hant' } })).body;
      assert.equal(status.state, 'limited');
      assert.equal(status.ruleId, 'spam');
      assert.equal(status.ruleTitle, '垃圾訊息與操縱');
      // Others: the same note by link, on the profile; no field differs; no status for them.
      const afterView = (await other.get(`/api/notes/${note.id}`)).body;
      const strip = (n: Record<string, unknown>) => ({ ...n, counts: null, updatedAt: null });
      assert.deepEqual(strip(afterView), strip(beforeView));
      assert.equal((await other.get(`/api/moderation/notes/${note.id}/distribution`)).status, 404);
      const profile = (await other.get(`/api/users/${author.handle}/notes`)).body.items;
      const card = profile.find((c: { id: string }) => c.id === note.id);
      assert.ok(card, 'still on the profile');
      assert.equal(card.distribution, undefined, 'others are not told');
      const own = (await author.get(`/api/users/${author.handle}/notes`)).body.items.find((c: { id: string }) => c.id === note.id);
      assert.equal(own.distribution, 'limited', 'the author sees it on their own card');
      const topic = (await other.get(`/api/topics/${encodeURIComponent('煎饼')}/notes`)).body.items.map((c: { id: string }) => c.id);
      assert.ok(!topic.includes(note.id), 'not recommended in the topic');
    });

    it('English and Chinese insults in comments are labelled with the offsets of the matched words', async () => {
      const author = await signUpUser(t);
      const rude = await signUpUser(t);
      const note = await createTextNote(author);
      const en = (await rude.post(`/api/notes/${note.id}/comments`, { body: 'what a fucking mess' })).body;
      const zh = (await rude.post(`/api/notes/${note.id}/comments`, { body: '你这个傻逼，懂什么' })).body;
      await settle(t);
      const notices = (await rude.get('/api/moderation/notices')).body.items;
      const forEn = notices.find((n: { subjectId: string }) => n.subjectId === en.id);
      const forZh = notices.find((n: { subjectId: string }) => n.subjectId === zh.id);
      assert.equal(forEn.action, 'label');
      assert.equal(forEn.automated, true);
      assert.equal(forEn.rule.id, 'harassment');
      assert.deepEqual([forEn.evidence[0].start, forEn.evidence[0].end], [7, 11]);
      assert.equal(forZh.action, 'label');
      assert.deepEqual([forZh.evidence[0].match, forZh.evidence[0].start, forZh.evidence[0].end], ['傻逼', 3, 5]);
      // Labelled comments stay visible.
      const threads = (await author.get(`/api/notes/${note.id}/comments`)).body.items;
      assert.equal(threads.length, 2);
    });

    it('a regional rule restricts a note only in its regions, saying which rule', async () => {
      const author = await signUpUser(t);
      const mod = await moderator(t);
      const reader = await signUpUser(t);
      const note = await createTextNote(author);
      await mod.post('/api/moderation/actions', { subjectKind: 'note', subjectId: note.id, action: 'remove', ruleId: 'local-law', note: 'court order' });
      await settle(t);
      const de = await reader.get(`/api/notes/${note.id}`, { headers: { 'x-region': 'DE' } });
      assert.equal(de.status, 451);
      assert.equal(de.body.code, 'unavailable_in_region');
      assert.match(de.body.detail, /local-law/);
      assert.equal((await reader.get(`/api/notes/${note.id}`, { headers: { 'x-region': 'US' } })).status, 200);
      const status = (await author.get(`/api/moderation/notes/${note.id}/distribution`)).body;
      assert.deepEqual(status.restrictedRegions, ['DE']);
    });

    it('suspended and banned accounts cannot post; safety tools hide and close', async () => {
      const author = await signUpUser(t);
      const mod = await moderator(t);
      const note = await createTextNote(author);
      assert.equal((await mod.post('/api/moderation/actions', { subjectKind: 'note', subjectId: note.id, action: 'suspend', ruleId: 'spam', note: 'flood', days: 3 })).status, 201);
      const refused = await author.post('/api/notes', { type: 'text', title: 'again', body: 'again' });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'account_suspended');

      const me = await signUpUser(t);
      const loud = await signUpUser(t);
      const mine = await createTextNote(me);
      assert.equal((await me.patch('/api/me/safety', { commentPolicy: 'nobody', keywords: ['Spoiler'] })).body.commentPolicy, 'nobody');
      const closed = await loud.post(`/api/notes/${mine.id}/comments`, { body: 'hi' });
      assert.equal(closed.status, 403);
      assert.equal(closed.body.code, 'comments_closed');
      assert.equal((await me.put(`/api/users/${loud.userId}/mute`)).status, 200);
      assert.deepEqual((await me.get('/api/me/safety')).body.keywords, ['spoiler']);
    });
  });
}

describe('moderation under the default rules, with the image check [sqlite]', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('sqlite', { MODERATION_AUTOMATED: 'on', MODERATION_IMAGE_CHECK: 'nsfwjs' });
  });
  after(() => t.close());

  it('a cooking photo note about knife skills is allowed', async () => {
    const cook = await signUpUser(t);
    const note = await createPhotoNote(cook, 1, { title: 'Knife skills', body: 'Chef knife skills for julienne carrots.' });
    await settle(t);
    assert.equal((await cook.get(`/api/moderation/notes/${note.id}/distribution`)).body.state, 'normal');
    assert.deepEqual((await cook.get('/api/moderation/notices')).body.items, []);
    const dead = await t.ctx.queue.deadJobs();
    assert.deepEqual(dead.filter((j) => j.type === 'moderation.check'), []);
    const rules = (await cook.get('/api/rules')).body.rules.map((r: { id: string }) => r.id);
    assert.ok(!rules.includes('weapons'));
  });
});
