import type { Executor } from '../../db/database.js';
import type { UiLocale, UserLanguagesTable, UsersTable } from '../../db/schema/index.js';

export async function insertUser(db: Executor, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByHandle(db: Executor, handle: string) {
  return db.selectFrom('users').selectAll().where('handle_lower', '=', handle.toLowerCase()).executeTakeFirst();
}

/** The id and password hash for a login, looked up by the unique column its kind names. */
export async function findCredentials(db: Executor, by: 'email' | 'phone' | 'handle_lower', value: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where(by, '=', value).executeTakeFirst();
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<Pick<UsersTable, 'display_name' | 'bio' | 'avatar_media_id' | 'region' | 'ui_locale' | 'onboarded_at' | 'password_hash' | 'contact_verified_at' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function replaceLanguages(db: Executor, userId: string, rows: UserLanguagesTable[]): Promise<void> {
  await db.deleteFrom('user_languages').where('user_id', '=', userId).execute();
  if (rows.length) await db.insertInto('user_languages').values(rows).execute();
}

export async function replaceInterests(db: Executor, userId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('user_interests').where('user_id', '=', userId).execute();
  if (tags.length) await db.insertInto('user_interests').values(tags.map((tag, position) => ({ user_id: userId, tag, position }))).execute();
}

export async function interestsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_interests').select('tag').where('user_id', '=', userId).orderBy('position').execute();
  return rows.map((r) => r.tag);
}

export async function languagesOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_languages')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('kind', 'desc')
    .orderBy('lang')
    .execute();
}

/** Users with their avatar media, for summaries. */
export async function usersWithAvatars(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .leftJoin('media', 'media.id', 'users.avatar_media_id')
    .select([
      'users.id',
      'users.handle',
      'users.display_name',
      'media.id as avatar_id',
      'media.width',
      'media.height',
      'media.blurhash',
      'media.color',
      'media.variants',
    ])
    .where('users.id', 'in', ids)
    .execute();
}

export async function userIdsByHandles(db: Executor, handlesLower: string[]) {
  if (handlesLower.length === 0) return [];
  return db.selectFrom('users').select(['id', 'handle_lower']).where('handle_lower', 'in', handlesLower).execute();
}

export async function setUiLocale(db: Executor, id: string, locale: UiLocale): Promise<void> {
  await db.updateTable('users').set({ ui_locale: locale }).where('id', '=', id).execute();
}

export async function insertVerificationCode(
  db: Executor,
  row: { id: string; userId: string; channel: 'email' | 'phone'; target: string; codeHash: string; now: number; expiresAt: number },
): Promise<void> {
  await db.deleteFrom('verification_codes').where('user_id', '=', row.userId).where('consumed_at', 'is', null).execute();
  await db
    .insertInto('verification_codes')
    .values({
      id: row.id,
      user_id: row.userId,
      channel: row.channel,
      target: row.target,
      code_hash: row.codeHash,
      attempts: 0,
      expires_at: row.expiresAt,
      consumed_at: null,
      created_at: row.now,
    })
    .execute();
}

export async function latestOpenCode(db: Executor, userId: string) {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('consumed_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function bumpCodeAttempts(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function consumeCode(db: Executor, id: string, now: number): Promise<void> {
  await db.updateTable('verification_codes').set({ consumed_at: now }).where('id', '=', id).execute();
}
