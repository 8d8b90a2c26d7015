import { IdParams } from '../../../contract/common.js';
import {
  ConvertBody,
  Converted,
  NoteReading,
  SegmentBody,
  SegmentQuery,
  Segmentation,
  WordCard,
  WordParams,
} from '../../../contract/translation.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { KuaanApp } from '../../plugins/types.js';
import { loadVisibleNote } from '../notes/notes.policy.js';

const HAN = /\p{Script=Han}/u;

/**
 * Learner aids: tokens with pinyin and glosses (for ruby and word cards), a dictionary card per
 * word, Simplified ⇄ Traditional. All offline; open to visitors, with a per-caller budget.
 */
export function learnRoutes(app: KuaanApp, ctx: AppContext): void {
  const { aids, detector } = ctx.translator;
  const limit = { rateLimit: { max: ctx.config.translation.perUserPerMinute * 4, timeWindow: '1 minute' } };

  async function segmentation(text: string) {
    const [tokens, { lang, mixed }] = await Promise.all([aids.segment(text), detector.detect(text)]);
    return { lang, mixed, tokens };
  }

  app.post(
    '/api/learn/segment',
    { schema: { tags: ['learn'], body: SegmentBody, response: { 200: Segmentation } }, config: limit },
    async (request) => segmentation(request.body.text),
  );

  // The same for short texts as a GET, so a word list or a title can be cached by the browser.
  app.get(
    '/api/learn/segment',
    { schema: { tags: ['learn'], querystring: SegmentQuery, response: { 200: Segmentation } }, config: limit },
    async (request) => segmentation(request.query.text),
  );

  app.get(
    '/api/notes/:id/reading',
    { schema: { tags: ['learn'], params: IdParams, response: { 200: NoteReading } }, config: limit },
    async (request) => {
      const note = await loadVisibleNote(ctx.database.db, request.params.id, request.viewer?.userId ?? null);
      const [title, body] = await Promise.all([aids.segment(note.title), aids.segment(note.body)]);
      return { noteId: note.id, title, body };
    },
  );

  app.get(
    '/api/learn/word/:word',
    { schema: { tags: ['learn'], params: WordParams, response: { 200: WordCard } }, config: limit },
    async (request) => {
      const word = request.params.word.trim();
      const entries = await aids.lookup(word);
      if (!entries.length) throw new AppError(404, 'word_not_in_dictionary', { word });
      return { word, direction: HAN.test(word) ? ('zh-en' as const) : ('en-zh' as const), entries };
    },
  );

  app.post(
    '/api/learn/convert',
    { schema: { tags: ['learn'], body: ConvertBody, response: { 200: Converted } }, config: limit },
    async (request) => ({ text: await aids.convert(request.body.text, request.body.to), to: request.body.to }),
  );
}
