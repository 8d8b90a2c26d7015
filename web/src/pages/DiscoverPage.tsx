import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { FeedSource } from '../api/notes.js';
import { Spinner } from '../components/Spinner.js';
import { useMe } from '../features/auth/useMe.js';
import { PullToRefresh } from '../features/feed/PullToRefresh.js';
import { feedKey } from '../features/feed/useFeed.js';
import { Waterfall } from '../features/feed/Waterfall.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** The home page: Discover and Following waterfalls. */
export function DiscoverPage({ tab }: { tab: 'discover' | 'following' }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const source: FeedSource = { kind: tab };
  useDocumentTitle(tab === 'discover' ? t('nav.discover') : t('nav.following'));
  const refresh = useCallback(() => client.resetQueries({ queryKey: feedKey({ kind: tab }) }), [client, tab]);

  if (tab === 'following' && me.isPending) return <Spinner />;
  if (tab === 'following' && !me.data) return <Navigate to="/sign-in?next=/following" replace />;
  return (
    <PullToRefresh onRefresh={refresh}>
      <h1 className="visually-hidden">{tab === 'discover' ? t('nav.discover') : t('nav.following')}</h1>
      <div className="feed-toolbar">
        <span />
        <nav className="feed-tabs" aria-label={t('feed.tabs')}>
          <Link to="/" className="feed-tab" aria-current={tab === 'discover' ? 'page' : undefined}>
            {t('nav.discover')}
          </Link>
          <Link to="/following" className="feed-tab" aria-current={tab === 'following' ? 'page' : undefined}>
            {t('nav.following')}
          </Link>
        </nav>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => void refresh()}>
          {t('common.refresh')}
        </button>
      </div>
      <Waterfall
        key={tab}
        source={source}
        emptyText={tab === 'discover' ? t('feed.emptyDiscover') : t('feed.emptyFollowing')}
      />
    </PullToRefresh>
  );
}
