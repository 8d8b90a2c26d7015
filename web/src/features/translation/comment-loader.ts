import type { CommentTranslation } from '../../../../contract/translation.js';

export interface CommentTranslationSource {
  one(commentId: string): Promise<CommentTranslation>;
  many(commentIds: string[]): Promise<CommentTranslation[]>;
}

interface Waiting {
  resolve: (t: CommentTranslation) => void;
  reject: (e: unknown) => void;
}

/**
 * Collects the comment translations asked for in the same tick (a page opening with auto-translate,
 * "Translate all comments") and sends them as one batched request per `batchSize` comments; a lone
 * request goes to the single-comment endpoint.
 */
export function createCommentTranslationLoader(source: CommentTranslationSource, batchSize: number) {
  let queue = new Map<string, Waiting[]>();
  let scheduled = false;

  async function send(ids: string[], waiting: Map<string, Waiting[]>) {
    try {
      const results = ids.length === 1 ? [await source.one(ids[0]!)] : await source.many(ids);
      const byId = new Map(results.map((r) => [r.commentId, r]));
      for (const id of ids) {
        const result = byId.get(id);
        for (const w of waiting.get(id) ?? []) {
          if (result) w.resolve(result);
          else w.reject(new Error(`no translation for comment ${id}`));
        }
      }
    } catch (error) {
      for (const id of ids) for (const w of waiting.get(id) ?? []) w.reject(error);
    }
  }

  function flush() {
    scheduled = false;
    const waiting = queue;
    queue = new Map();
    const ids = [...waiting.keys()];
    for (let i = 0; i < ids.length; i += batchSize) void send(ids.slice(i, i + batchSize), waiting);
  }

  return {
    load(commentId: string): Promise<CommentTranslation> {
      return new Promise((resolve, reject) => {
        const list = queue.get(commentId) ?? [];
        list.push({ resolve, reject });
        queue.set(commentId, list);
        if (!scheduled) {
          scheduled = true;
          setTimeout(flush, 0);
        }
      });
    },
  };
}

export type CommentTranslationLoader = ReturnType<typeof createCommentTranslationLoader>;
