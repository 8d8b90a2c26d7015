import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteCard } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { HeartIcon } from '../../components/Icons.js';
import { compactNumber } from '../../format.js';
import { useLikeToggle } from './useLikeToggle.js';

/** The foot of a note card wherever it appears (waterfall, search): author and a like button. */
export function NoteCardMeta({ card }: { card: NoteCard }) {
  const { t, i18n } = useTranslation();
  const like = useLikeToggle(card.id, card.likedByMe, card.likeCount);
  return (
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
  );
}
