import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { markNotInterested, type Reason, undoNotInterested } from '../../api/discover.js';
import type { NoteCard } from '../../api/types.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';
import { CardMenu } from '../discover/CardMenu.js';
import { HiddenCard } from '../discover/HiddenCard.js';
import { NoteCardMeta } from './NoteCardMeta.js';
// video notes (issue 9)
import { VideoPreview } from '../video/VideoPreview.js';
import '../video/video.css';
// moderation (issue 7)
import { Sensitive } from '../moderation/Sensitive.js';
import { UnavailableCard } from '../moderation/UnavailableCard.js';
import '../moderation/moderation.css';

/**
 * One card in the waterfall: cover, title, author and a like button. Discover's cards also carry
 * the pipeline's reasons: a "⋯" shows them and offers "not interested".
 */
export function NoteCardView({ card, eager }: { card: NoteCard & { reasons?: Reason[] }; eager?: boolean }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<{ topic?: string } | null>(null);
  if (card.unavailable) return <UnavailableCard card={{ ...card, unavailable: card.unavailable }} />;
  if (hidden) {
    const body = hidden.topic ? { topic: hidden.topic } : { noteId: card.id };
    return <HiddenCard topic={hidden.topic} onUndo={() => void undoNotInterested(body).then(() => setHidden(null))} />;
  }
  const notInterested = (topic?: string) =>
    void markNotInterested(topic ? { topic } : { noteId: card.id }).then(() => setHidden(topic ? { topic } : {}));
  const ratio = card.cover ? Math.min(4 / 3, Math.max(3 / 4, card.cover.height / Math.max(1, card.cover.width))) : 0;
  const titleId = `card-title-${card.id}`;
  return (
    <article className="note-card" aria-labelledby={titleId}>
      <Link to={`/notes/${card.id}`} className="note-card-link">
        {card.cover ? (
          <Sensitive sensitive={card.sensitive}>
            <div className="note-card-cover" style={{ aspectRatio: `1 / ${ratio}` }}>
              {card.video ? (
                <VideoPreview preview={card.video} poster={card.cover} eager={eager} />
              ) : (
                <ProgressiveImage image={card.cover} width={240} alt={card.cover.alt} eager={eager} />
              )}
            </div>
          </Sensitive>
        ) : (
          <div className="note-card-text" aria-hidden="true">
            <p>{card.excerpt || card.title}</p>
          </div>
        )}
        {/* A text note without a title already shows its words on the cover: name it for screen readers only. */}
        <h3 className={`note-card-title ${!card.title && !card.cover ? 'visually-hidden' : ''}`} id={titleId}>
          {card.title || card.excerpt.slice(0, 40) || t('feed.textNote')}
        </h3>
      </Link>
      {card.distribution && (
        <p className={`distribution distribution-${card.distribution}`}>
          {t('moderation.distribution', { state: t(`moderation.state.${card.distribution}`) })}
        </p>
      )}
      <NoteCardMeta card={card} />
      {card.reasons && <CardMenu card={{ ...card, reasons: card.reasons }} onNotInterested={notInterested} />}
    </article>
  );
}
