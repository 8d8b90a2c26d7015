import type { Transparency } from '../../../contract/moderation.js';
import type { Executor } from '../../db/database.js';

const month = (ms: number) => new Date(Number(ms)).toISOString().slice(0, 7);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Public monthly figures for the last 12 months: actions by rule and kind, automated vs human,
 * median time from report or flag to a moderator's decision, appeals and how many were reversed. Computed from the
 * log itself, so the figures cannot drift from what happened. (At large scale this becomes a nightly
 * aggregate; the log stays the source.)
 */
export async function transparencyView(db: Executor, now: number): Promise<Transparency> {
  const since = now - 366 * 24 * 60 * 60 * 1000;
  const [events, reports, appeals] = await Promise.all([
    db
      .selectFrom('moderation_events')
      .select(['rule_id', 'action', 'automated', 'decision_ms', 'created_at'])
      .where('created_at', '>=', since)
      .execute(),
    db.selectFrom('moderation_reports').select('created_at').where('created_at', '>=', since).execute(),
    db.selectFrom('moderation_appeals').select(['state', 'created_at']).where('created_at', '>=', since).execute(),
  ]);
  const months = new Map<string, Transparency['months'][number] & { waits: number[] }>();
  const get = (m: string) => {
    let v = months.get(m);
    if (!v) {
      v = { month: m, actions: [], automated: 0, human: 0, reports: 0, medianDecisionMs: null, appeals: 0, reversed: 0, reversalRate: null, waits: [] };
      months.set(m, v);
    }
    return v;
  };
  for (const e of events) {
    if (e.action === 'reverse') continue;
    const m = get(month(e.created_at));
    const auto = Number(e.automated) === 1;
    if (auto) m.automated++;
    else m.human++;
    let row = m.actions.find((a) => a.ruleId === e.rule_id && a.action === e.action);
    if (!row) {
      row = { ruleId: e.rule_id, action: e.action, automated: 0, human: 0 };
      m.actions.push(row);
    }
    if (auto) row.automated++;
    else row.human++;
    // Time to decision is a measure of people: automated decisions are instant by construction.
    if (!auto && e.decision_ms !== null) m.waits.push(Number(e.decision_ms));
  }
  for (const r of reports) get(month(r.created_at)).reports++;
  for (const a of appeals) {
    const m = get(month(a.created_at));
    m.appeals++;
    if (a.state === 'reversed') m.reversed++;
  }
  return {
    months: [...months.values()]
      .sort((a, b) => b.month.localeCompare(a.month))
      .map(({ waits, ...m }) => ({
        ...m,
        actions: m.actions.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.action.localeCompare(b.action)),
        medianDecisionMs: median(waits),
        reversalRate: m.appeals ? m.reversed / m.appeals : null,
      })),
  };
}
