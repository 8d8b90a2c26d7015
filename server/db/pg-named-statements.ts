/**
 * Kysely sends every query to PostgreSQL as an unnamed statement, which the server parses and plans
 * afresh each time; for the app's small statements planning costs about as much as running them
 * (bench/write-path.md). Naming a statement lets each pooled connection parse and plan it once and
 * then only bind and execute it (ADR 0017). Switched off with DATABASE_PREPARED_STATEMENTS=off for
 * poolers that do not keep a server connection per client (PgBouncer in transaction mode).
 */
import type pg from 'pg';

/** A text is named from its third use on: one-off SQL (ad-hoc IN-list lengths) stays unnamed. */
const USES_BEFORE_NAMING = 3;
/** Distinct named texts per pool, so no connection holds more than this many on the server. */
const MAX_NAMES = 500;
/** Texts counted but not yet named; the count starts over past this, so one-off SQL cannot pile up. */
const MAX_COUNTED = 10_000;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Names the statements of every connection the pool opens from now on (limits overridable for tests). */
export function nameStatements(pool: pg.Pool, { maxNames = MAX_NAMES, maxCounted = MAX_COUNTED } = {}): void {
  const names = new Map<string, string>();
  const uses = new Map<string, number>();
  const nameOf = (text: string): string | undefined => {
    const name = names.get(text);
    if (name || names.size >= maxNames) return name;
    const n = (uses.get(text) ?? 0) + 1;
    if (n < USES_BEFORE_NAMING) {
      if (uses.size >= maxCounted) uses.clear();
      uses.set(text, n);
      return undefined;
    }
    uses.delete(text);
    const fresh = `kuaan_${names.size + 1}`;
    names.set(text, fresh);
    return fresh;
  };

  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    // This connection's replacements for statements whose prepared plan went stale (see below).
    const renamed = new Map<string, string>();
    (client as unknown as { query: Query }).query = (config, values, callback) => {
      const name = typeof config === 'string' && Array.isArray(values) && callback === undefined ? nameOf(config) : undefined;
      if (!name) return query(config, values, callback);
      const text = config as string;
      const own = renamed.get(text) ?? name;
      return (query({ name: own, text, values }) as Promise<unknown>).catch((err: unknown) => {
        // A migration from another node changed what `select *` returns: the server refuses the
        // prepared plan for good. This query fails (it may be inside a transaction); the next one
        // prepares the text again under a new name.
        if ((err as { code?: string }).code === '0A000' && /cached plan/.test(String((err as Error).message))) {
          renamed.set(text, `${own}_`);
        }
        throw err;
      });
    };
  });
}
