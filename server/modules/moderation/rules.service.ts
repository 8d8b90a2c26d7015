import { LIMITS } from '../../../contract/limits.js';
import type { Localized, PublishRulesBody, Rule, RuleInput } from '../../../contract/moderation.js';
import type { AppContext } from '../../context.js';
import { badRequest } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { REGION, RULE_ID, RULE_LOCALES } from './rules-file.js';

function text(value: Localized, field: string, max: number, multiline: boolean, rule: string): Localized {
  const out = {} as Localized;
  for (const l of RULE_LOCALES) {
    const v = cleanText(value[l], { field: `${field}.${l}`, max, multiline, allowEmpty: true });
    // Every rule is read in all three languages: a missing one is refused, never filled in.
    if (!v) throw badRequest(rule ? 'rules_text_required' : 'rules_note_required', { rule, lang: l }, `${field}.${l}`);
    out[l] = v;
  }
  return out;
}

function regionsOf(input: RuleInput, field: string): string[] | null {
  if (input.regions === null) return null;
  const codes = [...new Set(input.regions.map((r) => r.trim().toUpperCase()))];
  // An empty list would mean "applies nowhere": say null (everywhere) or name the regions.
  const bad = codes.length === 0 ? '' : codes.find((c) => !REGION.test(c));
  if (bad !== undefined) throw badRequest('rules_regions_invalid', { rule: input.id, region: bad.slice(0, 8) }, field);
  return codes.sort();
}

/** Checks an admin's rule set and turns it into rules, or throws a 400 naming the rule and field. */
export function validRules(body: PublishRulesBody): { rules: Rule[]; note: Localized } {
  const note = text(body.note, 'note', LIMITS.rules.changelogChars, true, '');
  if (body.rules.length === 0) throw badRequest('rules_empty', {}, 'rules');
  const seen = new Set<string>();
  const rules = body.rules.map((r, i): Rule => {
    const at = `rules.${i}`;
    if (!RULE_ID.test(r.id)) throw badRequest('rules_id_invalid', { rule: r.id.slice(0, 64) }, `${at}.id`);
    if (seen.has(r.id)) throw badRequest('rules_id_duplicate', { rule: r.id }, `${at}.id`);
    seen.add(r.id);
    return {
      id: r.id,
      severity: r.severity,
      title: text(r.title, `${at}.title`, LIMITS.rules.titleChars, false, r.id),
      body: text(r.body, `${at}.body`, LIMITS.rules.bodyChars, true, r.id),
      regions: regionsOf(r, `${at}.regions`),
    };
  });
  return { rules, note };
}

/** The admin page's write path: a whole new rule set, published as the next version (ADR 0011). */
export class RulesService {
  constructor(private readonly ctx: AppContext) {}

  /** Publishes the admin's rule set on top of version basedOn; returns the new version number. */
  async publish(adminId: string, body: PublishRulesBody): Promise<number> {
    const { rules, note } = validRules(body);
    return this.ctx.database.transaction((txn) =>
      this.ctx.rules.publish(txn, body.basedOn, { rules, note, source: 'admin', publishedBy: adminId }),
    );
  }
}
