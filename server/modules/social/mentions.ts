import type { Executor } from '../../db/database.js';
import type { ParsedText } from '../../text/facets.js';
import { userIdsByHandles } from '../accounts/accounts.repo.js';

/**
 * Resolves the @handles of a text to people, as `handle_lower → user id`. Unknown handles and
 * people across a block from the author (either way) are left out, so they stay plain text and are
 * never notified.
 */
export async function resolveMentions(db: Executor, authorId: string, parsed: ParsedText): Promise<Map<string, string>> {
  const handles = [...new Set(parsed.mentions.map((m) => m.handle.toLowerCase()))];
  const found = await userIdsByHandles(db, handles);
  const candidates = found.map((u) => u.id).filter((id) => id !== authorId);
  const blocked = new Set<string>();
  if (candidates.length > 0) {
    const rows = await db
      .selectFrom('blocks')
      .select(['blocker_id', 'blocked_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('blocker_id', '=', authorId), eb('blocked_id', 'in', candidates)]),
          eb.and([eb('blocked_id', '=', authorId), eb('blocker_id', 'in', candidates)]),
        ]),
      )
      .execute();
    for (const r of rows) blocked.add(r.blocker_id === authorId ? r.blocked_id : r.blocker_id);
  }
  const byHandle = new Map<string, string>();
  for (const u of found) if (!blocked.has(u.id)) byHandle.set(u.handle_lower, u.id);
  return byHandle;
}
