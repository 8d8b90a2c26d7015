import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RuleBook, RulesFileError } from './rules.js';

async function overlay(content: unknown): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-rules-unit-'));
  const file = path.join(dir, 'rules.json');
  await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('rule book', () => {
  it('the defaults have stable ids and text in all three languages', () => {
    const book = new RuleBook(null);
    for (const r of book.rules) {
      assert.match(r.id, /^[a-z0-9-]+$/);
      for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) assert.ok(r.title[l] && r.body[l], `${r.id} ${l}`);
    }
    assert.equal(book.title('spam', 'zh-Hant'), '垃圾訊息與操縱');
  });

  it('an operator file amends, adds and retires rules', async () => {
    const file = await overlay({ rules: [{ id: 'spam', severity: 5 }, { id: 'impersonation', retired: true }] });
    const book = new RuleBook(file);
    assert.equal(book.get('spam')!.severity, 5);
    assert.equal(book.get('spam')!.title.en, 'Spam and manipulation', 'unchanged fields are kept');
    assert.equal(book.get('impersonation'), undefined);
  });

  it('a missing operator file means the defaults; a malformed one is refused naming the field at fault', async () => {
    assert.doesNotThrow(() => new RuleBook('/nonexistent/rules.json'));
    await assert.rejects(async () => new RuleBook(await overlay('{ not json')), RulesFileError);
    await assert.rejects(async () => new RuleBook(await overlay({ rules: [{ id: 'Bad Id' }] })), /rules\[0\]\.id/);
    await assert.rejects(async () => new RuleBook(await overlay({ rules: [{ id: 'new-rule', severity: 2 }] })), /new-rule\.title/);
    await assert.rejects(async () => new RuleBook(await overlay({ rules: [{ id: 'spam', regions: ['Germany'] }] })), /regions/);
  });
});
