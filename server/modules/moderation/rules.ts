import type { Localized, Rule } from '../../../contract/moderation.js';
import type { Database, Executor, Txn } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, badRequest, conflict } from '../../errors.js';
import type { Bus } from '../../infra/bus/bus.js';
import { canonical, layerFileChanges, readRuleFiles, RuleSnapshot, ruleChanges } from './rules-file.js';

export { type RuleLookup, RuleSnapshot, RulesFileError } from './rules-file.js';

/** How long a node trusts the version it read before asking the database again (ADR 0011). */
export const RULES_TTL_MS = 5_000;
/** The bus channel on which a node says it published a version, so the others re-read at once. */
export const RULES_CHANNEL = 'moderation.rules';
const FILES_ROW = 'files';

export interface NewVersion {
  rules: Rule[];
  note: Localized;
  source: 'file' | 'admin';
  publishedBy: string | null;
}

async function latestRow(db: Executor) {
  return db.selectFrom('rule_versions').select(['version', 'hash', 'rules', 'published_at']).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/**
 * The rules in force are the latest version in rule_versions, for every node (ADR 0011). At start the
 * default and operator files are read (a malformed one stops the server); the first read of the rules
 * applies what changed in the files since they were last applied, as a new version. The admin page
 * publishes versions on top. Each node keeps the version it read for RULES_TTL_MS, and drops it at
 * once when a node announces a new one on the bus (at-most-once, so the TTL is the safety net).
 */
export class RuleBook {
  private files: { rules: Rule[]; note: Localized } | null = null;
  private filesApplied: Promise<void> | null = null;
  private cached: { snapshot: RuleSnapshot; readAt: number } | null = null;
  private loading: Promise<RuleSnapshot> | null = null;

  constructor(
    private readonly database: Database,
    private readonly operatorFile: string | null,
    private readonly opts: { now: () => number; bus?: Bus; ttlMs?: number },
  ) {
    opts.bus?.subscribe(RULES_CHANNEL, () => this.invalidate());
  }

  /**
   * Reads the files (once) and applies them if they changed. The server calls this when it starts
   * (moderationRoutes' onReady), so a malformed file stops the start with the file and field named;
   * commands that never touch the rules (migrate, admin grant) do not read them.
   */
  async start(): Promise<void> {
    await this.current();
  }

  /** The rule set in force: the latest published version (read again after the TTL or a bus notice). */
  async current(): Promise<RuleSnapshot> {
    this.filesApplied ??= this.applyFiles().catch((err) => {
      this.filesApplied = null;
      throw err;
    });
    await this.filesApplied;
    const c = this.cached;
    if (c && this.opts.now() - c.readAt < (this.opts.ttlMs ?? RULES_TTL_MS)) return c.snapshot;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Forgets the version read, so the next use reads the latest from the database. */
  invalidate(): void {
    this.cached = null;
  }

  /**
   * Appends a version in txn, refusing (409 rules_version_conflict) when the latest is not basedOn —
   * the admin page's guard against two people editing at once. After commit every node re-reads.
   */
  async publish(txn: Txn, basedOn: number, v: NewVersion): Promise<number> {
    const latest = await latestRow(txn.db);
    const latestVersion = latest ? Number(latest.version) : 0;
    if (latestVersion !== basedOn) throw conflict('rules_version_conflict', { version: latestVersion }, 'basedOn');
    const version = await this.insert(txn, latest, v);
    if (version === null) throw badRequest('rules_unchanged');
    txn.afterCommit(() => this.announce());
    return version;
  }

  private async announce(): Promise<void> {
    this.invalidate();
    await this.opts.bus?.publish(RULES_CHANNEL, {});
  }

  private async load(): Promise<RuleSnapshot> {
    const readAt = this.opts.now();
    const row = await latestRow(this.database.db);
    if (!row) throw new Error('no rule version: the files were not applied');
    const same = this.cached?.snapshot.version === Number(row.version) ? this.cached.snapshot : null;
    const snapshot = same ?? new RuleSnapshot(Number(row.version), Number(row.published_at), JSON.parse(row.rules) as Rule[]);
    this.cached = { snapshot, readAt };
    return snapshot;
  }

  /** Inserts the next version unless it equals the latest; returns it, or null when nothing changed. */
  private async insert(txn: Txn, latest: Awaited<ReturnType<typeof latestRow>>, v: NewVersion): Promise<number | null> {
    const set = canonical(v.rules);
    if (latest?.hash === set.hash) return null;
    const version = (latest ? Number(latest.version) : 0) + 1;
    const changes = { ...ruleChanges(latest ? (JSON.parse(latest.rules) as Rule[]) : [], set.rules), note: v.note };
    try {
      await txn.db
        .insertInto('rule_versions')
        .values({
          version,
          hash: set.hash,
          rules: set.json,
          changes: JSON.stringify(changes),
          published_at: this.opts.now(),
          source: v.source,
          published_by: v.publishedBy,
        })
        .execute();
    } catch (err) {
      // Someone else published this number a moment ago: the caller's view is stale.
      if (isUniqueViolation(err)) throw conflict('rules_version_conflict', { version }, 'basedOn');
      throw err;
    }
    return version;
  }

  /**
   * Lays what changed in the files since they were last applied over the version in force, as one new
   * version, and remembers what the files said. Unchanged files (the usual restart) do nothing, so
   * edits made on the admin page survive restarts. Nodes starting together: one wins, the others
   * find the files applied when they look again.
   */
  private async applyFiles(): Promise<void> {
    this.files ??= readRuleFiles(this.operatorFile);
    const note = this.files.note;
    const files = canonical(this.files.rules);
    for (let attempt = 0; attempt < 3; attempt++) {
      const db = this.database.db;
      const applied = await db.selectFrom('rule_file_applied').selectAll().where('id', '=', FILES_ROW).executeTakeFirst();
      if (applied?.hash === files.hash) return;
      try {
        await this.database.transaction(async (txn) => {
          const latest = await latestRow(txn.db);
          const before = applied ? (JSON.parse(applied.rules) as Rule[]) : [];
          const rules = layerFileChanges(latest ? (JSON.parse(latest.rules) as Rule[]) : [], before, files.rules);
          await this.insert(txn, latest, { rules, note, source: 'file', publishedBy: null });
          const row = { hash: files.hash, rules: files.json, applied_at: this.opts.now() };
          if (applied) await txn.db.updateTable('rule_file_applied').set(row).where('id', '=', FILES_ROW).where('hash', '=', applied.hash).execute();
          else await txn.db.insertInto('rule_file_applied').values({ id: FILES_ROW, ...row }).execute();
          txn.afterCommit(() => this.announce());
        });
        return;
      } catch (err) {
        if (!isUniqueViolation(err) && !(err instanceof AppError && err.code === 'rules_version_conflict')) throw err;
      }
    }
    throw new Error('could not apply the rule files');
  }
}
