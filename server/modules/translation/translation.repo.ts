import type { Executor } from '../../db/database.js';
import type { LangSource, TranslationCacheTable } from '../../db/schema/index.js';

export type LanguageTable = 'notes' | 'comments';

export interface StoredLanguage {
  lang: string | null;
  mixed: boolean;
  source: LangSource | null;
}

export async function getLanguage(db: Executor, table: LanguageTable, id: string): Promise<StoredLanguage | null> {
  const row = await db
    .selectFrom(table)
    .select(['lang', 'lang_mixed', 'lang_source'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { lang: row.lang ?? null, mixed: row.lang_mixed === 1, source: row.lang_source ?? null } : null;
}

/**
 * Stores a detected language, unless the author has set one: a person's correction outranks the
 * detector, also after later edits.
 */
export async function storeDetectedLanguage(
  db: Executor,
  table: LanguageTable,
  id: string,
  lang: string | null,
  mixed: boolean,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ lang, lang_mixed: mixed ? 1 : 0, lang_source: 'detected' })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lang_source', 'is', null), eb('lang_source', '=', 'detected')]))
    .execute();
}

export async function storeAuthorLanguage(db: Executor, table: LanguageTable, id: string, lang: string, mixed: boolean) {
  await db.updateTable(table).set({ lang, lang_mixed: mixed ? 1 : 0, lang_source: 'author' }).where('id', '=', id).execute();
}

export async function noteText(db: Executor, id: string) {
  return db.selectFrom('notes').select(['title', 'body']).where('id', '=', id).executeTakeFirst();
}

export async function commentText(db: Executor, id: string) {
  return db.selectFrom('comments').select(['body']).where('id', '=', id).executeTakeFirst();
}

export async function findComments(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('comments')
    .select(['id', 'note_id', 'author_id', 'body', 'lang'])
    .where('id', 'in', ids)
    .execute();
}

export async function findCached(
  db: Executor,
  hashes: string[],
  target: string,
  provider: string,
): Promise<Array<Pick<TranslationCacheTable, 'text_hash' | 'source' | 'translated'>>> {
  if (!hashes.length) return [];
  return db
    .selectFrom('translation_cache')
    .select(['text_hash', 'source', 'translated'])
    .where('text_hash', 'in', [...new Set(hashes)])
    .where('target', '=', target)
    .where('provider', '=', provider)
    .execute();
}

/** Caches translations; a row another request stored meanwhile is kept (same key, same meaning). */
export async function storeCached(db: Executor, rows: TranslationCacheTable[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('translation_cache')
    .values(rows)
    .onConflict((oc) => oc.columns(['text_hash', 'source', 'target', 'provider']).doNothing())
    .execute();
}

export async function getSettings(db: Executor, userId: string) {
  return db.selectFrom('user_translation_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function uiLocaleOf(db: Executor, userId: string) {
  return (await db.selectFrom('users').select('ui_locale').where('id', '=', userId).executeTakeFirst())?.ui_locale ?? null;
}

export async function upsertSettings(db: Executor, userId: string, autoTranslate: boolean, readLanguages: string[], now: number) {
  const values = { auto_translate: autoTranslate ? 1 : 0, read_languages: JSON.stringify(readLanguages), updated_at: now };
  await db
    .insertInto('user_translation_settings')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
