import { Type } from 'typebox';
import { CorrectionBody, CorrectionList, Correction, MessageTranslation, Phrase, PhraseBody, PhrasePage } from '../../../contract/chat.js';
import { IdParams, Ok, PageQuery } from '../../../contract/common.js';
import { Token, TranslateBody } from '../../../contract/translation.js';
import type { AppContext } from '../../context.js';
import { pageLimit } from '../../db/pagination.js';
import { badRequest } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { requireViewer } from '../../plugins/auth.js';
import { localeOf } from '../../plugins/locale.js';
import type { KuaanApp } from '../../plugins/types.js';
import { normalizeLang } from '../translation/detect-language.js';
import { TranslationService } from '../translation/translation.service.js';
import { loadVisibleMessage } from './chat.policy.js';
import { CorrectionsService } from './corrections.service.js';
import { PhrasebookService } from './phrasebook.service.js';

/** Learning in chat: inline translation and pinyin of a message, corrections, the phrasebook. */
export function chatLearnRoutes(app: KuaanApp, ctx: AppContext): void {
  const translations = new TranslationService(ctx);
  const corrections = new CorrectionsService(ctx);
  const phrasebook = new PhrasebookService(ctx);
  const tags = ['chat'];
  // The same per-person budget as notes and comments: a provider may charge per character.
  const translateLimit = { rateLimit: { max: ctx.config.translation.perUserPerMinute, timeWindow: '1 minute' } };
  const aidsLimit = { rateLimit: { max: ctx.config.translation.perUserPerMinute * 4, timeWindow: '1 minute' } };
  const writeLimit = { rateLimit: { max: ctx.config.rateLimits.writesPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/chat/messages/:id/translation',
    { schema: { tags, params: IdParams, body: TranslateBody, response: { 200: MessageTranslation } }, config: translateLimit },
    async (request) => {
      const viewer = requireViewer(request);
      const raw = request.body?.target;
      const target = raw === undefined ? localeOf(request) : normalizeLang(raw);
      if (!target) throw badRequest('language_invalid', { lang: String(raw) }, 'target');
      const message = await loadVisibleMessage(ctx.database.db, viewer.userId, request.params.id);
      const [result] = await translations.translateTexts([{ text: message.body, lang: null }], target);
      const { noticeCode, ...rest } = result!;
      return { messageId: message.id, ...rest, targetLang: target, noticeCode, notice: noticeCode ? t(localeOf(request), noticeCode) : null };
    },
  );

  app.get(
    '/api/chat/messages/:id/reading',
    { schema: { tags, params: IdParams, response: { 200: Type.Object({ messageId: Type.String(), tokens: Type.Array(Token) }) } }, config: aidsLimit },
    async (request) => {
      const message = await loadVisibleMessage(ctx.database.db, requireViewer(request).userId, request.params.id);
      return { messageId: message.id, tokens: await ctx.translator.aids.segment(message.body) };
    },
  );

  app.post(
    '/api/chat/messages/:id/corrections',
    { schema: { tags, params: IdParams, body: CorrectionBody, response: { 201: Correction } }, config: writeLimit },
    async (request, reply) => {
      const correction = await corrections.propose(requireViewer(request).userId, request.params.id, request.body.corrected, request.body.note);
      return reply.status(201).send(correction);
    },
  );

  app.get('/api/chat/messages/:id/corrections', { schema: { tags, params: IdParams, response: { 200: CorrectionList } } }, async (request) => ({
    items: await corrections.list(requireViewer(request).userId, request.params.id),
  }));

  app.get('/api/chat/phrasebook', { schema: { tags, querystring: PageQuery, response: { 200: PhrasePage } } }, async (request) =>
    phrasebook.list(requireViewer(request).userId, request.query.cursor, pageLimit(request.query.limit)),
  );

  app.post('/api/chat/phrasebook', { schema: { tags, body: PhraseBody, response: { 201: Phrase } }, config: writeLimit }, async (request, reply) =>
    reply.status(201).send(await phrasebook.save(requireViewer(request).userId, request.body)),
  );

  app.delete('/api/chat/phrasebook/:id', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: writeLimit }, async (request) => {
    await phrasebook.remove(requireViewer(request).userId, request.params.id);
    return { ok: true as const };
  });
}
