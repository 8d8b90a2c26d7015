import type { FeedPreferences, NotInterestedBody, NotInterestedList, UpdateFeedPreferencesBody } from '../../../contract/discover.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import * as repo from './discover.repo.js';
import { topicView } from './feed.views.js';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The reader's controls over Discover: the language mix, the mode, and "not interested". */
export class DiscoverService {
  constructor(private readonly ctx: AppContext) {}

  /** The saved preferences, or the defaults a newcomer starts with. */
  async preferences(userId: string): Promise<FeedPreferences> {
    return (
      (await repo.getPreferences(this.ctx.database.db, userId)) ?? {
        otherLanguageShare: LIMITS.discover.defaultOtherLanguageShare,
        mode: 'for_you',
      }
    );
  }

  /** Saves what the body names and keeps the rest. */
  async updatePreferences(userId: string, body: UpdateFeedPreferencesBody): Promise<FeedPreferences> {
    const next = { ...(await this.preferences(userId)), ...body };
    await repo.upsertPreferences(this.ctx.database.db, userId, next, this.ctx.clock.now());
    return next;
  }

  /** Hides a note the reader may see, or every note of a topic, from their Discover. */
  async markNotInterested(userId: string, body: NotInterestedBody) {
    const db = this.ctx.database.db;
    const now = this.ctx.clock.now();
    if ('noteId' in body) {
      await loadVisibleNote(db, body.noteId, userId);
      await repo.addNotInterested(db, userId, 'note', body.noteId, now);
      return { kind: 'note' as const, target: body.noteId, createdAt: iso(now) };
    }
    const tag = await this.topic(body.topic);
    await repo.addNotInterested(db, userId, 'topic', tag.id, now);
    return { kind: 'topic' as const, target: tag.name, createdAt: iso(now) };
  }

  /** Undoes a "not interested"; 404 when there was none. */
  async undoNotInterested(userId: string, kind: 'note' | 'topic', target: string): Promise<void> {
    const id = kind === 'note' ? target : (await this.topic(target)).id;
    if (!(await repo.removeNotInterested(this.ctx.database.db, userId, kind, id))) throw notFound('not interested mark');
  }

  /** Everything the reader said they are not interested in, newest first. */
  async listNotInterested(userId: string): Promise<NotInterestedList> {
    const rows = await repo.listNotInterested(this.ctx.database.db, userId);
    return {
      items: rows.map((r) => ({ kind: r.kind, target: r.kind === 'topic' ? (r.name ?? r.target_id) : r.target_id, createdAt: iso(r.created_at) })),
    };
  }

  private async topic(name: string) {
    const { hashtagId, topic } = await topicView(this.ctx.database.db, name);
    return { id: hashtagId, name: topic.name };
  }
}
