import type { Correction } from '../../../contract/chat.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import type { MessageCorrectionsTable } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { badRequest } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { assertMayPost } from '../moderation/moderation.policy.js';
import { deliver } from './chat.delivery.js';
import { loadVisibleMessage } from './chat.policy.js';
import { recipientsOf } from './chat.service.js';
import { correctionDiff } from './corrections.diff.js';


/** Corrections: a member proposes a better version of someone's message; shown as a word diff. */
export class CorrectionsService {
  constructor(private readonly ctx: AppContext) {}

  /** Stores a correction of someone else's text message and tells the conversation (the author first of all). */
  async propose(viewerId: string, messageId: string, corrected: string, note: string | undefined): Promise<Correction> {
    const message = await loadVisibleMessage(this.ctx.database.db, viewerId, messageId);
    if (message.sender_id === viewerId) throw badRequest('correction_own');
    if (!message.body) throw badRequest('correction_not_text');
    const text = cleanText(corrected, { field: 'corrected', max: LIMITS.chat.messageChars, multiline: true });
    if (text === message.body) throw badRequest('correction_same', {}, 'corrected');
    await assertMayPost(this.ctx.database.db, viewerId, this.ctx.clock.now());
    const row: MessageCorrectionsTable = {
      id: newId(),
      message_id: message.id,
      conversation_id: message.conversation_id,
      author_id: viewerId,
      corrected: text,
      note: note === undefined ? '' : cleanText(note, { field: 'note', max: LIMITS.chat.correctionNoteChars, multiline: true, allowEmpty: true }),
      created_at: this.ctx.clock.now(),
    };
    await this.ctx.database.db.insertInto('message_corrections').values(row).execute();
    const [dto] = await this.dtos([row], message.body);
    const to = await recipientsOf(this.ctx, message.conversation_id, viewerId);
    deliver(this.ctx, to, { type: 'correction', correction: dto! });
    return dto!;
  }

  /** Every correction of a message, oldest first. */
  async list(viewerId: string, messageId: string): Promise<Correction[]> {
    const message = await loadVisibleMessage(this.ctx.database.db, viewerId, messageId);
    const rows = await this.ctx.database.db
      .selectFrom('message_corrections')
      .selectAll()
      .where('message_id', '=', messageId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(100)
      .execute();
    return this.dtos(rows, message.body);
  }

  private async dtos(rows: MessageCorrectionsTable[], original: string): Promise<Correction[]> {
    const users = await userSummaries(this.ctx.database.db, rows.map((r) => r.author_id));
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        messageId: r.message_id,
        conversationId: r.conversation_id,
        author: users.get(r.author_id) ?? { id: r.author_id, handle: 'deleted', displayName: '', avatar: null },
        original,
        corrected: r.corrected,
        note: r.note,
        diff: await correctionDiff(original, r.corrected, this.ctx.translator.aids),
        createdAt: new Date(r.created_at).toISOString(),
      })),
    );
  }
}
