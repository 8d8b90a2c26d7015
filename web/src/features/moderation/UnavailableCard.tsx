import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteCard } from '../../api/types.js';

type Unavailable = NonNullable<NoteCard['unavailable']>;

/**
 * A note restricted in the reader's region under a regional rule (ADR 0011): in its place, which rule
 * and a link to it, so nothing disappears without a reason. The server sends none of its content.
 */
export function UnavailableCard({ card }: { card: NoteCard & { unavailable: Unavailable } }) {
  const { t } = useTranslation();
  const titleId = `unavailable-${card.id}`;
  return (
    <article className="note-card note-card-unavailable" aria-labelledby={titleId}>
      <p id={titleId}>{t('moderation.unavailableCard', { rule: card.unavailable.ruleTitle })}</p>
      <p className="hint">{t('moderation.byAuthor', { name: card.author.displayName || card.author.handle })}</p>
      <Link to={`/rules#${card.unavailable.ruleId}`}>{t('moderation.readRule')}</Link>
    </article>
  );
}
