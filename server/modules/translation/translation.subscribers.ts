import type { AppContext } from '../../context.js';
import { LanguageService } from './language.service.js';

/**
 * Language detection runs after the write has committed, off the request: posting never waits for
 * it, and a failure is only logged (the text then simply has no language yet).
 */
export function subscribeTranslation(ctx: AppContext): void {
  const languages = new LanguageService(ctx);
  ctx.events.on('note.created', ({ noteId }) => languages.detectNote(noteId));
  ctx.events.on('note.updated', ({ noteId }) => languages.detectNote(noteId));
  ctx.events.on('comment.created', ({ commentId }) => languages.detectComment(commentId));
}
