import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../components/Avatar.js';
import { ErrorNotice, errorText } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useMe } from '../features/auth/useMe.js';
import { ChatSettingsCard, Phrasebook } from '../features/chat/Phrasebook.js';
import {
  answerPartnerRequest,
  fetchPartnerProfile,
  fetchPartnerRequests,
  fetchPartners,
  fetchSuggestions,
  type PartnerProfile,
  savePartnerProfile,
  sendPartnerRequest,
  type Suggestion,
} from '../features/corner/corner.api.js';
import { reasonParts } from '../features/corner/reasons.js';
import { languageName } from '../features/profile/languageName.js';
import '../features/chat/chat.css';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** Usual free time as a few blocks a person can tick, each a set of local hours of the week. */
const BLOCKS = {
  weekdayMornings: { days: [0, 1, 2, 3, 4], hours: [7, 8, 9, 10, 11] },
  weekdayEvenings: { days: [0, 1, 2, 3, 4], hours: [18, 19, 20, 21, 22] },
  weekendMornings: { days: [5, 6], hours: [8, 9, 10, 11] },
  weekendAfternoons: { days: [5, 6], hours: [13, 14, 15, 16, 17] },
  weekendEvenings: { days: [5, 6], hours: [18, 19, 20, 21, 22] },
} as const;
type Block = keyof typeof BLOCKS;
const hoursOf = (b: Block) => BLOCKS[b].days.flatMap((d) => BLOCKS[b].hours.map((h) => d * 24 + h));

export default function PartnersPage() {
  return (
    <RequireAuth>
      <Partners />
    </RequireAuth>
  );
}

function Partners() {
  const { t } = useTranslation();
  useDocumentTitle(t('corner.partners'));
  const profile = useQuery({ queryKey: ['partner-profile'], queryFn: fetchPartnerProfile });
  return (
    <div className="medium partners-page">
      <div className="page-head">
        <h1>{t('corner.partners')}</h1>
        <Link to="/messages" className="btn btn-small">
          {t('chat.title')}
        </Link>
        <Link to="/corner" className="btn btn-small">
          {t('corner.rooms')}
        </Link>
      </div>
      {profile.isPending ? <Spinner /> : profile.isError ? <ErrorNotice error={profile.error} /> : <ProfileCard profile={profile.data} />}
      <Requests />
      <PartnerList />
      {profile.data && <Suggestions profile={profile.data} />}
      <Phrasebook />
      <ChatSettingsCard />
    </div>
  );
}

function ProfileCard({ profile }: { profile: PartnerProfile }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(profile.open);
  const [zone, setZone] = useState(profile.timeZone === 'UTC' ? Intl.DateTimeFormat().resolvedOptions().timeZone : profile.timeZone);
  const have = new Set(profile.availability);
  const [blocks, setBlocks] = useState<Set<Block>>(new Set((Object.keys(BLOCKS) as Block[]).filter((b) => hoursOf(b).every((h) => have.has(h)))));
  const save = useMutation({
    mutationFn: () => savePartnerProfile({ open, timeZone: zone, availability: [...new Set([...blocks].flatMap(hoursOf))] }),
    onSuccess: (data) => {
      client.setQueryData(['partner-profile'], data);
      void client.invalidateQueries({ queryKey: ['suggestions'] });
    },
  });
  return (
    <form
      className="card partner-profile"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t('corner.myProfile')}</h2>
      <label className="switch-row">
        <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
        {t('corner.openToPartners')}
      </label>
      <label>
        {t('corner.timeZone')}
        <input value={zone} onChange={(e) => setZone(e.target.value)} />
      </label>
      <fieldset className="segmented">
        <legend>{t('corner.availability')}</legend>
        {(Object.keys(BLOCKS) as Block[]).map((b) => (
          <label key={b} className="chip">
            <input
              type="checkbox"
              checked={blocks.has(b)}
              onChange={(e) => {
                const next = new Set(blocks);
                if (e.target.checked) next.add(b);
                else next.delete(b);
                setBlocks(next);
              }}
            />
            {t(`corner.${b}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {t('corner.languagesHint')} <Link to="/settings">{t('nav.settings')}</Link>
      </p>
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t('common.save')}
      </button>
      {save.isSuccess && <span role="status">{t('common.saved')}</span>}
      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(save.error, t)}
        </p>
      )}
    </form>
  );
}

function Suggestions({ profile }: { profile: PartnerProfile }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState('');
  const [minLevel, setMinLevel] = useState(0);
  const [region, setRegion] = useState('');
  const filters = { lang, minLevel, region: /^[A-Z]{2}$/.test(region) ? region : '' };
  const list = useQuery({ queryKey: ['suggestions', filters], queryFn: () => fetchSuggestions(filters) });
  const learning = profile.languages.filter((l) => l.kind === 'learning');
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('corner.suggestions')}</h2>
      <div className="partner-filters">
        <label>
          {t('corner.filterLanguage')}
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="">{t('corner.any')}</option>
            {learning.map((l) => (
              <option key={l.lang} value={l.lang}>
                {languageName(l.lang, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('corner.filterLevel')}
          <select value={minLevel} onChange={(e) => setMinLevel(Number(e.target.value))}>
            <option value={0}>{t('corner.any')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}+
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('corner.filterRegion')}
          <input value={region} maxLength={2} placeholder="CN" onChange={(e) => setRegion(e.target.value.toUpperCase())} />
        </label>
      </div>
      {!profile.open && <p className="hint">{t('corner.closedHint')}</p>}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t(learning.length ? 'corner.noSuggestions' : 'corner.addLearning')}</p>
      ) : (
        <ul className="suggestion-list">
          {list.data.items.map((s) => (
            <SuggestionCard key={s.user.id} s={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SuggestionCard({ s }: { s: Suggestion }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const ask = useMutation({
    mutationFn: () => sendPartnerRequest(s.user.handle),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['partner-requests'] }),
  });
  return (
    <li className="card suggestion">
      <Avatar user={s.user} size={48} />
      <div>
        <Link to={`/users/${s.user.handle}`} className="suggestion-name">
          {s.user.displayName || s.user.handle}
        </Link>
        <p className="suggestion-reasons">{reasonParts(s.reasons, t, i18n.language).join(' · ')}</p>
        <button type="button" className="btn btn-primary btn-small" disabled={ask.isPending || ask.isSuccess} onClick={() => ask.mutate()}>
          {ask.isSuccess ? t('corner.requested') : t('corner.ask')}
        </button>
        {ask.isError && (
          <p className="form-error" role="alert">
            {errorText(ask.error, t)}
          </p>
        )}
      </div>
    </li>
  );
}

function Requests() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const incoming = useQuery({ queryKey: ['partner-requests', 'incoming'], queryFn: () => fetchPartnerRequests('incoming') });
  const answer = useMutation({
    mutationFn: ({ id, a }: { id: string; a: 'accept' | 'decline' | 'ignore' }) => answerPartnerRequest(id, a),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['partner-requests'] });
      void client.invalidateQueries({ queryKey: ['partners'] });
    },
  });
  const items = incoming.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('corner.requests')}</h2>
      <ul className="suggestion-list">
        {items.map((r) => (
          <li key={r.id} className="card suggestion">
            <Avatar user={r.from} size={40} />
            <div>
              <strong>{r.from.displayName || r.from.handle}</strong>
              {r.message && <p>{r.message}</p>}
              <div className="row-actions">
                <button type="button" className="btn btn-primary btn-small" onClick={() => answer.mutate({ id: r.id, a: 'accept' })}>
                  {t('chat.accept')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => answer.mutate({ id: r.id, a: 'decline' })}>
                  {t('chat.decline')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => answer.mutate({ id: r.id, a: 'ignore' })}>
                  {t('corner.ignore')}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PartnerList() {
  const { t } = useTranslation();
  const me = useMe().data;
  const partners = useQuery({ queryKey: ['partners'], queryFn: fetchPartners, enabled: Boolean(me) });
  const items = partners.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="partners-title">
      <h2 id="partners-title">{t('corner.myPartners')}</h2>
      <ul className="suggestion-list">
        {items.map((p) => (
          <li key={p.user.id} className="card suggestion">
            <Avatar user={p.user} size={40} />
            <div>
              <strong>{p.user.displayName || p.user.handle}</strong>
              {p.conversationId && (
                <Link to={`/messages/${p.conversationId}`} className="btn btn-small">
                  {t('corner.message')}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
