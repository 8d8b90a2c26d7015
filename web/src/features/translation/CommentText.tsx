import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../api/types.js';
import { RichText } from '../../components/RichText.js';
import { segmentText } from '../learn/learn.api.js';
import { LazyReadingText } from '../learn/LazyReadingText.js';
import { LearnToggles } from '../learn/LearnToggles.js';
import { useLearnerView } from '../learn/useLearnerView.js';
import { offerFor, useCommentTranslations } from './CommentTranslations.js';
import { languageOf, needsTranslation } from './languages.js';
import { SignInToTranslate } from './NoteText.js';
import { TranslationPanel } from './TranslationPanel.js';
import { useToggleWithAuto } from './useToggleWithAuto.js';

/** A comment's body with "See translation", pinyin and the script toggle under it. */
export function CommentText({ comment, prefix }: { comment: Comment; prefix?: ReactNode }) {
  const { t } = useTranslation();
  const panelId = useId();
  const state = useCommentTranslations();
  const language = languageOf({ lang: comment.lang, mixed: comment.langMixed }, comment.body);
  const offer = state !== null && offerFor(state.reader, comment);
  const signInOffer = state !== null && !state.reader.signedIn && needsTranslation(language, state.reader.readLanguages);
  const translation = useToggleWithAuto(offer && Boolean(state?.reader.autoTranslate));
  const bulkSeq = state?.bulk.seq ?? 0;
  const bulkOn = state?.bulk.translated ?? false;
  const setOpen = translation.set;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows "Translate all" only when it is pressed, not on every render
  useEffect(() => {
    if (bulkSeq > 0 && offer) setOpen(bulkOn);
  }, [bulkSeq]);
  const result = useQuery({
    queryKey: ['translation', 'comment', comment.id, state?.reader.locale],
    queryFn: () => state!.load(comment.id),
    enabled: offer && translation.open,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const view = useLearnerView([comment.body], language.lang);
  const reading = useQuery({
    queryKey: ['segment', comment.body],
    queryFn: () => segmentText(comment.body),
    enabled: view.pinyin,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [body] = view.convertedTexts ?? [comment.body];
  const facets = body!.length === comment.body.length ? comment.facets : [];
  const plain = <RichText text={body!} facets={facets} />;

  return (
    <>
      <p className="comment-body">
        {prefix}
        <span lang={view.converted ? view.target : (language.lang ?? undefined)}>
          {view.pinyin && reading.data ? (
            <LazyReadingText
              text={comment.body}
              tokens={reading.data.tokens}
              facets={comment.facets}
              script={view.converted ? view.target : null}
              fallback={plain}
            />
          ) : (
            plain
          )}
        </span>
      </p>
      {(offer || signInOffer || view.chinese) && (
        // biome-ignore lint/a11y/useSemanticElements: a row of toggles, not a form
        <div className="comment-tools" role="group" aria-label={t('learn.toolsLabel')}>
          {offer && (
            <button
              type="button"
              className="link-button"
              aria-expanded={translation.open}
              aria-controls={translation.open ? panelId : undefined}
              onClick={translation.toggle}
            >
              {translation.open ? t('translation.hide') : t('translation.see')}
            </button>
          )}
          {signInOffer && <SignInToTranslate className="link-button" />}
          <LearnToggles view={view} className="link-button" />
        </div>
      )}
      {offer && translation.open && (
        <TranslationPanel
          id={panelId}
          compact
          result={result.data}
          pending={result.isPending}
          error={result.error}
          onRetry={() => void result.refetch()}
        />
      )}
    </>
  );
}
