import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { UiLocale } from '../../../contract/locales.js';
import type { Localized, Rule } from '../../../contract/moderation.js';
import { inCheckout } from '../../paths.js';

const DEFAULT_FILE = inCheckout('server/modules/moderation/data/default-rules.json');
export const RULE_LOCALES: UiLocale[] = ['en', 'zh-Hans', 'zh-Hant'];
export const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const REGION = /^[A-Z]{2}$/;

export class RulesFileError extends Error {}

/** Rules looked up by id: what derive() and the views need from a rule set. */
export interface RuleLookup {
  get(id: string): Rule | undefined;
}

/** One rule set: a published version (or, before any, what the files say as version 0). */
export class RuleSnapshot implements RuleLookup {
  private readonly byId: Map<string, Rule>;

  constructor(
    readonly version: number,
    readonly publishedAt: number,
    readonly rules: Rule[],
  ) {
    this.byId = new Map(rules.map((r) => [r.id, r]));
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** The rule's title in the reader's language; its id when the rule has been retired. */
  title(id: string, locale: UiLocale): string {
    return this.byId.get(id)?.title[locale] ?? id;
  }
}

const loc = (l: Localized): Localized => ({ en: l.en, 'zh-Hans': l['zh-Hans'], 'zh-Hant': l['zh-Hant'] });

/**
 * Rules in one field order, so the same rule set hashes the same whichever way it came in (a file,
 * the admin page, JSON read back from the database): an unchanged set never makes a new version.
 */
export function canonical(rules: Rule[]): { rules: Rule[]; json: string; hash: string } {
  const out = rules.map((r) => ({ id: r.id, severity: r.severity, title: loc(r.title), body: loc(r.body), regions: r.regions ? [...r.regions] : null }));
  const json = JSON.stringify(out);
  return { rules: out, json, hash: createHash('sha256').update(json).digest('hex') };
}

/** Which rule ids a new set adds, changes and retires compared with the one before it. */
export function ruleChanges(before: Rule[], after: Rule[]): { added: string[]; changed: string[]; retired: string[] } {
  const prev = new Map(canonical(before).rules.map((r) => [r.id, JSON.stringify(r)]));
  const next = canonical(after).rules;
  const ids = new Set(next.map((r) => r.id));
  return {
    added: next.filter((r) => !prev.has(r.id)).map((r) => r.id),
    changed: next.filter((r) => prev.has(r.id) && prev.get(r.id) !== JSON.stringify(r)).map((r) => r.id),
    retired: [...prev.keys()].filter((id) => !ids.has(id)),
  };
}

interface RulesFile {
  changelog: Localized | null;
  rules: Array<Partial<Rule> & { id: string; retired?: boolean }>;
}

function localized(value: unknown, where: string): Localized {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') throw new RulesFileError(`${where} must be an object with en, zh-Hans and zh-Hant`);
  for (const l of RULE_LOCALES) {
    if (typeof v[l] !== 'string' || !(v[l] as string).trim()) throw new RulesFileError(`${where}.${l} must be a non-empty string`);
  }
  return { en: v.en as string, 'zh-Hans': v['zh-Hans'] as string, 'zh-Hant': v['zh-Hant'] as string };
}

function readRulesFile(file: string): RulesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RulesFileError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = raw as { changelog?: unknown; rules?: unknown };
  if (!r || !Array.isArray(r.rules)) throw new RulesFileError(`${file}: needs a "rules" array`);
  for (const [i, rule] of r.rules.entries()) {
    if (!rule || typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) throw new RulesFileError(`${file}: rules[${i}].id must match ${RULE_ID}`);
  }
  return { changelog: r.changelog ? localized(r.changelog, `${file}: changelog`) : null, rules: r.rules };
}

/** A rule from a file entry: full rules need every field; an override may change only some of them. */
function mergeRule(base: Rule | undefined, entry: RulesFile['rules'][number], where: string): Rule {
  const severity = entry.severity ?? base?.severity;
  if (!Number.isInteger(severity) || severity! < 1 || severity! > 5) throw new RulesFileError(`${where}.severity must be 1–5`);
  const regions = entry.regions === undefined ? (base?.regions ?? null) : entry.regions;
  if (regions !== null && (!Array.isArray(regions) || !regions.every((x) => typeof x === 'string' && REGION.test(x)))) {
    throw new RulesFileError(`${where}.regions must be null or a list of two-letter region codes (US, DE …)`);
  }
  // A new rule needs its words; an amendment may leave them as they were.
  const title = entry.title !== undefined || !base ? localized(entry.title, `${where}.title`) : base.title;
  const body = entry.body !== undefined || !base ? localized(entry.body, `${where}.body`) : base.body;
  return { id: entry.id, severity: severity!, title, body, regions };
}

/**
 * What the files say: the default file shipped in the repo, overlaid by the operator's file (same id
 * replaces or amends, a new id adds, `"retired": true` removes). A malformed file throws
 * RulesFileError naming the file and the field, which stops the server at start.
 */
export function readRuleFiles(operatorFile: string | null): { rules: Rule[]; note: Localized } {
  const defaults = readRulesFile(DEFAULT_FILE);
  const map = new Map<string, Rule>();
  for (const r of defaults.rules) map.set(r.id, mergeRule(undefined, r, `default rule ${r.id}`));
  let note = defaults.changelog!;
  if (operatorFile && fs.existsSync(operatorFile)) {
    const overlay = readRulesFile(operatorFile);
    for (const entry of overlay.rules) {
      if (entry.retired) map.delete(entry.id);
      else map.set(entry.id, mergeRule(map.get(entry.id), entry, `${operatorFile}: rule ${entry.id}`));
    }
    if (overlay.changelog) note = overlay.changelog;
  }
  return { rules: canonical([...map.values()]).rules, note };
}

const FIELDS = ['severity', 'title', 'body', 'regions'] as const;

/**
 * The files' changes laid over the rule set in force (ADR 0011): a rule the files newly name is added
 * (or replaced); a field the files changed since they were last applied takes the files' value; a rule
 * they dropped is retired. Everything the admin page changed and the files did not touch stays.
 */
export function layerFileChanges(inForce: Rule[], filesBefore: Rule[], filesNow: Rule[]): Rule[] {
  const out = new Map(canonical(inForce).rules.map((r) => [r.id, r]));
  const before = new Map(canonical(filesBefore).rules.map((r) => [r.id, r]));
  const now = canonical(filesNow).rules;
  for (const r of now) {
    const was = before.get(r.id);
    const current = out.get(r.id);
    if (!was) {
      out.set(r.id, r);
      continue;
    }
    if (!current) {
      // Retired from the admin page: it stays retired unless the files changed it since.
      if (JSON.stringify(was) !== JSON.stringify(r)) out.set(r.id, r);
      continue;
    }
    const next: Rule = { ...current };
    for (const f of FIELDS) {
      if (JSON.stringify(was[f]) !== JSON.stringify(r[f])) (next as Record<string, unknown>)[f] = r[f];
    }
    out.set(r.id, next);
  }
  const kept = new Set(now.map((r) => r.id));
  for (const id of before.keys()) if (!kept.has(id)) out.delete(id);
  return [...out.values()];
}

/** What the files alone say, as version 0 (tools and tests that have no database). */
export function fileSnapshot(operatorFile: string | null): RuleSnapshot {
  return new RuleSnapshot(0, 0, readRuleFiles(operatorFile).rules);
}
