#!/usr/bin/env node
// Measures the JavaScript the Discover page (/) downloads on first load, gzipped: the entry chunk,
// every chunk it imports statically (transitively), and the UI catalog it fetches at start (the
// largest of the three is counted, so the figure holds in every language).
// Usage: npm run build:web && node scripts/measure-bundle.mjs [--max-kb=200] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist');
const args = process.argv.slice(2);
const maxKb = Number(args.find((a) => a.startsWith('--max-kb='))?.split('=')[1] ?? 200);

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = html.match(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/)?.[1];
if (!entry) throw new Error('no module entry in web/dist/index.html: build the web first');

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

const seen = new Map();
function walk(file) {
  if (seen.has(file)) return;
  const code = readFileSync(path.join(dist, file));
  seen.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  const text = code.toString('utf8');
  for (const m of text.matchAll(STATIC_IMPORT)) walk(path.posix.join(path.posix.dirname(file), m[1]));
}
walk(entry);

// The catalogs are dynamic imports started before the first render: count the biggest one.
const catalogs = [];
for (const file of seen.keys()) {
  const text = readFileSync(path.join(dist, file), 'utf8');
  for (const m of text.matchAll(DYNAMIC_IMPORT)) {
    const target = path.posix.join(path.posix.dirname(file), m[1]);
    if (/\/(en|zh-Hans|zh-Hant)-[\w-]+\.js$/.test(target)) catalogs.push(target);
  }
}
let catalog = null;
for (const file of new Set(catalogs)) {
  const code = readFileSync(path.join(dist, file));
  const size = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  if (!catalog || size.gzip > catalog.size.gzip) catalog = { file, size };
}
if (catalog) seen.set(catalog.file, catalog.size);

const total = [...seen.values()].reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1024).toFixed(1);
if (args.includes('--json')) {
  console.log(JSON.stringify({ files: Object.fromEntries(seen), totalGzipBytes: total.gzip, totalRawBytes: total.raw }, null, 2));
} else {
  for (const [file, s] of seen) console.log(`${kb(s.gzip).padStart(7)} KB gz  ${kb(s.raw).padStart(7)} KB  ${file}`);
  console.log(`Discover first load: ${kb(total.gzip)} KB of JavaScript gzipped (${kb(total.raw)} KB raw); budget ${maxKb} KB`);
}
if (total.gzip > maxKb * 1024) {
  console.error(`over budget by ${kb(total.gzip - maxKb * 1024)} KB`);
  process.exit(1);
}
