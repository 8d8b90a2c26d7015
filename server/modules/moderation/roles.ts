import type { Executor } from '../../db/database.js';
import type { Role } from '../../db/schema/index.js';

/**
 * Sets a person's role by handle (`kuaan admin grant <handle> moderator`); false when there is no
 * such handle. Sessions read the new role on the next moderator request (the policy reads the table).
 */
export async function grantRole(db: Executor, handle: string, role: Role): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ role })
    .where('handle_lower', '=', handle.replace(/^@/, '').toLowerCase())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
