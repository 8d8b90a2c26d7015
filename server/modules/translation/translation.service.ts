import { createHash } from 'node:crypto';
import type { ProviderName } from '../../../contract/translation.js';
import type { AppContext } from '../../context.js';
import type { TranslationCacheTable } from '../../db/schema/index.js';
import { badRequest } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { loadVisibleComment } from '../comments/comments.policy.js';
import { loadVisibleNote } from '../notes/notes.policy.js';
import { blockedEitherWay } from '../social/relations.repo.js';
import type { ChineseScript } from './learner-aids.js';
import { ProviderError } from './providers/provider.js';
import * as repo from './translation.repo.js';

export interface TextInput {
  text: string;
  /** The stored language of the text, if known; detected otherwise. */
  lang: string | null;
}

export interface TextResult {
  text: string;
  sourceLang: string | null;
  provider: ProviderName;
  kind: 'translation' | 'gloss' | 'conversion' | 'original';
  fallback: boolean;
  noticeCode: MessageKey | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const isChinese = (tag: string | null) => tag !== null && (tag === 'zh' || tag.startsWith('zh-'));

function sameLanguage(source: string | null, target: string): boolean {
  if (!source) return false;
  if (isChinese(source) && isChinese(target)) return source === target;
  return source.split('-')[0] === target.split('-')[0];
}

/** The summary of several texts shown once (a note's title and body): the most telling result wins. */
export function summarize(results: TextResult[]): Omit<TextResult, 'text'> {
  const rank = (r: TextResult) => (r.fallback ? 4 : r.kind === 'translation' ? 3 : r.kind === 'gloss' ? 2 : r.kind === 'conversion' ? 1 : 0);
  const best = [...results].sort((a, b) => rank(b) - rank(a))[0]!;
  const { text: _text, ...rest } = best;
  return { ...rest, sourceLang: results.find((r) => r.sourceLang)?.sourceLang ?? null };
}

export class TranslationService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Translates texts into target: one cache query and at most one provider call for the whole
   * batch; the gloss stands in when the provider fails. Exported for chat and other modules.
   */
  async translateTexts(inputs: TextInput[], target: string): Promise<TextResult[]> {
    const { translator } = this.ctx;
    const results: Array<TextResult | null> = [];
    const pending: Array<{ index: number; text: string; source: string | null }> = [];
    for (const [index, input] of inputs.entries()) {
      const source = input.lang ?? (input.text.trim() ? (await translator.detector.detect(input.text)).lang : null);
      const base = { sourceLang: source, fallback: false };
      if (!input.text.trim() || sameLanguage(source, target)) {
        results.push({ ...base, text: input.text, provider: 'none', kind: 'original', noticeCode: null });
      } else if (isChinese(source) && isChinese(target)) {
        const text = await translator.aids.convert(input.text, target as ChineseScript);
        results.push({ ...base, text, provider: 'opencc', kind: 'conversion', noticeCode: 'translation_conversion' });
      } else {
        results.push(null);
        pending.push({ index, text: input.text, source });
      }
    }
    if (pending.length) {
      const translated = translator.provider ? await this.viaProvider(pending, target) : null;
      const glossed = await this.viaGloss(
        pending.filter((p) => !translated?.has(p.index)),
        target,
        translator.provider !== null,
      );
      for (const p of pending) results[p.index] = translated?.get(p.index) ?? glossed.get(p.index)!;
    }
    return results as TextResult[];
  }

  private async viaProvider(
    pending: Array<{ index: number; text: string; source: string | null }>,
    target: string,
  ): Promise<Map<number, TextResult> | null> {
    const provider = this.ctx.translator.provider!;
    const db = this.ctx.database.db;
    const out = new Map<number, TextResult>();
    const keyOf = (p: { text: string; source: string | null }) => `${sha256(p.text)}\t${p.source ?? 'auto'}`;
    const cached = new Map(
      (await repo.findCached(db, pending.map((p) => sha256(p.text)), target, provider.name)).map((r) => [
        `${r.text_hash}\t${r.source}`,
        r.translated,
      ]),
    );
    const misses: typeof pending = [];
    for (const p of pending) {
      const hit = cached.get(keyOf(p));
      if (hit !== undefined) out.set(p.index, this.translated(hit, p.source, provider.name));
      else misses.push(p);
    }
    if (!misses.length) return out;
    // One call for the batch; the source is named only when every text shares it.
    const sources = new Set(misses.map((m) => m.source));
    const source = sources.size === 1 ? [...sources][0]! : null;
    let texts: string[];
    try {
      texts = await provider.translate({ texts: misses.map((m) => m.text), source, target });
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      this.ctx.log.warn({ provider: provider.name, reason: err.reason, err: err.message }, 'translation provider failed; serving the gloss');
      return out;
    }
    const now = this.ctx.clock.now();
    const rows = new Map<string, TranslationCacheTable>();
    misses.forEach((m, i) => {
      out.set(m.index, this.translated(texts[i]!, m.source, provider.name));
      rows.set(keyOf(m), {
        text_hash: sha256(m.text),
        source: m.source ?? 'auto',
        target,
        provider: provider.name,
        translated: texts[i]!,
        created_at: now,
      });
    });
    await repo.storeCached(db, [...rows.values()]);
    return out;
  }

  private translated(text: string, sourceLang: string | null, provider: ProviderName): TextResult {
    return { text, sourceLang, provider, kind: 'translation', fallback: false, noticeCode: null };
  }

  private async viaGloss(
    pending: Array<{ index: number; text: string; source: string | null }>,
    target: string,
    fallback: boolean,
  ): Promise<Map<number, TextResult>> {
    const out = new Map<number, TextResult>();
    for (const p of pending) {
      const [glossed] = await this.ctx.translator.gloss.gloss([p.text], p.source, target);
      out.set(
        p.index,
        glossed == null
          ? { text: p.text, sourceLang: p.source, provider: 'none', kind: 'original', fallback, noticeCode: 'translation_unavailable' }
          : {
              text: glossed,
              sourceLang: p.source,
              provider: 'gloss',
              kind: 'gloss',
              fallback,
              noticeCode: fallback ? 'translation_fallback' : 'translation_gloss',
            },
      );
    }
    return out;
  }

  /** A note's title and body in the target language, if the viewer may see the note. */
  async translateNote(viewerId: string, noteId: string, target: string) {
    const note = await loadVisibleNote(this.ctx.database.db, noteId, viewerId);
    const lang = note.lang ?? null;
    const [title, body] = await this.translateTexts(
      [
        { text: note.title, lang },
        { text: note.body, lang },
      ],
      target,
    );
    return { noteId, title: title!.text, body: body!.text, ...summarize([title!, body!]) };
  }

  /** Comments of one note in one batch; ids of comments gone (or hidden by a block) are left out. */
  async translateComments(viewerId: string, noteId: string, commentIds: string[], target: string) {
    const db = this.ctx.database.db;
    await loadVisibleNote(db, noteId, viewerId);
    const ids = [...new Set(commentIds)];
    const found = await repo.findComments(db, ids);
    const wrong = found.find((c) => c.note_id !== noteId);
    if (wrong) throw badRequest('comment_wrong_note', { id: wrong.id }, 'commentIds');
    // Comments of people blocked either way are hidden everywhere, translations included.
    const blocked = new Set(await blockedEitherWay(db, viewerId));
    const byId = new Map(found.filter((c) => c.author_id === viewerId || !blocked.has(c.author_id)).map((c) => [c.id, c]));
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    const results = await this.translateTexts(
      rows.map((c) => ({ text: c.body, lang: c.lang ?? null })),
      target,
    );
    return rows.map((c, i) => {
      const { text, ...meta } = results[i]!;
      return { commentId: c.id, body: text, ...meta };
    });
  }

  /** One comment, if the viewer may see the note it is on. */
  async translateComment(viewerId: string, commentId: string, target: string) {
    const { comment } = await loadVisibleComment(this.ctx.database.db, commentId, viewerId);
    const [result] = await this.translateTexts([{ text: comment.body, lang: comment.lang ?? null }], target);
    const { text, ...meta } = result!;
    return { commentId, body: text, ...meta };
  }
}
