import { useTranslation } from 'react-i18next';
import type { Correction } from './chat.api.js';

/** A correction as a word diff: removed words struck through, added words highlighted. */
export function CorrectionDiff({ correction }: { correction: Correction }) {
  const { t } = useTranslation();
  return (
    <figure className="correction">
      <figcaption>{t('chat.correctedBy', { name: correction.author.displayName || correction.author.handle })}</figcaption>
      <p className="correction-diff">
        {correction.diff.map((part, i) => {
          const key = `${i}-${part.op}`;
          // Screen readers do not announce del/ins: the change is spelled out for them instead.
          if (part.op === 'delete')
            return (
              <span key={key}>
                <span className="visually-hidden">{t('chat.removed', { text: part.text })}</span>
                <del aria-hidden="true">{part.text}</del>
              </span>
            );
          if (part.op === 'insert')
            return (
              <span key={key}>
                <span className="visually-hidden">{t('chat.added', { text: part.text })}</span>
                <ins aria-hidden="true">{part.text}</ins>
              </span>
            );
          return <span key={key}>{part.text}</span>;
        })}
      </p>
      {correction.note && <p className="correction-note">{correction.note}</p>}
    </figure>
  );
}
