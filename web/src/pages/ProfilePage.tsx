import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchProfile } from '../api/auth.js';
import { fetchBoards } from '../api/notes.js';
import { block, follow, unblock, unfollow } from '../api/social.js';
import type { FeedSource } from '../api/notes.js';
import { Avatar } from '../components/Avatar.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { useMe } from '../features/auth/useMe.js';
import { Waterfall } from '../features/feed/Waterfall.js';
import { languageName } from '../features/profile/languageName.js';
import { compactNumber } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
// moderation (issue 7)
import { MuteButton } from '../features/moderation/MuteButton.js';
import { ReportButton } from '../features/moderation/ReportDialog.js';
import '../features/profile/profile.css';

const TABS = ['notes', 'collects', 'likes'] as const;
type Tab = (typeof TABS)[number];

export default function ProfilePage() {
  const { handle = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'notes';
  const boardId = params.get('board');
  const profile = useQuery({ queryKey: ['profile', handle], queryFn: () => fetchProfile(handle) });
  const boards = useQuery({ queryKey: ['boards', handle], queryFn: () => fetchBoards(handle), enabled: tab === 'collects' });
  useDocumentTitle(profile.data?.displayName);

  const relation = useMutation({
    mutationFn: (action: 'follow' | 'unfollow' | 'block' | 'unblock') =>
      ({ follow, unfollow, block, unblock })[action](handle),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['profile', handle] });
      void client.invalidateQueries({ queryKey: ['feed'] });
    },
  });

  if (profile.isPending) return <Spinner />;
  if (profile.isError) return <ErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const n = (x: number) => compactNumber(x, i18n.language);
  const source: FeedSource =
    tab === 'notes'
      ? { kind: 'user', handle: p.handle }
      : tab === 'likes'
        ? { kind: 'likes', handle: p.handle }
        : boardId
          ? { kind: 'board', id: boardId }
          : { kind: 'collects', handle: p.handle };

  return (
    <div className="profile">
      <header className="profile-head">
        <Avatar user={p} size={72} />
        <div>
          <h1>{p.displayName || p.handle}</h1>
          <div className="profile-handle">@{p.handle}</div>
        </div>
      </header>
      <p className="profile-bio">{p.bio || t('profile.noBio')}</p>
      {p.languages.length > 0 && (
        <ul className="lang-badges">
          {p.languages.map((l) => (
            <li key={`${l.kind}-${l.lang}`} className={`lang-badge ${l.kind}`}>
              {languageName(l.lang, i18n.language)} · {l.kind === 'native' ? t('profile.native') : t('profile.learning')}
              {l.level ? ` ${l.level}/5` : ''}
            </li>
          ))}
        </ul>
      )}
      {p.interests.length > 0 && (
        <ul className="lang-badges" aria-label={t('onboarding.interests')}>
          {p.interests.map((tag) => (
            <li key={tag} className="lang-badge interest">
              {/* Tags picked during onboarding have labels in every language; free tags show as typed. */}
              {i18n.exists(`interests.${tag}`) ? t(`interests.${tag}`) : tag}
            </li>
          ))}
        </ul>
      )}
      <dl className="profile-counts">
        <div>
          <dt>{t('profile.following')}</dt>
          <dd>{n(p.counts.following)}</dd>
        </div>
        <div>
          <dt>{t('profile.followers')}</dt>
          <dd>{n(p.counts.followers)}</dd>
        </div>
        <div>
          <dt>{t('profile.likesReceived')}</dt>
          <dd>{n(p.counts.likesReceived)}</dd>
        </div>
      </dl>
      <div className="profile-actions">
        {p.viewer.isMe ? (
          <Link to="/settings" className="btn btn-small">
            {t('profile.editProfile')}
          </Link>
        ) : me ? (
          <>
            {!p.viewer.blocking && (
              <button
                type="button"
                className={`btn btn-small ${p.viewer.following ? '' : 'btn-primary'}`}
                disabled={relation.isPending}
                onClick={() => relation.mutate(p.viewer.following ? 'unfollow' : 'follow')}
              >
                {p.viewer.following ? t('profile.unfollow') : t('profile.follow')}
              </button>
            )}
            {p.viewer.followedBy && <span className="hint">{t('profile.followsYou')}</span>}
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={relation.isPending}
              onClick={() => {
                if (p.viewer.blocking) relation.mutate('unblock');
                else if (window.confirm(t('profile.confirmBlock', { handle: p.handle }))) relation.mutate('block');
              }}
            >
              {p.viewer.blocking ? t('profile.unblock') : t('profile.block')}
            </button>
            {/* moderation (issue 7): mute quietly; report the account under a rule */}
            <MuteButton userId={p.id} />
            <ReportButton kind="account" id={p.id} />
          </>
        ) : null}
      </div>
      <nav className="feed-tabs" aria-label={t('profile.tabs')}>
        {TABS.map((name) => (
          <Link
            key={name}
            to={`?tab=${name}`}
            className="feed-tab"
            aria-current={tab === name ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              setParams(name === 'notes' ? {} : { tab: name });
            }}
          >
            {t(`profile.tab${name[0]!.toUpperCase()}${name.slice(1)}`)}
          </Link>
        ))}
      </nav>
      {tab === 'collects' && boards.data && boards.data.length > 0 && (
        <fieldset className="board-chips">
          <legend className="visually-hidden">{t('profile.boards')}</legend>
          <button type="button" className="chip" aria-pressed={!boardId} onClick={() => setParams({ tab: 'collects' })}>
            {t('profile.allCollects')}
          </button>
          {boards.data.map((b) => (
            <button
              type="button"
              key={b.id}
              className="chip"
              aria-pressed={boardId === b.id}
              onClick={() => setParams({ tab: 'collects', board: b.id })}
            >
              {b.name} · {b.collectCount}
            </button>
          ))}
        </fieldset>
      )}
      <Waterfall key={JSON.stringify(source)} source={source} />
    </div>
  );
}
