import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchNotifications, markNotificationsRead } from '../api/social.js';
import type { AppNotification } from '../api/types.js';
import { Avatar } from '../components/Avatar.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ProgressiveImage } from '../components/ProgressiveImage.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { UNREAD_KEY } from '../features/auth/useUnreadCount.js';
import { relativeTime } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

export default function NotificationsPage() {
  return (
    <RequireAuth>
      <Notifications />
    </RequireAuth>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const client = useQueryClient();
  useDocumentTitle(t('notifications.title'));
  const list = useInfiniteQuery({
    queryKey: ['notifications'],
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (p) => p.nextCursor,
  });
  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => client.setQueryData(UNREAD_KEY, { unread: 0 }),
  });
  const loaded = list.isSuccess;
  const { mutate } = markRead;
  // Opening the list reads it; the highlight stays until the next visit.
  useEffect(() => {
    if (loaded) mutate();
  }, [loaded, mutate]);

  if (list.isPending) return <Spinner />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <div className="medium">
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
      </div>
      {items.length === 0 ? (
        <p className="empty">{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <NotificationRow key={n.id} n={n} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn-small" onClick={() => void list.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}

function NotificationRow({ n }: { n: AppNotification }) {
  const { t, i18n } = useTranslation();
  // moderation (issue 7): a notice opens the notices page (rule, evidence, appeal).
  const target =
    n.kind === 'moderation' ? '/notices' : n.note ? `/notes/${n.note.id}${n.comment ? '#comments' : ''}` : `/users/${n.actor.handle}`;
  return (
    <li className={`notification ${n.read ? '' : 'unread'}`}>
      <Avatar user={n.actor} size={40} />
      <div className="notification-text">
        <Link to={`/users/${n.actor.handle}`}>{n.actor.displayName || n.actor.handle}</Link>{' '}
        {/* Likes and collects of one note arrive as one notification: "Mei and 11 others". */}
        {n.actorCount > 1 && <span>{t('notifications.andOthers', { count: n.actorCount - 1 })} </span>}
        <Link to={target} className="notification-what">
          {t(`notifications.${n.kind}`)}
        </Link>
        {n.comment && <span className="notification-excerpt">{n.comment.excerpt}</span>}{' '}
        <time className="hint" dateTime={n.createdAt}>
          {relativeTime(n.createdAt, i18n.language)}
        </time>
      </div>
      {n.note?.cover && (
        <Link to={target} className="notification-thumb" aria-label={n.note.title || t('note.carousel')}>
          <ProgressiveImage image={n.note.cover} width={52} alt="" />
        </Link>
      )}
    </li>
  );
}
