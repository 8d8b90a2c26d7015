import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { FEED_PREFERENCES_KEY, fetchFeedPreferences } from '../api/discover.js';
import type { FeedSource } from '../api/notes.js';
import { Spinner } from '../components/Spinner.js';
import { useMe } from '../features/auth/useMe.js';
import { PullToRefresh } from '../features/feed/PullToRefresh.js';
import { Waterfall } from '../features/feed/Waterfall.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** The home page: Discover and Following waterfalls. */
export function DiscoverPage({ tab }: { tab: 'discover' | 'following' }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  // Unset: the server applies the reader's saved order; the toggle overrides it for this visit.
  const [mode, setMode] = useState<'for_you' | 'chronological' | undefined>(undefined);
  const saved = useQuery({ queryKey: FEED_PREFERENCES_KEY, queryFn: fetchFeedPreferences, enabled: Boolean(me.data) });
  const shownMode = mode ?? saved.data?.mode ?? 'for_you';
  const source: FeedSource = tab === 'discover' ? { kind: 'discover', ...(mode ? { mode } : {}) } : { kind: tab };
  useDocumentTitle(tab === 'discover' ? t('nav.discover') : t('nav.following'));
  const refresh = useCallback(() => client.resetQueries({ queryKey: ['feed'] }), [client]);

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
      {tab === 'discover' && (
        <fieldset className="segmented discover-mode">
          <legend className="visually-hidden">{t('discover.modeTitle')}</legend>
          {(['for_you', 'chronological'] as const).map((m) => (
            <button key={m} type="button" className="chip" aria-pressed={shownMode === m} onClick={() => setMode(m)}>
              {m === 'for_you' ? t('discover.forYou') : t('discover.latest')}
            </button>
          ))}
        </fieldset>
      )}
      <Waterfall
        key={`${tab}-${mode ?? ''}`}
        source={source}
        emptyText={tab === 'discover' ? t('feed.emptyDiscover') : t('feed.emptyFollowing')}
      />
    </PullToRefresh>
  );
}
