import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { en } from './en.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

const catalogs = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant } as Record<string, unknown>;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every leaf key ("nav.discover"), and every branch key ("interests") for t(…, {returnObjects}). */
function keysOf(node: unknown, prefix = ''): { leaves: Map<string, string>; branches: Set<string> } {
  const leaves = new Map<string, string>();
  const branches = new Set<string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') leaves.set(key, v);
    else {
      branches.add(key);
      const sub = keysOf(v, key);
      for (const [sk, sv] of sub.leaves) leaves.set(sk, sv);
      for (const b of sub.branches) branches.add(b);
    }
  }
  return { leaves, branches };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const reference = keysOf(en);

for (const [name, catalog] of Object.entries(catalogs)) {
  test(`${name}: has exactly the keys of the English catalog, none empty`, () => {
    const { leaves } = keysOf(catalog);
    const missing = [...reference.leaves.keys()].filter((k) => !leaves.has(k));
    const extra = [...leaves.keys()].filter((k) => !reference.leaves.has(k));
    assert.deepEqual(missing, [], `missing in ${name}`);
    assert.deepEqual(extra, [], `not in en (typo or stale) in ${name}`);
    const empty = [...leaves].filter(([, v]) => v.trim() === '').map(([k]) => k);
    assert.deepEqual(empty, [], `empty in ${name}`);
  });

  test(`${name}: keeps every {{placeholder}} of the English text`, () => {
    const { leaves } = keysOf(catalog);
    for (const [key, text] of reference.leaves) {
      const wanted = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const got = [...(leaves.get(key) ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(got, wanted, `${name}: ${key}`);
    }
  });
}

test('the Chinese catalogs are translated, not copies of English', () => {
  for (const name of ['zh-Hans', 'zh-Hant']) {
    const { leaves } = keysOf(catalogs[name]);
    const same = [...reference.leaves].filter(([k, v]) => /[A-Za-z]{3}/.test(v.replace(/\{\{\w+\}\}/g, '')) && leaves.get(k) === v);
    assert.deepEqual(same.map(([k]) => k), [], name);
  }
});

test("every t('key') in the web source exists in the catalogs", () => {
  const used = new Set<string>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^'`$]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size > 100, `found only ${used.size} keys: is the scan broken?`);
  const missing = [...used].filter(
    (key) => !reference.leaves.has(key) && !reference.branches.has(key) && ![...reference.leaves.keys()].some((k) => k.replace(PLURAL, '') === key),
  );
  assert.deepEqual(missing, []);
});
