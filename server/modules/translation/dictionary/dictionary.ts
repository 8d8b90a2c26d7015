/**
 * The compact CC-CEDICT index at run time. The entries file stays one string in memory, with two
 * prebuilt arrays of line offsets sorted by Simplified and by Traditional headword; a lookup is a
 * binary search, and a line is split only when someone looks that word up. Loading parses nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DICTIONARY_DIR } from './dictionary.build.js';
import { buildInChild, isBuilt } from './dictionary-files.js';
import { ScriptTable } from './script-table.js';

export interface DictEntry {
  simplified: string;
  traditional: string;
  /** With tone marks, syllables separated by spaces: "yín háng". */
  pinyin: string;
  /** CC-CEDICT style: "yin2 hang2". */
  pinyinNumbered: string;
  /** Groups of meanings, most common first; each group may hold several "; "-separated senses. */
  senses: string[];
}

const SEP = '\x1f';

const TONES: Record<string, string[]> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

/** "hang2" → "háng", "lu:4" → "lǜ": the mark goes on a or e, on the o of "ou", else on the last vowel. */
export function markSyllable(syllable: string): string {
  const m = /^([a-zü:]+)([1-5])$/i.exec(syllable);
  if (!m) return syllable;
  const base = m[1]!.replace(/u:/gi, 'ü').replace(/v/g, 'ü');
  const tone = Number(m[2]);
  if (tone === 5) return base;
  const lower = base.toLowerCase();
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) {
      if ('iouü'.includes(lower[i]!)) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) return base;
  const vowel = lower[at]!;
  const marked = TONES[vowel]![tone - 1]!;
  const upper = base[at] !== vowel;
  return base.slice(0, at) + (upper ? marked.toUpperCase() : marked) + base.slice(at + 1);
}

export function markPinyin(numbered: string): string {
  return numbered.split(' ').map(markSyllable).join(' ');
}

/** Reads a uint32 index file without copying when the buffer is aligned. */
function offsets(buf: Buffer): Uint32Array {
  if (buf.byteOffset % 4 === 0) return new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  return new Uint32Array(Uint8Array.prototype.slice.call(buf).buffer);
}

/**
 * Binary search over lines sorted by one tab-separated field: the offsets of every line whose field
 * equals key. No per-word objects exist until someone asks.
 */
function findLines(text: string, index: Uint32Array, field: 0 | 1, key: string): number[] {
  const fieldStart = (offset: number) => (field === 0 ? offset : text.indexOf('\t', offset) + 1);
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareField(text, fieldStart(index[mid]!), key) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < index.length && compareField(text, fieldStart(index[i]!), key) === 0; i++) out.push(index[i]!);
  return out;
}

/** Compares the tab-terminated field at start with key, code unit by code unit, without slicing. */
function compareField(text: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(start + i);
    const ended = c === 9 || Number.isNaN(c);
    if (i === key.length) return ended ? 0 : 1;
    if (ended) return -1;
    const k = key.charCodeAt(i);
    if (c !== k) return c < k ? -1 : 1;
  }
}

export class Dictionary {
  private constructor(
    private readonly text: string,
    private readonly simpIndex: Uint32Array,
    private readonly tradIndex: Uint32Array,
    private readonly englishText: string,
    private readonly englishIndex: Uint32Array,
    /** Simplified/Traditional character sets (detection loads only these, via ScriptTable.load). */
    readonly scripts: ScriptTable,
  ) {}

  /** Loads the built files, building them first (in a child process) when they are missing. */
  static async load(dir = DICTIONARY_DIR): Promise<Dictionary> {
    if (!isBuilt(dir)) await buildInChild();
    const read = (name: string) => fs.readFile(path.join(dir, name));
    const [text, simpIdx, tradIdx, english, englishIdx, script] = await Promise.all([
      fs.readFile(path.join(dir, 'entries.tsv'), 'utf8'),
      read('entries.simp.idx'),
      read('entries.trad.idx'),
      fs.readFile(path.join(dir, 'english.tsv'), 'utf8'),
      read('english.idx'),
      fs.readFile(path.join(dir, 'script.tsv'), 'utf8'),
    ]);
    return new Dictionary(
      text,
      offsets(simpIdx),
      offsets(tradIdx),
      english,
      offsets(englishIdx),
      ScriptTable.parse(script),
    );
  }

  /** Every entry whose Simplified or Traditional form is the word. */
  lookup(word: string): DictEntry[] {
    const found = findLines(this.text, this.simpIndex, 0, word);
    for (const offset of findLines(this.text, this.tradIndex, 1, word)) if (!found.includes(offset)) found.push(offset);
    return found.map((offset) => this.entryAt(offset));
  }

  /** Chinese words (Simplified) for an English key such as "eat" or "hot pot", best first. */
  english(key: string): string[] {
    const [offset] = findLines(this.englishText, this.englishIndex, 0, key);
    if (offset === undefined) return [];
    const end = this.englishText.indexOf('\n', offset);
    return this.englishText.slice(offset + key.length + 1, end).split(',');
  }

  /** How many characters only Simplified, and only Traditional, writing uses. */
  scriptCounts(text: string): { simplified: number; traditional: number } {
    return this.scripts.scriptCounts(text);
  }

  /** Character-for-character Simplified form (same length), enough to read pinyin off Traditional text. */
  simplifyChars(text: string): string {
    return this.scripts.simplifyChars(text);
  }

  private entryAt(offset: number): DictEntry {
    const end = this.text.indexOf('\n', offset);
    const [simplified = '', traditional = '', numbered = '', senses = ''] = this.text
      .slice(offset, end < 0 ? undefined : end)
      .split('\t');
    return { simplified, traditional, pinyin: markPinyin(numbered), pinyinNumbered: numbered, senses: senses.split(SEP) };
  }
}
