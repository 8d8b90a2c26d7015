import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../contract/common.js';
import {
  CommentTranslation,
  CommentTranslations,
  ContentLanguage,
  NoteTranslation,
  SetLanguageBody,
  TranslateBody,
  TranslateCommentsBody,
  TranslationSettings,
  UpdateTranslationSettingsBody,
} from '../../../contract/translation.js';
import type { AppContext } from '../../context.js';
import { badRequest } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { requireViewer } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { normalizeLang } from './detect-language.js';
import { LanguageService } from './language.service.js';
import { type TextResult, TranslationService } from './translation.service.js';

/** The target the reader asked for, else their UI language. */
function targetOf(request: FastifyRequest, target: string | undefined): string {
  if (target === undefined) return localeOf(request);
  const lang = normalizeLang(target);
  if (!lang) throw badRequest('language_invalid', { lang: target }, 'target');
  return lang;
}

/** The wire form of a result's metadata: the notice spelled out in the reader's language. */
function present(request: FastifyRequest, target: string, meta: Omit<TextResult, 'text'>) {
  const { noticeCode, ...rest } = meta;
  return { ...rest, targetLang: target, noticeCode, notice: noticeCode ? t(localeOf(request), noticeCode) : null };
}

export function translationRoutes(app: KuaanApp, ctx: AppContext): void {
  const translations = new TranslationService(ctx);
  const languages = new LanguageService(ctx);
  // Translations may cost the operator money per character: a budget per person.
  const translateLimit = { rateLimit: { max: ctx.config.translation.perUserPerMinute, timeWindow: '1 minute' } };
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/notes/:id/translation',
    {
      schema: { tags: ['translation'], params: IdParams, body: TranslateBody, response: { 200: NoteTranslation } },
      config: translateLimit,
    },
    async (request) => {
      const viewer = requireViewer(request);
      const target = targetOf(request, request.body?.target);
      const { noteId, title, body, ...meta } = await translations.translateNote(viewer.userId, request.params.id, target);
      return { noteId, title, body, ...present(request, target, meta) };
    },
  );

  app.post(
    '/api/comments/:id/translation',
    {
      schema: { tags: ['translation'], params: IdParams, body: TranslateBody, response: { 200: CommentTranslation } },
      config: translateLimit,
    },
    async (request) => {
      const viewer = requireViewer(request);
      const target = targetOf(request, request.body?.target);
      const { commentId, body, ...meta } = await translations.translateComment(viewer.userId, request.params.id, target);
      return { commentId, body, ...present(request, target, meta) };
    },
  );

  app.post(
    '/api/notes/:id/comments/translations',
    {
      schema: { tags: ['translation'], params: IdParams, body: TranslateCommentsBody, response: { 200: CommentTranslations } },
      config: translateLimit,
    },
    async (request) => {
      const viewer = requireViewer(request);
      const target = targetOf(request, request.body.target);
      const items = await translations.translateComments(viewer.userId, request.params.id, request.body.commentIds, target);
      return { items: items.map(({ commentId, body, ...meta }) => ({ commentId, body, ...present(request, target, meta) })) };
    },
  );

  app.get(
    '/api/notes/:id/language',
    { schema: { tags: ['translation'], params: IdParams, response: { 200: ContentLanguage } } },
    async (request) => languages.noteLanguage(request.viewer?.userId ?? null, request.params.id),
  );

  app.put(
    '/api/notes/:id/language',
    {
      schema: { tags: ['translation'], params: IdParams, body: SetLanguageBody, response: { 200: ContentLanguage } },
      config: writeLimit,
    },
    async (request) =>
      languages.setNoteLanguage(requireViewer(request).userId, request.params.id, request.body.lang, request.body.mixed),
  );

  app.get(
    '/api/comments/:id/language',
    { schema: { tags: ['translation'], params: IdParams, response: { 200: ContentLanguage } } },
    async (request) => languages.commentLanguage(request.viewer?.userId ?? null, request.params.id),
  );

  app.put(
    '/api/comments/:id/language',
    {
      schema: { tags: ['translation'], params: IdParams, body: SetLanguageBody, response: { 200: ContentLanguage } },
      config: writeLimit,
    },
    async (request) =>
      languages.setCommentLanguage(requireViewer(request).userId, request.params.id, request.body.lang, request.body.mixed),
  );

  app.get(
    '/api/me/translation-settings',
    { schema: { tags: ['translation'], response: { 200: TranslationSettings } } },
    async (request) => languages.settings(requireViewer(request).userId),
  );

  app.put(
    '/api/me/translation-settings',
    {
      schema: { tags: ['translation'], body: UpdateTranslationSettingsBody, response: { 200: TranslationSettings } },
      config: writeLimit,
    },
    async (request) => languages.updateSettings(requireViewer(request).userId, request.body),
  );
}
