import type { TranslationSettings, UpdateTranslationSettingsBody } from '../../../contract/translation.js';
import type { AppContext } from '../../context.js';
import { badRequest, forbidden } from '../../errors.js';
import { loadVisibleComment } from '../comments/comments.policy.js';
import { loadOwnNote, loadVisibleNote } from '../notes/notes.policy.js';
import { normalizeLang } from './detect-language.js';
import * as repo from './translation.repo.js';

function cleanLang(tag: string, field: string): string {
  const lang = normalizeLang(tag);
  if (!lang) throw badRequest('language_invalid', { lang: tag.slice(0, 35) }, field);
  return lang;
}

/** Languages of notes and comments, and each person's translation settings. */
export class LanguageService {
  constructor(private readonly ctx: AppContext) {}

  /** Detects and stores the language of a note after it is written; never overrides the author. */
  async detectNote(noteId: string): Promise<void> {
    const db = this.ctx.database.db;
    const note = await repo.noteText(db, noteId);
    if (!note) return;
    const { lang, mixed } = await this.ctx.translator.detector.detect(`${note.title}\n${note.body}`);
    await this.ctx.database.write((w) => repo.storeDetectedLanguage(w, 'notes', noteId, lang, mixed));
  }

  /** Detects and stores the language of a comment after it is written. */
  async detectComment(commentId: string): Promise<void> {
    const db = this.ctx.database.db;
    const comment = await repo.commentText(db, commentId);
    if (!comment) return;
    const { lang, mixed } = await this.ctx.translator.detector.detect(comment.body);
    await this.ctx.database.write((w) => repo.storeDetectedLanguage(w, 'comments', commentId, lang, mixed));
  }

  /** The stored language of a note the viewer may see. */
  async noteLanguage(viewerId: string | null, noteId: string) {
    await loadVisibleNote(this.ctx.database.db, noteId, viewerId);
    return (await repo.getLanguage(this.ctx.database.db, 'notes', noteId))!;
  }

  /** The author corrects the language of their note; detection never overrides it afterwards. */
  async setNoteLanguage(userId: string, noteId: string, tag: string, mixed?: boolean) {
    const db = this.ctx.database.db;
    await loadOwnNote(db, noteId, userId);
    const lang = cleanLang(tag, 'lang');
    const current = await repo.getLanguage(db, 'notes', noteId);
    await repo.storeAuthorLanguage(db, 'notes', noteId, lang, mixed ?? current?.mixed ?? false);
    return (await repo.getLanguage(db, 'notes', noteId))!;
  }

  /** The stored language of a comment on a note the viewer may see. */
  async commentLanguage(viewerId: string | null, commentId: string) {
    const comment = await this.visibleComment(viewerId, commentId);
    return (await repo.getLanguage(this.ctx.database.db, 'comments', comment.id))!;
  }

  /** The author corrects the language of their comment. */
  async setCommentLanguage(userId: string, commentId: string, tag: string, mixed?: boolean) {
    const db = this.ctx.database.db;
    const comment = await this.visibleComment(userId, commentId);
    if (comment.author_id !== userId) throw forbidden();
    const lang = cleanLang(tag, 'lang');
    const current = await repo.getLanguage(db, 'comments', commentId);
    await repo.storeAuthorLanguage(db, 'comments', commentId, lang, mixed ?? current?.mixed ?? false);
    return (await repo.getLanguage(db, 'comments', commentId))!;
  }

  private async visibleComment(viewerId: string | null, commentId: string) {
    return (await loadVisibleComment(this.ctx.database.db, commentId, viewerId)).comment;
  }

  /** The viewer's settings; defaults (no auto-translate, reads their UI language) until they save. */
  async settings(userId: string): Promise<TranslationSettings> {
    const db = this.ctx.database.db;
    const row = await repo.getSettings(db, userId);
    if (row) return { autoTranslate: row.auto_translate === 1, readLanguages: JSON.parse(row.read_languages) as string[] };
    const ui = await repo.uiLocaleOf(db, userId);
    return { autoTranslate: false, readLanguages: ui ? [ui] : [] };
  }

  /** Saves the viewer's settings; every language is checked before anything is written. */
  async updateSettings(userId: string, patch: UpdateTranslationSettingsBody): Promise<TranslationSettings> {
    const current = await this.settings(userId);
    const readLanguages = patch.readLanguages
      ? [...new Set(patch.readLanguages.map((tag, i) => cleanLang(tag, `readLanguages.${i}`)))]
      : current.readLanguages;
    const autoTranslate = patch.autoTranslate ?? current.autoTranslate;
    await repo.upsertSettings(this.ctx.database.db, userId, autoTranslate, readLanguages, this.ctx.clock.now());
    return { autoTranslate, readLanguages };
  }
}
