import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { UiLocale } from '../../../../contract/locales.js';
import { fetchRules, fileReport, type SubjectKind } from './moderation.api.js';

/** "Report" on a note, comment, chat message or profile: the person picks the rule it breaks (and may add a word). */
export function ReportButton({ kind, id, className = 'btn btn-small btn-ghost' }: { kind: SubjectKind; id: string; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('moderation.report')}
      </button>
      {open && <ReportDialog kind={kind} id={id} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReportDialog({ kind, id, onClose }: { kind: SubjectKind; id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  const [ruleId, setRuleId] = useState('');
  const [comment, setComment] = useState('');
  const send = useMutation({ mutationFn: () => fileReport(kind, id, ruleId, comment.trim()) });
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="report-title">
        <h2 id="report-title">{t('moderation.reportTitle')}</h2>
        {send.isSuccess ? (
          <>
            <p role="status">{t('moderation.reportThanks')}</p>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ruleId) send.mutate();
            }}
          >
            <fieldset className="rule-choices">
              <legend>{t('moderation.whichRule')}</legend>
              {rules.data?.rules.map((r) => (
                <label key={r.id} className="rule-choice">
                  <input type="radio" name="rule" value={r.id} checked={ruleId === r.id} onChange={() => setRuleId(r.id)} />
                  <span>{r.title[locale] ?? r.title.en}</span>
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>{t('moderation.reportComment')}</span>
              <textarea value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
            </label>
            {send.isError && <ErrorNotice error={send.error} />}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={onClose}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={!ruleId || send.isPending}>
                {t('moderation.sendReport')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
