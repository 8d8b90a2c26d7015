/**
 * Prepared statements kept per SQL text, for one SQLite connection.
 *
 * Kysely's SQLite driver prepares every query afresh, and compiling SQL was 15–18 % of server CPU
 * under load (bench/findings.md). Kysely emits the same SQL text per call site, so the compiled
 * statement is kept per text. Safe because the driver runs one query at a time on its connection, and
 * SQLite re-prepares a statement by itself when a migration changes the schema under it.
 *
 * Texts are found by length first, then compared. Kysely builds each text by concatenation, so every
 * query arrives as a new, unflattened string, and a Map keyed by the text hashed all of it each time:
 * ~2 µs for a 500-character INSERT, 4 % of a text note's CPU (bench/write-path.md, tenth round). A
 * comparison flattens the string once and stops at the first difference.
 */
export class StatementCache<S> {
  private readonly byLength = new Map<number, Array<{ sql: string; statement: S; used: number }>>();
  private count = 0;
  private tick = 0;

  constructor(
    private readonly prepare: (sql: string) => S,
    /** The app has a few hundred texts; IN lists of many lengths are what fills it. */
    private readonly capacity = 1000,
  ) {}

  get size(): number {
    return this.count;
  }

  get(sql: string): S {
    const used = ++this.tick;
    const bucket = this.byLength.get(sql.length);
    if (bucket) {
      for (const entry of bucket) {
        if (entry.sql === sql) {
          entry.used = used;
          return entry.statement;
        }
      }
    }
    const statement = this.prepare(sql);
    if (this.count >= this.capacity) this.evictLeastRecentHalf();
    const home = this.byLength.get(sql.length);
    if (home) home.push({ sql, statement, used });
    else this.byLength.set(sql.length, [{ sql, statement, used }]);
    this.count++;
    return statement;
  }

  /** Once every capacity/2 new texts: keeps the half used most recently (an LRU, paid in batches). */
  private evictLeastRecentHalf(): void {
    const uses = [...this.byLength.values()].flatMap((bucket) => bucket.map((e) => e.used)).sort((a, b) => a - b);
    const keepFrom = uses[Math.floor(uses.length / 2)]!;
    this.count = 0;
    for (const [length, bucket] of this.byLength) {
      const kept = bucket.filter((e) => e.used >= keepFrom);
      if (kept.length) this.byLength.set(length, kept);
      else this.byLength.delete(length);
      this.count += kept.length;
    }
  }
}
