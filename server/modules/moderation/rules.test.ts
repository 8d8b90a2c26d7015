import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Rule } from '../../../contract/moderation.js';
import { fileSnapshot, layerFileChanges, RulesFileError, ruleChanges } from './rules-file.js';

async function overlay(content: unknown): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-rules-unit-'));
  const file = path.join(dir, 'rules.json');
  await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('rule book', () => {
  it('the defaults have stable ids and text in all three languages', () => {
    const book = fileSnapshot(null);
    for (const r of book.rules) {
      assert.match(r.id, /^[a-z0-9-]+$/);
      for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) assert.ok(r.title[l] && r.body[l], `${r.id} ${l}`);
    }
    assert.equal(book.title('spam', 'zh-Hant'), '垃圾訊息與操縱');
  });

  it('an operator file amends, adds and retires rules', async () => {
    const file = await overlay({ rules: [{ id: 'spam', severity: 5 }, { id: 'impersonation', retired: true }] });
    const book = fileSnapshot(file);
    assert.equal(book.get('spam')!.severity, 5);
    assert.equal(book.get('spam')!.title.en, 'Spam and manipulation', 'unchanged fields are kept');
    assert.equal(book.get('impersonation'), undefined);
  });

  it('a missing operator file means the defaults; a malformed one is refused naming the field at fault', async () => {
    assert.doesNotThrow(() => fileSnapshot('/nonexistent/rules.json'));
    await assert.rejects(async () => fileSnapshot(await overlay('{ not json')), RulesFileError);
    await assert.rejects(async () => fileSnapshot(await overlay({ rules: [{ id: 'Bad Id' }] })), /rules\[0\]\.id/);
    await assert.rejects(async () => fileSnapshot(await overlay({ rules: [{ id: 'new-rule', severity: 2 }] })), /new-rule\.title/);
    await assert.rejects(async () => fileSnapshot(await overlay({ rules: [{ id: 'spam', regions: ['Germany'] }] })), /regions/);
  });
});

describe('files laid over the rules in force', () => {
  const rule = (id: string, severity: number, en = id): Rule => ({
    id,
    severity,
    title: { en, 'zh-Hans': id, 'zh-Hant': id },
    body: { en: `${en} body`, 'zh-Hans': id, 'zh-Hant': id },
    regions: null,
  });

  it('applies only what the files changed, keeping what the admin page changed', () => {
    const filesBefore = [rule('spam', 3), rule('hate', 5), rule('nudity', 4)];
    // The admin renamed spam and retired nudity and added a rule of their own.
    const inForce = [rule('spam', 3, 'Spam (edited)'), rule('hate', 5), rule('admin-rule', 2)];
    // Then the operator raised spam's severity, added weapons and dropped hate from the file.
    const filesNow = [rule('spam', 4), rule('nudity', 4), rule('weapons', 3)];
    const out = layerFileChanges(inForce, filesBefore, filesNow);
    assert.deepEqual(out.map((r) => r.id), ['spam', 'admin-rule', 'weapons']);
    assert.equal(out[0]!.severity, 4, 'the field the file changed');
    assert.equal(out[0]!.title.en, 'Spam (edited)', 'the admin edit the file did not touch');
    assert.deepEqual(ruleChanges(inForce, out), { added: ['weapons'], changed: ['spam'], retired: ['hate'] });
  });

  it('unchanged files change nothing', () => {
    const files = [rule('spam', 3)];
    const inForce = [rule('spam', 2, 'Edited')];
    assert.deepEqual(layerFileChanges(inForce, files, files), inForce);
  });
});
