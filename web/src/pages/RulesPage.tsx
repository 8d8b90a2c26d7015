import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../../contract/locales.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { fetchChangelog, fetchRules } from '../features/moderation/moderation.api.js';
import '../features/moderation/moderation.css';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** The community rules in force (with where regional rules apply) and every published change. */
export default function RulesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  useDocumentTitle(t('moderation.rulesTitle'));
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  const log = useQuery({ queryKey: ['rules-changelog'], queryFn: fetchChangelog });
  if (rules.isPending) return <Spinner />;
  if (rules.isError) return <ErrorNotice error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <div className="medium">
      <h1>{t('moderation.rulesTitle')}</h1>
      <p className="hint">{t('moderation.rulesIntro', { version: rules.data.version })}</p>
      {rules.data.rules.map((r) => (
        <section key={r.id} id={r.id} className="rule">
          <h3>{r.title[locale] ?? r.title.en}</h3>
          <p>{r.body[locale] ?? r.body.en}</p>
          <p className="hint">
            {t('moderation.ruleId', { id: r.id })} · {t('moderation.severity', { n: r.severity })} ·{' '}
            {r.regions ? t('moderation.regions', { regions: r.regions.join(', ') }) : t('moderation.everywhere')}
          </p>
        </section>
      ))}
      <h2>{t('moderation.changelog')}</h2>
      <ul>
        {log.data?.items.map((c) => (
          <li key={c.version}>
            <strong>v{c.version}</strong> <time dateTime={c.publishedAt}>{c.publishedAt.slice(0, 10)}</time> — {c.note[locale] ?? c.note.en}
            {c.added.length > 0 && <span> · {t('moderation.added', { ids: c.added.join(', ') })}</span>}
            {c.changed.length > 0 && <span> · {t('moderation.changed', { ids: c.changed.join(', ') })}</span>}
            {c.retired.length > 0 && <span> · {t('moderation.retired', { ids: c.retired.join(', ') })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
