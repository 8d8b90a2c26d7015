import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchDistribution } from './moderation.api.js';

/** The author's view of how their note is distributed, with the rule when it is not "normal". Nobody else sees this. */
export function DistributionStatus({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['distribution', noteId], queryFn: () => fetchDistribution(noteId) });
  if (!status.data) return null;
  const s = status.data;
  return (
    <p className={`distribution distribution-${s.state}`} data-testid="distribution">
      <span>{t('moderation.distribution', { state: t(`moderation.state.${s.state}`) })}</span>
      {s.ruleTitle && (
        <>
          {' · '}
          <Link to={`/rules#${s.ruleId}`}>{t('moderation.underRule', { rule: s.ruleTitle })}</Link>
        </>
      )}
      {s.restrictedRegions.length > 0 && <span> · {t('moderation.regions', { regions: s.restrictedRegions.join(', ') })}</span>}
      {s.noticeId && (
        <>
          {' · '}
          <Link to="/notices">{t('moderation.seeNotice')}</Link>
        </>
      )}
    </p>
  );
}
