import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import type { UiLocale } from '../../../contract/locales.js';
import { fetchRules, fetchTransparency } from '../features/moderation/moderation.api.js';
import '../features/moderation/moderation.css';
import { useDocumentTitle } from '../useDocumentTitle.js';

const hours = (ms: number | null) => (ms === null ? '—' : (ms / 3_600_000).toFixed(1));

/** Public monthly figures: what moderation did, under which rules, how fast, and how often it was wrong. */
export default function TransparencyPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('moderation.transparencyTitle'));
  const data = useQuery({ queryKey: ['transparency'], queryFn: fetchTransparency });
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  const locale = i18n.language as UiLocale;
  const ruleTitle = (id: string) => rules.data?.rules.find((r) => r.id === id)?.title[locale] ?? id;
  if (data.isPending) return <Spinner />;
  if (data.isError) return <ErrorNotice error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <div className="medium">
      <h1>{t('moderation.transparencyTitle')}</h1>
      <p className="hint">{t('moderation.transparencyIntro')}</p>
      {data.data.months.length === 0 && <p className="empty">{t('moderation.noFigures')}</p>}
      {data.data.months.map((m) => (
        <section key={m.month}>
          <h2>{m.month}</h2>
          <p>
            {t('moderation.figures', {
              automated: m.automated,
              human: m.human,
              reports: m.reports,
              median: hours(m.medianDecisionMs),
              appeals: m.appeals,
              reversed: m.reversed,
              rate: m.reversalRate === null ? '—' : `${Math.round(m.reversalRate * 100)}%`,
            })}
          </p>
          <table className="figures">
            <thead>
              <tr>
                <th>{t('moderation.rule')}</th>
                <th>{t('moderation.actionLabel')}</th>
                <th>{t('moderation.automated')}</th>
                <th>{t('moderation.human')}</th>
              </tr>
            </thead>
            <tbody>
              {m.actions.map((a) => (
                <tr key={`${a.ruleId}-${a.action}`}>
                  <td>{ruleTitle(a.ruleId)}</td>
                  <td>{t(`moderation.action.${a.action}`)}</td>
                  <td>{a.automated}</td>
                  <td>{a.human}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
