import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoverItem } from '../../api/discover.js';
import { reasonText } from './reasonText.js';

/**
 * The "⋯" on a Discover card: why the pipeline chose this note, and "not interested" in the note
 * or in a topic it was chosen for. A disclosure (not a menu role): it holds text as well as buttons.
 */
export function CardMenu({ card, onNotInterested }: { card: DiscoverItem; onNotInterested: (topic?: string) => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const topics = [...new Set(card.reasons.flatMap((r) => (r.topic ? [r.topic] : [])))];

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('button')?.focus();
    const close = (e: KeyboardEvent | MouseEvent) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && panel.current?.contains(e.target as Node)) return;
      if (e instanceof MouseEvent && button.current?.contains(e.target as Node)) return;
      setOpen(false);
      if (e instanceof KeyboardEvent) button.current?.focus();
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  return (
    <div className="card-menu">
      <button
        ref={button}
        type="button"
        className="icon-btn card-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('discover.more')}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div ref={panel} id={panelId} className="card-menu-panel">
          <h4>{t('discover.why')}</h4>
          <ul className="card-reasons">
            {card.reasons.map((r) => (
              <li key={`${r.kind}-${r.topic ?? r.handle ?? r.lang ?? ''}`}>{reasonText(r, t, i18n.language)}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-small btn-block" onClick={() => onNotInterested()}>
            {t('discover.notInterested')}
          </button>
          {topics.map((topic) => (
            <button key={topic} type="button" className="btn btn-small btn-block btn-ghost" onClick={() => onNotInterested(topic)}>
              {t('discover.notInterestedTopic', { topic })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
