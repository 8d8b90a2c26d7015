import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UiLocale } from '../../../contract/locales.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useMe } from '../features/auth/useMe.js';
import { EvidenceItem, evidenceKey } from '../features/moderation/Evidence.js';
import {
  type Appeal,
  decide,
  decideAppeal,
  fetchAppeals,
  fetchQueue,
  fetchRules,
  fetchSubject,
  type QueueItem,
  type SubjectKind,
} from '../features/moderation/moderation.api.js';
import '../features/moderation/moderation.css';
import { relativeTime } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

const ACTIONS = ['dismiss', 'label', 'limit', 'remove', 'warn', 'suspend', 'ban'] as const;

/** The moderator console: queues by severity, age and language; a subject with its history; decisions and appeals. */
export default function ModerationPage() {
  return (
    <RequireAuth>
      <Console />
    </RequireAuth>
  );
}

function Console() {
  const { t } = useTranslation();
  useDocumentTitle(t('moderation.consoleTitle'));
  const [lang, setLang] = useState('');
  const [selected, setSelected] = useState<{ kind: SubjectKind; id: string } | null>(null);
  const queue = useQuery({ queryKey: ['mod-queue', lang], queryFn: () => fetchQueue(lang) });
  const appeals = useQuery({ queryKey: ['mod-appeals'], queryFn: fetchAppeals });
  const me = useMe();
  if (queue.isPending) return <Spinner />;
  if (queue.isError) return <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <div className="wide">
      <h1>{t('moderation.consoleTitle')}</h1>
      {/* Editing the rules is an operator's tool: admins only (ADR 0011). */}
      {me.data?.role === 'admin' && (
        <p>
          <Link to="/moderation/rules">{t('rulesEditor.link')}</Link>
        </p>
      )}
      <div className="console">
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t('moderation.queue')}</h2>
          <label className="field">
            <span>{t('moderation.language')}</span>
            <select aria-label={t('moderation.language')} value={lang} onChange={(e) => setLang(e.target.value)}>
              <option value="">{t('moderation.allLanguages')}</option>
              <option value="en">English</option>
              <option value="zh">中文</option>
            </select>
          </label>
          {queue.data.items.length === 0 && <p className="empty">{t('moderation.queueEmpty')}</p>}
          {queue.data.items.map((q) => (
            <QueueRow key={`${q.subjectKind}:${q.subjectId}`} q={q} selected={selected?.id === q.subjectId} onSelect={() => setSelected({ kind: q.subjectKind, id: q.subjectId })} />
          ))}
          <h2>{t('moderation.appeals')}</h2>
          {appeals.data?.items.length === 0 && <p className="empty">{t('moderation.noAppeals')}</p>}
          {appeals.data?.items.map((a) => (
            <AppealRow key={a.id} a={a} />
          ))}
        </section>
        {selected && <SubjectPane kind={selected.kind} id={selected.id} onDone={() => setSelected(null)} />}
      </div>
    </div>
  );
}

function QueueRow({ q, selected, onSelect }: { q: QueueItem; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button type="button" className={`queue-item ${selected ? 'selected' : ''}`} onClick={onSelect} style={{ display: 'block', width: '100%', textAlign: 'left' }}>
      <strong>
        {t(`moderation.kind.${q.subjectKind}`)} · {t('moderation.severity', { n: q.severity })} · {q.lang ?? '?'}
      </strong>
      <span className="hint">
        {' '}
        · {q.ruleIds.join(', ')} · {t('moderation.reportCount', { count: q.reportCount })}
        {q.openedAt && <> · {relativeTime(q.openedAt, i18n.language)}</>}
      </span>
      <span style={{ display: 'block' }}>{q.text.slice(0, 140)}</span>
    </button>
  );
}

function SubjectPane({ kind, id, onDone }: { kind: SubjectKind; id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  const client = useQueryClient();
  const subject = useQuery({ queryKey: ['mod-subject', kind, id], queryFn: () => fetchSubject(kind, id) });
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('remove');
  const [ruleId, setRuleId] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState(7);
  const [quote, setQuote] = useState('');
  const act = useMutation({
    mutationFn: () =>
      decide({
        subjectKind: kind,
        subjectId: id,
        action,
        ruleId,
        note,
        ...(action === 'suspend' ? { days } : {}),
        ...(quote.trim() ? { quotes: [quote.trim()] } : {}),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['mod-queue'] });
      onDone();
    },
  });
  if (subject.isPending) return <Spinner />;
  if (subject.isError) return <ErrorNotice error={subject.error} />;
  const s = subject.data;
  return (
    <section aria-labelledby="subject-title">
      <h2 id="subject-title">
        {t(`moderation.kind.${kind}`)} · @{s.item.subjectUser?.handle}
      </h2>
      <blockquote className="evidence-text">{s.item.text}</blockquote>
      <h3>{t('moderation.reports')}</h3>
      <ul>
        {s.reports.map((r) => (
          <li key={r.id}>
            {r.ruleId}
            {r.comment && <> — {r.comment}</>}
          </li>
        ))}
      </ul>
      <h3>{t('moderation.history')}</h3>
      <ul>
        {s.history.map((e) => (
          <li key={e.id}>
            {t(`moderation.action.${e.action}`)} · {e.ruleId} · {e.automated ? t('moderation.automated') : `@${e.actor?.handle ?? '?'}`} · {e.note}
            {e.evidence.map((ev) => (
              <EvidenceItem key={evidenceKey(ev)} item={ev} />
            ))}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act.mutate();
        }}
      >
        <label className="field">
          <span>{t('moderation.actionLabel')}</span>
          <select aria-label={t('moderation.actionLabel')} value={action} onChange={(e) => setAction(e.target.value as (typeof ACTIONS)[number])}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`moderation.action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('moderation.rule')}</span>
          <select aria-label={t('moderation.rule')} value={ruleId} onChange={(e) => setRuleId(e.target.value)} required>
            <option value="">—</option>
            {rules.data?.rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title[locale] ?? r.title.en}
              </option>
            ))}
          </select>
        </label>
        {action === 'suspend' && (
          <label className="field">
            <span>{t('moderation.days')}</span>
            <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(Number(e.target.value))} />
          </label>
        )}
        <label className="field">
          <span>{t('moderation.quote')}</span>
          <input value={quote} maxLength={200} onChange={(e) => setQuote(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('moderation.moderatorNote')}</span>
          <textarea value={note} required maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        {act.isError && <ErrorNotice error={act.error} />}
        <button type="submit" className="btn btn-primary" disabled={act.isPending}>
          {t('moderation.apply')}
        </button>
      </form>
    </section>
  );
}

function AppealRow({ a }: { a: Appeal }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const settle = useMutation({
    mutationFn: (d: 'uphold' | 'reverse') => decideAppeal(a.id, d, note),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['mod-appeals'] }),
  });
  return (
    <section className="notice" aria-label={t('moderation.appealFrom', { handle: a.appellant?.handle ?? '?' })}>
      <p>
        <strong>@{a.appellant?.handle}</strong>: {a.statement}
      </p>
      <p className="hint">
        {t(`moderation.action.${a.decision.action}`)} · {a.decision.ruleId} · {a.decision.actor ? `@${a.decision.actor.handle}` : t('moderation.automated')}
      </p>
      <label className="field">
        <span>{t('moderation.moderatorNote')}</span>
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      {settle.isError && <ErrorNotice error={settle.error} />}
      <button type="button" className="btn btn-small" onClick={() => settle.mutate('uphold')}>
        {t('moderation.uphold')}
      </button>{' '}
      <button type="button" className="btn btn-small btn-primary" onClick={() => settle.mutate('reverse')}>
        {t('moderation.reverse')}
      </button>
    </section>
  );
}
