import { LIMITS } from '../../../contract/limits.js';
import type { CreateBoardBody, UpdateBoardBody } from '../../../contract/social.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import { badRequest, conflict } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { loadOwnBoard } from './social.policy.js';

function cleanBoardName(raw: string): string {
  return cleanText(raw, { field: 'name', max: LIMITS.boardName.max });
}

export class BoardsService {
  constructor(private readonly ctx: AppContext) {}

  /** Creates a board for the viewer (at most LIMITS.boardsPerUser; names unique per person). */
  async create(viewerId: string, input: CreateBoardBody): Promise<string> {
    const name = cleanBoardName(input.name);
    const id = newId();
    try {
      await this.ctx.database.transaction(async ({ db }) => {
        // Locks the owner's row so two concurrent creations cannot both pass the limit check.
        await db
          .updateTable('users')
          .set((eb) => ({ updated_at: eb.ref('updated_at') }))
          .where('id', '=', viewerId)
          .execute();
        const { n } = await db
          .selectFrom('boards')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('owner_id', '=', viewerId)
          .executeTakeFirstOrThrow();
        if (Number(n) >= LIMITS.boardsPerUser) throw badRequest('board_limit', { limit: LIMITS.boardsPerUser });
        await db
          .insertInto('boards')
          .values({
            id,
            owner_id: viewerId,
            name,
            visibility: input.visibility ?? 'public',
            collect_count: 0,
            created_at: this.ctx.clock.now(),
          })
          .execute();
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('board_name_taken', { name }, 'name');
      throw err;
    }
    return id;
  }

  /** Renames a board or changes who may see it; only its owner may. */
  async update(viewerId: string, boardId: string, patch: UpdateBoardBody): Promise<void> {
    const db = this.ctx.database.db;
    await loadOwnBoard(db, boardId, viewerId);
    const set: { name?: string; visibility?: 'public' | 'private' } = {};
    if (patch.name !== undefined) set.name = cleanBoardName(patch.name);
    if (patch.visibility !== undefined) set.visibility = patch.visibility;
    if (Object.keys(set).length === 0) return;
    try {
      await db.updateTable('boards').set(set).where('id', '=', boardId).where('owner_id', '=', viewerId).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('board_name_taken', { name: set.name ?? '' }, 'name');
      throw err;
    }
  }

  /** Deletes a board; its notes stay collected, just no longer in a board. */
  async remove(viewerId: string, boardId: string): Promise<void> {
    const db = this.ctx.database.db;
    await loadOwnBoard(db, boardId, viewerId);
    await db.deleteFrom('boards').where('id', '=', boardId).where('owner_id', '=', viewerId).execute();
  }
}
