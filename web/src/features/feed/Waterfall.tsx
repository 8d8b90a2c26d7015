import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedSource } from '../../api/notes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Spinner } from '../../components/Spinner.js';
import { distribute } from './masonry.js';
import { NoteCardView } from './NoteCardView.js';
import { useColumnCount } from './useColumnCount.js';
import { useFeed } from './useFeed.js';
import './feed.css';

/** A masonry of note cards that loads the next page as its end scrolls into view. */
export function Waterfall({ source, emptyText }: { source: FeedSource; emptyText?: string }) {
  const { t } = useTranslation();
  const feed = useFeed(source);
  const columns = useColumnCount();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (feed.isPending) return <Spinner />;
  if (feed.isError) return <ErrorNotice error={feed.error} onRetry={() => void feed.refetch()} />;
  // Discover may serve a note again when it re-ranks between pages; show each note once.
  const seen = new Set<string>();
  const cards = feed.data.pages.flatMap((p) => p.items).filter((c) => !seen.has(c.id) && seen.add(c.id));
  if (cards.length === 0) return <p className="empty">{emptyText ?? t('feed.emptyList')}</p>;
  const cols = distribute(cards, columns);
  return (
    <>
      <div className="waterfall" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {cols.map((col, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions, not items
          <div className="waterfall-col" key={i}>
            {col.map((card, j) => (
              <NoteCardView key={card.id} card={card} eager={j < 2} />
            ))}
          </div>
        ))}
      </div>
      <div ref={sentinel} className="waterfall-end">
        {isFetchingNextPage ? (
          <Spinner />
        ) : hasNextPage ? (
          <button type="button" className="btn btn-small" onClick={() => void fetchNextPage()}>
            {t('common.loadMore')}
          </button>
        ) : (
          <p className="hint">{t('common.theEnd')}</p>
        )}
      </div>
    </>
  );
}
