import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteCard } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { HeartIcon } from '../../components/Icons.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';
import { compactNumber } from '../../format.js';
import { useLikeToggle } from './useLikeToggle.js';

/** One card in the waterfall: cover, title, author and a like button. */
export function NoteCardView({ card, eager }: { card: NoteCard; eager?: boolean }) {
  const { t, i18n } = useTranslation();
  const like = useLikeToggle(card.id, card.likedByMe, card.likeCount);
  const ratio = card.cover ? Math.min(4 / 3, Math.max(3 / 4, card.cover.height / Math.max(1, card.cover.width))) : 0;
  const titleId = `card-title-${card.id}`;
  return (
    <article className="note-card" aria-labelledby={titleId}>
      <Link to={`/notes/${card.id}`} className="note-card-link">
        {card.cover ? (
          <div className="note-card-cover" style={{ aspectRatio: `1 / ${ratio}` }}>
            <ProgressiveImage image={card.cover} width={240} alt={card.cover.alt} eager={eager} />
          </div>
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
      <div className="note-card-meta">
        <Link to={`/users/${card.author.handle}`} className="note-card-author">
          <Avatar user={card.author} size={20} />
          <span>{card.author.displayName || card.author.handle}</span>
        </Link>
        <button
          type="button"
          className="icon-btn note-card-like"
          aria-pressed={like.liked}
          aria-label={`${like.liked ? t('feed.unlike') : t('feed.like')} · ${t('feed.likes', { count: like.count })}`}
          onClick={like.toggle}
        >
          <HeartIcon size={16} filled={like.liked} />
          <span aria-hidden="true">{compactNumber(like.count, i18n.language)}</span>
        </button>
      </div>
    </article>
  );
}
