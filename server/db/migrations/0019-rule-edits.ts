import type { KuaanMigration } from './migration.js';

/**
 * Rules edited from the admin page (ADR 0011): each version records where it came from and who
 * published it, and `rule_file_applied` remembers the rule set the operator's files last produced, so
 * a restart applies the files only when they changed, and then only what changed in them.
 */
export const ruleEdits: KuaanMigration = {
  async up(db) {
    await db.schema.alterTable('rule_versions').addColumn('source', 'text', (c) => c.notNull().defaultTo('file')).execute();
    await db.schema.alterTable('rule_versions').addColumn('published_by', 'text').execute();
    await db.schema
      .createTable('rule_file_applied')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    // Until now every version was exactly what the files produced: the latest one is what they last said.
    const latest = await db.selectFrom('rule_versions').select(['hash', 'rules', 'published_at']).orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (latest) {
      await db.insertInto('rule_file_applied').values({ id: 'files', hash: latest.hash, rules: latest.rules, applied_at: latest.published_at }).execute();
    }
  },
};
