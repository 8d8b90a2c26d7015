import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Note } from '../../api/types.js';
import { RichText } from '../../components/RichText.js';
import { fetchNoteReading } from '../learn/learn.api.js';
import { LazyReadingText } from '../learn/LazyReadingText.js';
import { LearnToggles } from '../learn/LearnToggles.js';
import { useLearnerView } from '../learn/useLearnerView.js';
import { languageOf, needsTranslation } from './languages.js';
import { TranslationPanel } from './TranslationPanel.js';
import { translateNote } from './translation.api.js';
import { useReader } from './useReader.js';
import { useToggleWithAuto } from './useToggleWithAuto.js';

/**
 * A note's title and body with the reading tools under them: "See translation" when the reader
 * may not read it, pinyin with word cards and Simplified ⇄ Traditional when it has Chinese.
 */
export function NoteText({ note }: { note: Note }) {
  const { t } = useTranslation();
  const panelId = useId();
  const reader = useReader();
  const language = languageOf({ lang: note.lang, mixed: note.langMixed }, `${note.title}\n${note.body}`);
  const wanted = needsTranslation(language, reader.readLanguages);
  const offer = reader.signedIn && wanted;
  // Translation needs an account; a visitor is told so where the button would be.
  const signInOffer = !reader.signedIn && wanted;
  const translation = useToggleWithAuto(offer && reader.autoTranslate);
  const result = useQuery({
    queryKey: ['translation', 'note', note.id, note.updatedAt, reader.locale],
    queryFn: () => translateNote(note.id),
    enabled: offer && translation.open,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const view = useLearnerView([note.title, note.body], language.lang);
  const reading = useQuery({
    queryKey: ['reading', note.id, note.updatedAt],
    queryFn: () => fetchNoteReading(note.id),
    enabled: view.pinyin,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const script = view.converted ? view.target : null;
  const [title, body] = view.convertedTexts ?? [note.title, note.body];
  const textLang = view.converted ? view.target : (language.lang ?? undefined);
  // Facets point into the original; a conversion that changed the length cannot keep them.
  const facets = body!.length === note.body.length ? note.facets : [];
  const plainBody = <RichText text={body!} facets={facets} />;

  return (
    <>
      <h1 id="note-title" className="note-title" lang={textLang}>
        {view.pinyin && reading.data ? (
          <LazyReadingText text={note.title} tokens={reading.data.title} script={script} fallback={title} />
        ) : (
          title
        )}
      </h1>
      <p className="note-body" lang={textLang}>
        {view.pinyin && reading.data ? (
          <LazyReadingText text={note.body} tokens={reading.data.body} facets={note.facets} script={script} fallback={plainBody} />
        ) : (
          plainBody
        )}
      </p>
      {(wanted || view.chinese) && (
        // biome-ignore lint/a11y/useSemanticElements: a row of toggles, not a form
        <div className="text-tools" role="group" aria-label={t('learn.toolsLabel')}>
          {offer && (
            <button type="button" className="tool-btn" aria-expanded={translation.open} aria-controls={translation.open ? panelId : undefined} onClick={translation.toggle}>
              {translation.open ? t('translation.hide') : t('translation.see')}
            </button>
          )}
          {signInOffer && <SignInToTranslate className="tool-btn" />}
          <LearnToggles view={view} />
        </div>
      )}
      {view.pinyin && reading.isError && (
        <p className="hint" role="alert">
          {t('learn.readingFailed')}
        </p>
      )}
      {offer && translation.open && (
        <TranslationPanel id={panelId} result={result.data} pending={result.isPending} error={result.error} onRetry={() => void result.refetch()} />
      )}
    </>
  );
}

/** "Sign in to see a translation", coming back to this page afterwards. */
export function SignInToTranslate({ className }: { className: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Link className={`${className} sign-in-offer`} to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
      {t('translation.signInToSee')}
    </Link>
  );
}
