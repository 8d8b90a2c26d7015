/**
 * The compact Simplified/Traditional character table (script.tsv, ~40 KB, built with the dictionary):
 * enough to tell which script a Chinese text is written in, and to read pinyin off Traditional text,
 * without loading the ~10 MB CC-CEDICT entries that only glosses need (bench/findings.md item 9).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DICTIONARY_DIR } from './dictionary.build.js';
import { buildInChild, isBuilt } from './dictionary-files.js';

export class ScriptTable {
  constructor(
    private readonly simpOnly: ReadonlySet<string>,
    private readonly tradOnly: ReadonlySet<string>,
    private readonly tradToSimp: ReadonlyMap<string, string>,
  ) {}

  /** Parses script.tsv: Simplified-only characters, Traditional-only ones, then trad→simp pairs. */
  static parse(script: string): ScriptTable {
    const [simpLine = '', tradLine = '', pairLine = ''] = script.split('\n');
    const pairs = [...pairLine];
    const tradToSimp = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) tradToSimp.set(pairs[i]!, pairs[i + 1]!);
    return new ScriptTable(new Set(simpLine), new Set(tradLine), tradToSimp);
  }

  /** Loads the built table, building the dictionary files first (in a child process) when missing. */
  static async load(dir = DICTIONARY_DIR): Promise<ScriptTable> {
    if (!isBuilt(dir)) await buildInChild();
    return ScriptTable.parse(await fs.readFile(path.join(dir, 'script.tsv'), 'utf8'));
  }

  /** How many characters only Simplified, and only Traditional, writing uses. */
  scriptCounts(text: string): { simplified: number; traditional: number } {
    let simplified = 0;
    let traditional = 0;
    for (const c of text) {
      if (this.simpOnly.has(c)) simplified++;
      else if (this.tradOnly.has(c)) traditional++;
    }
    return { simplified, traditional };
  }

  /** Character-for-character Simplified form (same length), enough to read pinyin off Traditional text. */
  simplifyChars(text: string): string {
    let out = '';
    for (const c of text) out += this.tradToSimp.get(c) ?? c;
    return out;
  }
}
