import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RuleSet } from '../../../contract/moderation.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createContext } from '../../context.js';
import { migrateToLatest } from '../../db/migrations/index.js';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { LOCAL_LAW } from './moderation.fixtures.js';
import { grantRole } from './roles.js';
import { RULES_TTL_MS, RuleBook } from './rules.js';

const NOTE = { en: 'Local law for Germany.', 'zh-Hans': '新增德国当地法律规则。', 'zh-Hant': '新增德國當地法律規則。' };

async function withRole(t: TestApp, role: 'moderator' | 'admin'): Promise<Client> {
  const c = await signUpUser(t);
  assert.equal(await grantRole(t.ctx.database.db, c.handle, role), true);
  return c;
}

for (const kind of testDatabases()) {
  describe(`rules edited from the admin page [${kind}]`, () => {
    let t: TestApp;
    let admin: Client;
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-rules-admin-'));
      t = await startTestApp(kind);
      admin = await withRole(t, 'admin');
    });
    after(async () => {
      await t.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    const inForce = async () => (await new Client(t).get<RuleSet>('/api/rules')).body;

    it('an admin adds, amends and retires rules; the new version is in force and in the public changelog, with who published it kept', async () => {
      const before = await inForce();
      const rules = before.rules
        .filter((r) => r.id !== 'impersonation')
        .map((r) => (r.id === 'spam' ? { ...r, severity: 4, title: { ...r.title, en: 'Spam, scams and manipulation' } } : r));
      const res = await admin.post('/api/rules/versions', { basedOn: before.version, note: NOTE, rules: [...rules, LOCAL_LAW] });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.version, before.version + 1);

      const now = await inForce();
      assert.equal(now.version, before.version + 1);
      assert.equal(now.rules.find((r) => r.id === 'spam')!.title.en, 'Spam, scams and manipulation');
      assert.deepEqual(now.rules.find((r) => r.id === 'local-law')!.regions, ['DE']);
      assert.equal(now.rules.find((r) => r.id === 'impersonation'), undefined);

      const log = (await new Client(t).get('/api/rules/changelog')).body.items;
      assert.deepEqual(
        { version: log[0].version, added: log[0].added, changed: log[0].changed, retired: log[0].retired, note: log[0].note, source: log[0].source },
        { version: now.version, added: ['local-law'], changed: ['spam'], retired: ['impersonation'], note: NOTE, source: 'admin' },
      );
      assert.equal(log.at(-1).source, 'file');
      const row = await t.ctx.database.db.selectFrom('rule_versions').select('published_by').where('version', '=', now.version).executeTakeFirstOrThrow();
      assert.equal(row.published_by, admin.userId);

      // Decisions can name the new rule at once (same node: no waiting for the TTL).
      const author = await signUpUser(t);
      const mod = await withRole(t, 'moderator');
      const note = (await author.post('/api/notes', { type: 'text', title: 'Hello', body: 'Hello there' })).body;
      const decided = await mod.post('/api/moderation/actions', { subjectKind: 'note', subjectId: note.id, action: 'remove', ruleId: 'local-law', note: 'court order' });
      assert.equal(decided.status, 201, decided.text);
      const event = await t.ctx.database.db.selectFrom('moderation_events').select('rule_version').where('id', '=', decided.body.id).executeTakeFirstOrThrow();
      assert.equal(Number(event.rule_version), now.version);
    });

    it('only admins may publish: moderators and members get 403, anonymous callers 401', async () => {
      const set = await inForce();
      const body = { basedOn: set.version, note: NOTE, rules: set.rules.slice(1) };
      for (const who of [await withRole(t, 'moderator'), await signUpUser(t)]) {
        const res = await who.post('/api/rules/versions', body);
        assert.equal(res.status, 403);
        assert.equal(res.body.code, 'admin_only');
      }
      assert.equal((await new Client(t).post('/api/rules/versions', body)).status, 401);
      assert.equal((await inForce()).version, set.version);
    });

    it('two admins publishing from the same version: one wins, the other gets 409 and nothing is lost', async () => {
      const other = await withRole(t, 'admin');
      const set = await inForce();
      const was = set.rules.find((r) => r.id === 'hate')!.severity;
      const edit = (step: number) => ({
        basedOn: set.version,
        note: NOTE,
        rules: set.rules.map((r) => (r.id === 'hate' ? { ...r, severity: ((was + step - 1) % 5) + 1 } : r)),
      });
      const [a, b] = await Promise.all([admin.post('/api/rules/versions', edit(1)), other.post('/api/rules/versions', edit(2))]);
      assert.deepEqual([a.status, b.status].sort(), [201, 409]);
      const lost = a.status === 409 ? a : b;
      assert.equal(lost.body.code, 'rules_version_conflict');
      assert.equal((await inForce()).version, set.version + 1);
      // A stale base is refused the same way afterwards.
      const stale = await admin.post('/api/rules/versions', edit(3));
      assert.equal(stale.status, 409);
      assert.match(stale.body.detail, new RegExp(`${set.version + 1}`));
    });

    it('invalid input gets a 400 naming the field, in the caller’s language, and publishes nothing', async () => {
      const set = await inForce();
      const spam = set.rules.find((r) => r.id === 'spam')!;
      const post = (rules: unknown[], locale: 'en' | 'zh-Hans' | 'zh-Hant' = 'en', note: unknown = NOTE) =>
        admin.post('/api/rules/versions', { basedOn: set.version, note, rules }, { headers: { 'x-kuaan-locale': locale } });

      const blank = await post([...set.rules, { ...LOCAL_LAW, id: 'weapons', title: { ...LOCAL_LAW.title, 'zh-Hant': '  ' } }], 'zh-Hans');
      assert.equal(blank.status, 400);
      assert.equal(blank.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(blank.body.code, 'rules_text_required');
      assert.equal(blank.body.field, `rules.${set.rules.length}.title.zh-Hant`);
      assert.match(blank.body.detail, /规则“weapons”的标题和正文/);

      const region = await post([{ ...spam, regions: ['Germany'] }, ...set.rules.slice(1)], 'zh-Hant');
      assert.equal(region.body.code, 'rules_regions_invalid');
      assert.match(region.body.detail, /兩字母代碼/);

      const duplicate = await post([...set.rules, spam]);
      assert.equal(duplicate.body.code, 'rules_id_duplicate');
      assert.equal((await post([{ ...spam, id: 'Bad Id' }])).body.code, 'rules_id_invalid');
      assert.equal((await post([])).body.code, 'rules_empty');
      assert.equal((await post(set.rules, 'en', { ...NOTE, en: '' })).body.code, 'rules_note_required');
      assert.equal((await post(set.rules)).body.code, 'rules_unchanged');
      const severity = await post([{ ...spam, severity: 6 }], 'zh-Hans');
      assert.equal(severity.status, 400);
      assert.match(severity.body.field, /severity/);
      assert.equal((await inForce()).version, set.version);
    });

    it('another node sees a new version within its TTL; a restart applies the files only when they changed, over the admin edits', async () => {
      let clock = Date.now();
      const node2 = new RuleBook(t.ctx.database, null, { now: () => clock });
      const seen = (await node2.current()).version;
      const set = await inForce();
      assert.equal(seen, set.version);
      const res = await admin.post('/api/rules/versions', { basedOn: set.version, note: NOTE, rules: set.rules.filter((r) => r.id !== 'local-law') });
      assert.equal(res.status, 201, res.text);
      assert.equal((await node2.current()).version, seen, 'still within the TTL');
      clock += RULES_TTL_MS;
      assert.equal((await node2.current()).version, seen + 1);

      // The operator now raises the severity of "sexual" in their file and restarts.
      const file = path.join(dir, 'rules.json');
      await fs.writeFile(file, JSON.stringify({ changelog: NOTE, rules: [{ id: 'sexual', severity: 2 }] }));
      const restarted = await new RuleBook(t.ctx.database, file, { now: () => clock }).current();
      assert.equal(restarted.version, seen + 2);
      assert.equal(restarted.get('sexual')!.severity, 2, 'the file’s change');
      assert.equal(restarted.get('spam')!.title.en, 'Spam, scams and manipulation', 'the admin’s edit stays');
      assert.equal(restarted.get('impersonation'), undefined, 'a rule the admin retired stays retired');
      // Unchanged files on the next start add nothing.
      assert.equal((await new RuleBook(t.ctx.database, file, { now: () => clock }).current()).version, seen + 2);
      const last = (await new Client(t).get('/api/rules/changelog')).body.items[0];
      assert.deepEqual([last.source, last.changed], ['file', ['sexual']]);
    });
  });
}

describe('a malformed operator rules file', () => {
  it('stops the start, naming the file and the field', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-rules-bad-'));
    const file = path.join(dir, 'rules.json');
    await fs.writeFile(file, JSON.stringify({ rules: [{ id: 'spam', severity: 9 }] }));
    const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', MODERATION_RULES_FILE: file, MODERATION_AUTOMATED: 'off' }));
    const app = await (async () => {
      await migrateToLatest(ctx.database);
      return buildApp(ctx);
    })();
    try {
      await assert.rejects(async () => {
        await app.ready();
      }, /rules\.json: rule spam\.severity must be 1–5/);
    } finally {
      await app.close().catch(() => {});
      await ctx.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
