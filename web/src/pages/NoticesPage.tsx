import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { EvidenceItem, evidenceKey } from '../features/moderation/Evidence.js';
import { fetchMyReports, fetchNotices, fileAppeal, type Notice } from '../features/moderation/moderation.api.js';
import '../features/moderation/moderation.css';
import { relativeTime } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** Decisions about me (rule, evidence, effect, appeal) and the reports I filed with their outcomes. */
export default function NoticesPage() {
  return (
    <RequireAuth>
      <Notices />
    </RequireAuth>
  );
}

function Notices() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('moderation.noticesTitle'));
  // The notice text comes back in the UI language, so a language switch refetches it.
  const notices = useQuery({ queryKey: ['notices', i18n.language], queryFn: fetchNotices });
  const reports = useQuery({ queryKey: ['my-reports'], queryFn: fetchMyReports });
  if (notices.isPending) return <Spinner />;
  if (notices.isError) return <ErrorNotice error={notices.error} onRetry={() => void notices.refetch()} />;
  return (
    <div className="medium">
      <h1>{t('moderation.noticesTitle')}</h1>
      {notices.data.items.length === 0 && <p className="empty">{t('moderation.noNotices')}</p>}
      {notices.data.items.map((n) => (
        <NoticeCard key={n.id} n={n} />
      ))}
      <h2>{t('moderation.myReports')}</h2>
      {reports.data?.items.length === 0 && <p className="empty">{t('moderation.noReports')}</p>}
      <ul>
        {reports.data?.items.map((r) => (
          <li key={r.id} className="report-row">
            {t(`moderation.kind.${r.subjectKind}`)} · {r.ruleId} · {relativeTime(r.createdAt, i18n.language)} ·{' '}
            <strong>{r.action ? t(`moderation.action.${r.action}`) : t(`moderation.outcome.${r.outcome}`)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NoticeCard({ n }: { n: Notice }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [writing, setWriting] = useState(false);
  const [statement, setStatement] = useState('');
  const appeal = useMutation({
    mutationFn: () => fileAppeal(n.id, statement.trim()),
    onSuccess: () => {
      setWriting(false);
      void client.invalidateQueries({ queryKey: ['notices'] });
    },
  });
  const link = n.subjectKind === 'note' ? `/notes/${n.subjectId}` : null;
  return (
    <article className="notice" aria-label={t(`moderation.action.${n.action}`)}>
      <h3>
        {t(`moderation.action.${n.action}`)} · {link ? <Link to={link}>{t(`moderation.kind.${n.subjectKind}`)}</Link> : t(`moderation.kind.${n.subjectKind}`)}
      </h3>
      <p>
        {t('moderation.rule')}
        {t('moderation.colon')}
        <Link to={`/rules#${n.rule.id}`}>{n.rule.title}</Link>
      </p>
      <p className="hint">{n.rule.body}</p>
      <p>
        {t('moderation.effect')}
        {t('moderation.colon')}
        {n.effect}
      </p>
      {n.evidence.length > 0 && (
        <div>
          <p>
            {t('moderation.evidence')}
            {t('moderation.colon')}
          </p>
          {n.evidence.map((e) => (
            <EvidenceItem key={evidenceKey(e)} item={e} />
          ))}
        </div>
      )}
      <p className="hint">
        {n.automated ? t('moderation.automated') : t('moderation.human')} · <time dateTime={n.createdAt}>{relativeTime(n.createdAt, i18n.language)}</time>
      </p>
      {n.appeal && <p>{t('moderation.appealState', { state: t(`moderation.appealStates.${n.appeal.state}`) })}</p>}
      {n.canAppeal && !writing && (
        <button type="button" className="btn btn-primary btn-small" onClick={() => setWriting(true)}>
          {t('moderation.appeal')}
        </button>
      )}
      {writing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (statement.trim()) appeal.mutate();
          }}
        >
          <label className="field">
            <span>{t('moderation.appealStatement')}</span>
            <textarea value={statement} maxLength={2000} onChange={(e) => setStatement(e.target.value)} />
          </label>
          {appeal.isError && <ErrorNotice error={appeal.error} />}
          <button type="submit" className="btn btn-primary btn-small" disabled={!statement.trim() || appeal.isPending}>
            {t('moderation.sendAppeal')}
          </button>
        </form>
      )}
    </article>
  );
}
