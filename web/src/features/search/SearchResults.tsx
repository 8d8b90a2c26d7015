import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';
import { compactNumber } from '../../format.js';
import { NoteCardMeta } from '../feed/NoteCardMeta.js';
import { UnavailableCard } from '../moderation/UnavailableCard.js';
import { Highlighted } from './Highlighted.js';
import type { NoteHit, TopicHit, UserHit } from './search.api.js';
import { MatchBadge } from './TranslationBadge.js';

/** A note in the results: cover or excerpt, highlighted title, and how it matched. */
export function NoteHitCard({ hit }: { hit: NoteHit }) {
  const { t } = useTranslation();
  const card = hit.note;
  const titleId = `hit-title-${card.id}`;
  if (card.unavailable) return <UnavailableCard card={{ ...card, unavailable: card.unavailable }} />;
  return (
    <article className="note-card search-hit" aria-labelledby={titleId}>
      <Link to={`/notes/${card.id}`} className="note-card-link">
        {card.cover ? (
          <div className="note-card-cover" style={{ aspectRatio: `${card.cover.width} / ${card.cover.height}` }}>
            <ProgressiveImage image={card.cover} width={240} alt={card.cover.alt} />
          </div>
        ) : (
          <div className="note-card-text">
            <p>
              <Highlighted text={card.excerpt || card.title} ranges={card.excerpt ? hit.highlights.excerpt : hit.highlights.title} />
            </p>
          </div>
        )}
        <h3 className="note-card-title" id={titleId}>
          <Highlighted text={card.title || t('feed.textNote')} ranges={card.title ? hit.highlights.title : []} />
        </h3>
      </Link>
      <MatchBadge via={hit.matchedVia} />
      <NoteCardMeta card={card} />
    </article>
  );
}

/** A person in the results. */
export function UserHitRow({ hit }: { hit: UserHit }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="search-row">
      <Link to={`/users/${hit.user.handle}`} className="search-row-link">
        <Avatar user={hit.user} size={44} />
        <span className="search-row-body">
          <span className="search-row-title">
            <Highlighted text={hit.user.displayName || hit.user.handle} ranges={hit.user.displayName ? hit.highlights.displayName : hit.highlights.handle} />
          </span>
          <span className="hint">
            @<Highlighted text={hit.user.handle} ranges={hit.highlights.handle} />
            {' · '}
            {t('search.followers', { count: hit.followerCount, formatted: compactNumber(hit.followerCount, i18n.language) })}
          </span>
          {hit.bio && (
            <span className="search-row-bio">
              <Highlighted text={hit.bio} ranges={hit.highlights.bio} />
            </span>
          )}
        </span>
        <MatchBadge via={hit.matchedVia} />
      </Link>
    </li>
  );
}

/** A topic in the results, with its view and note counts. */
export function TopicHitRow({ hit }: { hit: TopicHit }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => compactNumber(x, i18n.language);
  return (
    <li className="search-row">
      <Link to={`/topics/${encodeURIComponent(hit.topic.name)}`} className="search-row-link">
        <span className="topic-mark small" aria-hidden="true">
          #
        </span>
        <span className="search-row-body">
          <span className="search-row-title">
            #<Highlighted text={hit.topic.name} ranges={hit.highlights.name} />
          </span>
          <span className="hint">
            {t('topic.views', { count: hit.topic.viewCount, formatted: n(hit.topic.viewCount) })} · {t('topic.notes', { count: hit.topic.noteCount })}
          </span>
        </span>
        <MatchBadge via={hit.matchedVia} />
      </Link>
    </li>
  );
}
