import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { compactNumber } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import type { NoteFilters, SearchSort, SearchTime } from '../features/search/search.api.js';
import { NoteHitCard, TopicHitRow, UserHitRow } from '../features/search/SearchResults.js';
import { useNoteSearch, useTopicSearch, useTrending, useUserSearch } from '../features/search/useSearch.js';
import '../features/feed/feed.css';
import '../features/search/search.css';

type Tab = 'notes' | 'users' | 'topics';
const TABS: Tab[] = ['notes', 'users', 'topics'];
const SORTS: SearchSort[] = ['relevance', 'likes', 'newest', 'comments', 'collects'];
const TIMES: Array<SearchTime | null> = [null, 'day', 'week', 'half_year'];
const TYPES: Array<'photo' | 'text' | null> = [null, 'photo', 'text'];

function oneOf<T extends string>(value: string | null, allowed: readonly (T | null)[], fallback: T | null): T | null {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Search: notes, people and topics in tabs, with RedNote's sorts and filters; trending topics when empty. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const tab = oneOf<Tab>(params.get('tab'), TABS, 'notes')!;
  const filters: NoteFilters = {
    sort: oneOf<SearchSort>(params.get('sort'), SORTS, 'relevance')!,
    type: oneOf(params.get('type'), TYPES, null),
    time: oneOf(params.get('time'), TIMES, null),
  };
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  useDocumentTitle(q ? t('search.titleFor', { query: q }) : t('search.title'));

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: draft.trim() || null });
  };

  const notes = useNoteSearch(q, filters, tab === 'notes');
  const users = useUserSearch(q, tab === 'users');
  const topics = useTopicSearch(q, tab === 'topics');
  const trending = useTrending();
  const active = tab === 'notes' ? notes : tab === 'users' ? users : topics;
  const count = active.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;

  return (
    <div className="search-page">
      <search>
        <form className="search-form" onSubmit={submit}>
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={draft}
          enterKeyHint="search"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </form>
      </search>

      {!q ? (
        <section className="card trending" aria-labelledby="trending-title">
          <h2 id="trending-title">{t('search.trending')}</h2>
          {trending.isPending && <Spinner />}
          {trending.isError && <ErrorNotice error={trending.error} />}
          {trending.data && trending.data.items.length === 0 && <p className="hint">{t('search.noTrending')}</p>}
          <ol className="trending-list">
            {trending.data?.items.map((topic, i) => (
              <li key={topic.name}>
                <Link to={`/topics/${encodeURIComponent(topic.name)}`}>
                  <span className="trending-rank">{i + 1}</span>
                  <span className="trending-name">#{topic.name}</span>
                  <span className="hint">{t('topic.views', { count: topic.viewCount, formatted: compactNumber(topic.viewCount, i18n.language) })}</span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <>
          <div role="tablist" aria-label={t('search.tabs')} className="search-tabs">
            {TABS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`search-tab-${name}`}
                aria-selected={tab === name}
                aria-controls="search-panel"
                className={`search-tab${tab === name ? ' active' : ''}`}
                onClick={() => set({ tab: name === 'notes' ? null : name })}
              >
                {t(`search.tab.${name}`)}
              </button>
            ))}
          </div>

          <div role="tabpanel" id="search-panel" aria-labelledby={`search-tab-${tab}`}>
            {tab === 'notes' && (
              <div className="search-filters">
                <label>
                  <span>{t('search.sortLabel')}</span>
                  <select value={filters.sort} onChange={(e) => set({ sort: e.target.value === 'relevance' ? null : e.target.value })}>
                    {SORTS.map((s) => (
                      <option key={s} value={s}>
                        {t(`search.sort.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>{t('search.typeLabel')}</span>
                  <select value={filters.type ?? ''} onChange={(e) => set({ type: e.target.value || null })}>
                    {TYPES.map((x) => (
                      <option key={x ?? 'any'} value={x ?? ''}>
                        {t(`search.type.${x ?? 'any'}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>{t('search.timeLabel')}</span>
                  <select value={filters.time ?? ''} onChange={(e) => set({ time: e.target.value || null })}>
                    {TIMES.map((x) => (
                      <option key={x ?? 'any'} value={x ?? ''}>
                        {t(`search.time.${x ?? 'any'}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            )}

            {active.isPending && <Spinner />}
            {active.isError && <ErrorNotice error={active.error} />}
            {active.isSuccess && count === 0 && <p className="hint search-empty">{t('search.noResults', { query: q })}</p>}

            {tab === 'notes' && (
              <div className="search-grid">
                {notes.data?.pages.flatMap((p) => p.items).map((hit) => <NoteHitCard key={hit.note.id} hit={hit} />)}
              </div>
            )}
            {tab === 'users' && <ul className="search-list">{users.data?.pages.flatMap((p) => p.items).map((hit) => <UserHitRow key={hit.user.id} hit={hit} />)}</ul>}
            {tab === 'topics' && (
              <ul className="search-list">{topics.data?.pages.flatMap((p) => p.items).map((hit) => <TopicHitRow key={hit.topic.name} hit={hit} />)}</ul>
            )}
            {active.hasNextPage && (
              <button type="button" className="btn btn-ghost search-more" disabled={active.isFetchingNextPage} onClick={() => active.fetchNextPage()}>
                {active.isFetchingNextPage ? t('common.loading') : t('search.more')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
