import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Localized, RuleSet } from '../../../contract/moderation.js';
import { ApiError } from '../api/http.js';
import { ErrorNotice, errorText } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useMe } from '../features/auth/useMe.js';
import { fetchRules, publishRules } from '../features/moderation/moderation.api.js';
import { type DraftRule, fromDraft, LOCALES, RuleEditor, toDraft } from '../features/moderation/RuleEditor.js';
import '../features/moderation/moderation.css';
import { LOCALE_NAMES } from '../i18n/index.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

const NEW_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EMPTY: Localized = { en: '', 'zh-Hans': '', 'zh-Hant': '' };

/** The admin rules editor (ADR 0011): add, amend and retire rules, write the changelog, publish a version. */
export default function RulesEditorPage() {
  return (
    <RequireAuth>
      <AdminsOnly />
    </RequireAuth>
  );
}

function AdminsOnly() {
  const { t } = useTranslation();
  useDocumentTitle(t('rulesEditor.heading'));
  const me = useMe();
  const rules = useQuery({ queryKey: ['rules'], queryFn: fetchRules });
  if (me.isPending || rules.isPending) return <Spinner />;
  if (me.data?.role !== 'admin') {
    return (
      <div className="medium">
        <h1>{t('rulesEditor.heading')}</h1>
        <p role="alert">{t('rulesEditor.adminsOnly')}</p>
      </div>
    );
  }
  if (rules.isError) return <ErrorNotice error={rules.error} onRetry={() => void rules.refetch()} />;
  // Keyed by version: after a publish (or a reload on conflict) the form starts from what is in force.
  return <Editor key={rules.data.version} base={rules.data} />;
}

function Editor({ base }: { base: RuleSet }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<DraftRule[]>(() => base.rules.map(toDraft));
  const [opened, setOpened] = useState<string | null>(null);
  const [newId, setNewId] = useState('');
  const [note, setNote] = useState<Localized>(EMPTY);
  const [published, setPublished] = useState<number | null>(null);
  const publish = useMutation({
    mutationFn: () => publishRules({ basedOn: base.version, note, rules: drafts.filter((d) => !d.retired).map(fromDraft) }),
    onSuccess: (res) => {
      setPublished(res.version);
      void client.invalidateQueries({ queryKey: ['rules-changelog'] });
    },
  });
  const conflict = publish.error instanceof ApiError && publish.error.status === 409;
  const idTaken = drafts.some((d) => d.id === newId);

  const addRule = (e: FormEvent) => {
    e.preventDefault();
    if (!NEW_ID.test(newId) || idTaken) return;
    setDrafts((all) => [...all, { id: newId, severity: 3, title: EMPTY, body: EMPTY, regionsText: '', retired: false, isNew: true }]);
    setOpened(newId);
    setNewId('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPublished(null);
    publish.mutate();
  };

  return (
    <div className="medium">
      <h1>{t('rulesEditor.heading')}</h1>
      <p className="hint">{t('rulesEditor.intro', { version: base.version })}</p>
      <p>
        <Link to="/rules">{t('rulesEditor.publicPage')}</Link>
      </p>
      <form onSubmit={addRule} className="add-rule" aria-label={t('rulesEditor.add')}>
        <label className="field">
          <span>{t('rulesEditor.newId')}</span>
          <input value={newId} onChange={(e) => setNewId(e.target.value.trim().toLowerCase())} aria-describedby="new-rule-hint" />
          <span className="hint" id="new-rule-hint">
            {idTaken ? t('rulesEditor.idTaken') : t('rulesEditor.idHint')}
          </span>
        </label>
        <button type="submit" className="btn" disabled={!NEW_ID.test(newId) || idTaken}>
          {t('rulesEditor.add')}
        </button>
      </form>
      <form onSubmit={submit}>
        {drafts.map((d) => (
          <RuleEditor key={d.id} rule={d} open={opened === d.id} onChange={(next) => setDrafts((all) => all.map((x) => (x.id === d.id ? next : x)))} />
        ))}
        <fieldset className="rule-edit-row">
          <legend>{t('rulesEditor.note')}</legend>
          {LOCALES.map((l) => (
            <label key={l} className="field">
              <span>{t('rulesEditor.noteIn', { lang: LOCALE_NAMES[l] })}</span>
              <textarea lang={l} rows={2} value={note[l]} onChange={(e) => setNote({ ...note, [l]: e.target.value })} />
            </label>
          ))}
        </fieldset>
        <div className="rules-editor-actions">
          <button type="submit" className="btn btn-primary" disabled={publish.isPending}>
            {t('rulesEditor.publish')}
          </button>
          {published !== null && (
            <span role="status">
              {t('rulesEditor.published', { version: published })}{' '}
              <button type="button" className="btn btn-small" onClick={() => void client.invalidateQueries({ queryKey: ['rules'] })}>
                {t('rulesEditor.continue')}
              </button>
            </span>
          )}
        </div>
        {publish.isError && (
          <div className="error-notice" role="alert">
            <p>
              {errorText(publish.error, t)}
              {publish.error instanceof ApiError && publish.error.field ? ` (${publish.error.field})` : ''}
            </p>
            {conflict && (
              <button type="button" className="btn" onClick={() => void client.invalidateQueries({ queryKey: ['rules'] })}>
                {t('rulesEditor.reload')}
              </button>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
