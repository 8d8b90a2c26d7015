import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localized, Rule } from '../../../contract/moderation.js';
import type { UiLocale } from '../../../contract/locales.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';

const DEFAULT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'default-rules.json');
const LOCALES: UiLocale[] = ['en', 'zh-Hans', 'zh-Hant'];
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class RulesFileError extends Error {}

interface RulesFile {
  changelog: Localized | null;
  rules: Array<Partial<Rule> & { id: string; retired?: boolean }>;
}

function localized(value: unknown, where: string): Localized {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') throw new RulesFileError(`${where} must be an object with en, zh-Hans and zh-Hant`);
  for (const l of LOCALES) {
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
    if (!rule || typeof rule.id !== 'string' || !ID.test(rule.id)) throw new RulesFileError(`${file}: rules[${i}].id must match ${ID}`);
  }
  return { changelog: r.changelog ? localized(r.changelog, `${file}: changelog`) : null, rules: r.rules };
}

/** A rule from a file entry: full rules need every field; an override may change only some of them. */
function mergeRule(base: Rule | undefined, entry: RulesFile['rules'][number], where: string): Rule {
  const severity = entry.severity ?? base?.severity;
  if (!Number.isInteger(severity) || severity! < 1 || severity! > 5) throw new RulesFileError(`${where}.severity must be 1–5`);
  const regions = entry.regions === undefined ? (base?.regions ?? null) : entry.regions;
  if (regions !== null && (!Array.isArray(regions) || !regions.every((x) => typeof x === 'string' && /^[A-Z]{2}$/.test(x)))) {
    throw new RulesFileError(`${where}.regions must be null or a list of two-letter region codes (US, DE …)`);
  }
  // A new rule needs its words; an amendment may leave them as they were.
  const title = entry.title !== undefined || !base ? localized(entry.title, `${where}.title`) : base.title;
  const body = entry.body !== undefined || !base ? localized(entry.body, `${where}.body`) : base.body;
  return { id: entry.id, severity: severity!, title, body, regions };
}

/**
 * The rules in force: the default file shipped in the repo, overlaid by the operator's file (same id
 * replaces or amends, a new id adds, `"retired": true` removes). Read once at start; every distinct
 * result is kept as a numbered version in rule_versions, which the public changelog is made of.
 */
export class RuleBook {
  readonly rules: Rule[];
  private readonly byId: Map<string, Rule>;
  private readonly note: Localized;
  private published: Promise<number> | null = null;

  constructor(operatorFile: string | null) {
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
    this.rules = [...map.values()];
    this.byId = map;
    this.note = note;
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  title(id: string, locale: UiLocale): string {
    return this.byId.get(id)?.title[locale] ?? id;
  }

  /** Stores this rule set as a new version unless it equals the latest; resolves to the version in force. */
  version(db: Executor, now: number): Promise<number> {
    this.published ??= this.publish(db, now).catch((err) => {
      this.published = null;
      throw err;
    });
    return this.published;
  }

  private async publish(db: Executor, now: number): Promise<number> {
    const canonical = JSON.stringify(this.rules);
    const hash = createHash('sha256').update(canonical).digest('hex');
    for (let attempt = 0; attempt < 3; attempt++) {
      const latest = await db.selectFrom('rule_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (latest?.hash === hash) return Number(latest.version);
      const before = new Map<string, Rule>(latest ? (JSON.parse(latest.rules) as Rule[]).map((r) => [r.id, r]) : []);
      const changes = {
        added: this.rules.filter((r) => !before.has(r.id)).map((r) => r.id),
        changed: this.rules.filter((r) => before.has(r.id) && JSON.stringify(before.get(r.id)) !== JSON.stringify(r)).map((r) => r.id),
        retired: [...before.keys()].filter((id) => !this.byId.has(id)),
        note: this.note,
      };
      const version = (latest ? Number(latest.version) : 0) + 1;
      try {
        await db.insertInto('rule_versions').values({ version, hash, rules: canonical, changes: JSON.stringify(changes), published_at: now }).execute();
        return version;
      } catch (err) {
        // Another node published at the same moment: read again.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new Error('could not publish the rule set');
  }
}
