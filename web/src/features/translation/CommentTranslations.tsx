import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../api/types.js';
import { createCommentTranslationLoader } from './comment-loader.js';
import { languageOf, needsTranslation } from './languages.js';
import { COMMENT_BATCH, translateComment, translateComments } from './translation.api.js';
import { type Reader, useReader } from './useReader.js';

interface Bulk {
  /** Every comment on the page shown translated (true) or as written (false). */
  translated: boolean;
  /** Bumped on each "Translate all" / "Show originals", so items follow even a repeated choice. */
  seq: number;
}

interface State {
  reader: Reader;
  load: (commentId: string) => ReturnType<ReturnType<typeof createCommentTranslationLoader>['load']>;
  bulk: Bulk;
  setBulk: (translated: boolean) => void;
}

const Ctx = createContext<State | null>(null);

/** Whether the reader gets "See translation" under this comment. */
export function offerFor(reader: Reader, comment: Comment): boolean {
  return reader.signedIn && needsTranslation(languageOf({ lang: comment.lang, mixed: comment.langMixed }, comment.body), reader.readLanguages);
}

/**
 * Comment translations for one note: every request made at once (auto-translate, "Translate all
 * comments") goes out as one batched call.
 */
export function CommentTranslationsProvider({ noteId, children }: { noteId: string; children: ReactNode }) {
  const reader = useReader();
  const [bulk, setBulkState] = useState<Bulk>({ translated: false, seq: 0 });
  const loader = useMemo(
    () => createCommentTranslationLoader({ one: translateComment, many: (ids) => translateComments(noteId, ids).then((r) => r.items) }, COMMENT_BATCH),
    [noteId],
  );
  const value = useMemo<State>(
    () => ({ reader, load: loader.load, bulk, setBulk: (translated) => setBulkState((b) => ({ translated, seq: b.seq + 1 })) }),
    [reader, loader, bulk],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCommentTranslations(): State | null {
  return useContext(Ctx);
}

/** "Translate all comments" / "Show all originals", when any comment on the page needs it. */
export function TranslateAllButton({ comments }: { comments: Comment[] }) {
  const { t } = useTranslation();
  const state = useCommentTranslations();
  if (!state || !comments.some((c) => offerFor(state.reader, c))) return null;
  const on = state.bulk.translated;
  return (
    <button type="button" className="tool-btn translate-all" aria-pressed={on} onClick={() => state.setBulk(!on)}>
      {on ? t('translation.showAllOriginals') : t('translation.translateAll')}
    </button>
  );
}
