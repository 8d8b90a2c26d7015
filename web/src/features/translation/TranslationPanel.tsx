import { useTranslation } from 'react-i18next';
import type { CommentTranslation, NoteTranslation } from '../../../../contract/translation.js';
import { errorText } from '../../components/ErrorNotice.js';
import './translation.css';

type Result = Pick<NoteTranslation, 'provider' | 'kind' | 'fallback' | 'notice' | 'targetLang'> & { title?: string; body: string };

// Product names are the same in every language; the rest comes from the catalogs.
const BRANDS: Partial<Record<NoteTranslation['provider'], string>> = {
  deepl: 'DeepL',
  libretranslate: 'LibreTranslate',
  opencc: 'OpenCC',
};

/** "Translated by DeepL", "Word-by-word gloss · Kuaan dictionary": never a gloss passed off as a translation. */
function useSourceLine(result: Result): string {
  const { t } = useTranslation();
  const provider =
    BRANDS[result.provider] ??
    (result.provider === 'gloss' ? t('translation.providerGloss') : result.provider === 'openai' ? t('translation.providerLlm') : '');
  switch (result.kind) {
    case 'translation':
      return t('translation.translatedBy', { provider });
    case 'gloss':
      return t('translation.glossBy', { provider });
    case 'conversion':
      return t('translation.convertedBy', { provider });
    default:
      return t('translation.untranslated');
  }
}

interface Props {
  id: string;
  result: NoteTranslation | CommentTranslation | undefined;
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  compact?: boolean;
}

/** The translation under the original, with what made it and any notice (gloss, fallback). */
export function TranslationPanel({ id, result, pending, error, onRetry, compact }: Props) {
  const { t } = useTranslation();
  return (
    <div id={id} className={`translation${compact ? ' compact' : ''}`}>
      {pending ? (
        <p className="hint" role="status">
          {t('translation.translating')}
        </p>
      ) : error || !result ? (
        <p className="translation-error" role="alert">
          {errorText(error, t)}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      ) : (
        <TranslationResult result={result} />
      )}
    </div>
  );
}

function TranslationResult({ result }: { result: NoteTranslation | CommentTranslation }) {
  const line = useSourceLine(result);
  const title = 'title' in result ? result.title : '';
  return (
    <>
      <p className={`translation-source ${result.kind}${result.fallback ? ' fallback' : ''}`}>{line}</p>
      {result.kind !== 'original' && (
        <div lang={result.targetLang}>
          {title && <p className="translation-title">{title}</p>}
          <p className="translation-body">{result.body}</p>
        </div>
      )}
      {/* The plain gloss notice says what the source line already says; fallbacks and others explain more. */}
      {result.notice && result.noticeCode !== 'translation_gloss' && <p className="translation-notice">{result.notice}</p>}
    </>
  );
}
