import type { Phrase } from '../../../contract/chat.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { PhrasebookEntriesTable } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import { decodeCursor, paginate } from '../../db/pagination.js';
import { cleanText } from '../../text/clean.js';
import { loadVisibleMessage } from './chat.policy.js';

const dto = (r: PhrasebookEntriesTable): Phrase => ({
  id: r.id,
  text: r.text,
  translation: r.translation,
  note: r.note,
  sourceMessageId: r.source_message_id,
  createdAt: new Date(r.created_at).toISOString(),
});

/** A personal list of phrases saved from messages (or typed in), for the learner to come back to. */
export class PhrasebookService {
  constructor(private readonly ctx: AppContext) {}

  /** Saves a phrase: the given text, else the text of a message the viewer can see. */
  async save(viewerId: string, input: { text?: string; messageId?: string; translation?: string; note?: string }): Promise<Phrase> {
    const db = this.ctx.database.db;
    let text = input.text;
    if (text === undefined && input.messageId) text = (await loadVisibleMessage(this.ctx.database.db, viewerId, input.messageId)).body;
    else if (input.messageId) await loadVisibleMessage(this.ctx.database.db, viewerId, input.messageId);
    if (text === undefined) throw badRequest('validation_failed', { field: 'text', problem: 'text or messageId is required' }, 'text');
    const max = LIMITS.chat.messageChars;
    const count = await db
      .selectFrom('phrasebook_entries')
      .select(db.fn.countAll<number>().as('n'))
      .where('user_id', '=', viewerId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= LIMITS.chat.phrasebookEntries) throw conflict('phrasebook_full', { limit: LIMITS.chat.phrasebookEntries });
    const row: PhrasebookEntriesTable = {
      id: newId(),
      user_id: viewerId,
      text: cleanText(text, { field: 'text', max, multiline: true }),
      translation: input.translation === undefined ? '' : cleanText(input.translation, { field: 'translation', max, multiline: true, allowEmpty: true }),
      note: input.note === undefined ? '' : cleanText(input.note, { field: 'note', max: LIMITS.chat.correctionNoteChars, multiline: true, allowEmpty: true }),
      source_message_id: input.messageId ?? null,
      created_at: this.ctx.clock.now(),
    };
    await db.insertInto('phrasebook_entries').values(row).execute();
    return dto(row);
  }

  /** The viewer's phrases, newest first. */
  async list(viewerId: string, cursor: string | undefined, limit: number) {
    const after = decodeCursor<[string]>(cursor, ['string']);
    let q = this.ctx.database.db.selectFrom('phrasebook_entries').selectAll().where('user_id', '=', viewerId);
    if (after) q = q.where('id', '<', after[0]);
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = paginate(rows, limit, (r) => [r.id]);
    return { items: page.rows.map(dto), nextCursor: page.nextCursor };
  }

  /** Removes one of the viewer's phrases. */
  async remove(viewerId: string, id: string): Promise<void> {
    const result = await this.ctx.database.db.deleteFrom('phrasebook_entries').where('id', '=', id).where('user_id', '=', viewerId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('phrase');
  }
}
