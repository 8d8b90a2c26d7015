#!/usr/bin/env node
// Builds the compact CC-CEDICT index the translation module loads (see server/modules/translation/dictionary/).
// Run as `node --import tsx scripts/build-dictionary.ts [--if-missing]`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDictionary, DICTIONARY_DIR, DICTIONARY_FORMAT } from '../server/modules/translation/dictionary/dictionary.build.js';

function upToDate(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(DICTIONARY_DIR, 'manifest.json'), 'utf8'));
    return manifest.format === DICTIONARY_FORMAT && existsSync(path.join(DICTIONARY_DIR, 'entries.tsv'));
  } catch {
    return false;
  }
}

if (process.argv.includes('--if-missing') && upToDate()) process.exit(0);
const started = performance.now();
const sizes = await buildDictionary();
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
console.log(
  `dictionary built in ${Math.round(performance.now() - started)} ms: ${Object.entries(sizes)
    .map(([n, s]) => `${n} ${(s / 1e6).toFixed(1)} MB`)
    .join(', ')} (total ${(total / 1e6).toFixed(1)} MB) → ${path.relative(process.cwd(), DICTIONARY_DIR)}`,
);
