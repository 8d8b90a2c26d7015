import fs from 'node:fs';
import * as MintModule from 'mint-filter';
import { passage } from '../actions.service.js';
import type { Fields, Finding } from './types.js';
import { inCheckout } from '../../../paths.js';

const SHIPPED = inCheckout('server/modules/moderation/data/words-zh.txt');
// mint-filter is CommonJS with a default export; under ESM interop it may arrive wrapped once or twice.
type MintClass = typeof MintModule.Mint;
const Mint: MintClass = (MintModule.Mint ?? (MintModule as unknown as { default: { Mint?: MintClass; default?: MintClass } }).default.Mint)!;

/** Reads "[rule]" sections of words; comments and blank lines skipped. */
function readWords(file: string, into: Map<string, string>): void {
  if (!fs.existsSync(file)) return;
  let rule = 'harassment';
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[([a-z0-9_-]+)\]$/.exec(line);
    if (header) rule = header[1]!;
    else into.set(line, rule);
  }
}

/**
 * Chinese insults and slurs: mint-filter (Aho–Corasick) over the shipped list plus the operator's.
 * mint-filter reports which words occur; their offsets are found here, every occurrence.
 */
export class ChineseTextCheck {
  private mint: InstanceType<MintClass> | null = null;
  private readonly ruleOf = new Map<string, string>();

  constructor(private readonly operatorFile: string) {}

  run(fields: Fields): Finding[] {
    if (!this.mint) {
      readWords(SHIPPED, this.ruleOf);
      readWords(this.operatorFile, this.ruleOf);
      this.mint = new Mint([...this.ruleOf.keys()]);
    }
    const byRule = new Map<string, Finding>();
    for (const [field, text] of Object.entries(fields)) {
      if (!text || !/\p{Script=Han}/u.test(text)) continue;
      for (const word of new Set(this.mint.filter(text, { replace: false }).words)) {
        const ruleId = this.ruleOf.get(word) ?? 'harassment';
        const f = byRule.get(ruleId) ?? { check: 'mint-filter', ruleId, confidence: ruleId === 'hate' ? 0.9 : 0.6, evidence: [] };
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
          f.evidence.push(passage(field, text, at, at + word.length));
        }
        byRule.set(ruleId, f);
      }
    }
    for (const f of byRule.values()) f.evidence.sort((a, b) => (a.type === 'text' && b.type === 'text' ? a.start - b.start : 0));
    return [...byRule.values()];
  }
}
