import { useQuery } from '@tanstack/react-query';
import { type MouseEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.js';
import { fetchWord } from './learn.api.js';
import type { ChineseScriptTag, Token } from './learn.types.js';
import { displayForm, lookupForm } from './ruby.js';

interface Props {
  token: Token;
  script: ChineseScriptTag | null;
  onClose: () => void;
}

/**
 * A word's card: pinyin, dictionary senses, Simplified and Traditional forms. It opens at once with
 * what the reading already knows and fills in from the dictionary. Escape, the close button or a
 * tap outside close it; the caller returns focus to the word.
 */
export function WordCardDialog({ token, script, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const word = lookupForm(token);
  const card = useQuery({ queryKey: ['word', word], queryFn: () => fetchWord(word), staleTime: Number.POSITIVE_INFINITY, retry: false });
  const notFound = card.error instanceof ApiError && card.error.status === 404;

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const close = () => {
    ref.current?.close();
    onClose();
  };
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) close();
  };

  const chinese = token.kind === 'han';
  const entries = card.data?.entries ?? [];

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on a tap outside the card; Escape does the same from the keyboard
    <dialog
      ref={ref}
      className="word-card"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={onBackdrop}
    >
      <div className="word-card-head">
        <h2 id={titleId} className="word-card-word" lang={chinese ? (script ?? undefined) : 'en'}>
          {displayForm(token, script)}
        </h2>
        <button type="button" className="icon-btn word-card-close" onClick={close} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      {chinese && token.pinyin && <p className="word-card-pinyin">{token.pinyin}</p>}
      {chinese && (token.simplified || token.traditional) && (
        <dl className="word-card-forms">
          <div>
            <dt>{t('learn.simplifiedForm')}</dt>
            <dd lang="zh-Hans">{token.simplified ?? token.text}</dd>
          </div>
          <div>
            <dt>{t('learn.traditionalForm')}</dt>
            <dd lang="zh-Hant">{token.traditional ?? token.text}</dd>
          </div>
        </dl>
      )}
      {card.isPending ? (
        <p className="hint" role="status">
          {t('common.loading')}
        </p>
      ) : chinese && entries.length === 1 ? (
        <ol className="word-card-entries">
          {entries[0]!.senses.slice(0, 8).map((sense) => (
            <li key={sense}>{sense}</li>
          ))}
        </ol>
      ) : entries.length > 0 ? (
        <ol className="word-card-entries">
          {entries.map((e) => (
            <li key={`${e.traditional}|${e.pinyinNumbered}`}>
              <span className="word-card-entry-pinyin">
                {!chinese && <span lang="zh-Hans">{e.simplified}</span>}
                {!chinese && e.traditional !== e.simplified && <span lang="zh-Hant"> ({e.traditional})</span>} {e.pinyin}{' '}
              </span>
              {e.senses.slice(0, chinese ? 6 : 2).join('; ')}
            </li>
          ))}
        </ol>
      ) : token.glosses.length > 0 ? (
        <ol className="word-card-entries">
          {token.glosses.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ol>
      ) : (
        <p className="hint">{notFound ? t('learn.notInDictionary') : t('common.error')}</p>
      )}
      <p className="word-card-source hint">{t('learn.dictionarySource')}</p>
    </dialog>
  );
}
