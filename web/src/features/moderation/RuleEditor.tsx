import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../../../contract/locales.js';
import type { Rule } from '../../../../contract/moderation.js';
import { LOCALE_NAMES } from '../../i18n/index.js';

export const LOCALES: UiLocale[] = ['en', 'zh-Hans', 'zh-Hant'];

/** A rule being edited: regions as typed ("DE, AT"; empty: everywhere), and whether it is retired. */
export interface DraftRule extends Omit<Rule, 'regions'> {
  regionsText: string;
  retired: boolean;
  isNew: boolean;
}

export const toDraft = (r: Rule): DraftRule => ({ ...r, regionsText: r.regions?.join(', ') ?? '', retired: false, isNew: false });

/** Back to the API's shape; region codes are checked by the server, which names the one at fault. */
export function fromDraft(d: DraftRule): Rule {
  const codes = d.regionsText.split(/[\s,，、]+/).filter(Boolean);
  return { id: d.id, severity: d.severity, title: d.title, body: d.body, regions: codes.length ? codes : null };
}

/** One rule's fields: severity, regions, title and text in each language, retire or restore. */
export function RuleEditor({ rule, open, onChange }: { rule: DraftRule; open: boolean; onChange: (next: DraftRule) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as UiLocale;
  const set = (patch: Partial<DraftRule>) => onChange({ ...rule, ...patch });
  const key = `rule-${rule.id}`;
  return (
    <details className={`rule-edit ${rule.retired ? 'retired' : ''}`} open={open || undefined} data-rule={rule.id}>
      <summary>
        <strong>{rule.title[locale] || rule.id}</strong> · {t('moderation.ruleId', { id: rule.id })}
        {rule.isNew && ` · ${t('rulesEditor.new')}`}
        {rule.retired && ` · ${t('rulesEditor.retiredMark')}`}
      </summary>
      <div className="rule-edit-body">
        <div className="rule-edit-row">
          <label className="field">
            <span>{t('rulesEditor.severity')}</span>
            <select value={rule.severity} disabled={rule.retired} onChange={(e) => set({ severity: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('rulesEditor.regions')}</span>
            <input
              value={rule.regionsText}
              disabled={rule.retired}
              placeholder="DE, AT"
              aria-describedby={`${key}-regions-hint`}
              onChange={(e) => set({ regionsText: e.target.value })}
            />
            <span className="hint" id={`${key}-regions-hint`}>
              {t('rulesEditor.regionsHint')}
            </span>
          </label>
        </div>
        {LOCALES.map((l) => (
          <fieldset key={l} className="rule-edit-row" disabled={rule.retired}>
            <legend>{LOCALE_NAMES[l]}</legend>
            <label className="field">
              <span>{t('rulesEditor.title', { lang: LOCALE_NAMES[l] })}</span>
              <input lang={l} value={rule.title[l]} onChange={(e) => set({ title: { ...rule.title, [l]: e.target.value } })} />
            </label>
            <label className="field" style={{ gridColumn: '1 / -1' }}>
              <span>{t('rulesEditor.body', { lang: LOCALE_NAMES[l] })}</span>
              <textarea lang={l} rows={3} value={rule.body[l]} onChange={(e) => set({ body: { ...rule.body, [l]: e.target.value } })} />
            </label>
          </fieldset>
        ))}
        <div>
          <button type="button" className="btn btn-small" aria-pressed={rule.retired} onClick={() => set({ retired: !rule.retired })}>
            {rule.retired ? t('rulesEditor.restore') : t('rulesEditor.retire')}
          </button>
        </div>
      </div>
    </details>
  );
}
