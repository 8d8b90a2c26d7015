import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { HASHTAG_PATTERN } from '../../../contract/facets.js';
import { LIMITS } from '../../../contract/limits.js';
import { titleUnits } from '../../../contract/title-units.js';
import { createNote } from '../api/notes.js';
import type { Visibility } from '../api/types.js';
import { errorText } from '../components/ErrorNotice.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { useFormErrors } from '../features/auth/useFormErrors.js';
import { ImagePicker } from '../features/composer/ImagePicker.js';
import { type Suggestion, Suggestions } from '../features/composer/Suggestions.js';
import { applySuggestion, type TypedToken, tokenAt } from '../features/composer/token.js';
import { useUploads } from '../features/composer/useUploads.js';
import { rememberTags, useSuggestions } from '../features/composer/useSuggestions.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './composer.css';

const VISIBILITIES: Visibility[] = ['public', 'mutuals', 'private'];

export default function ComposePage() {
  return (
    <RequireAuth>
      <Composer />
    </RequireAuth>
  );
}

function Composer() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errors = useFormErrors();
  const uploads = useUploads((e) => errorText(e, t));
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [token, setToken] = useState<TypedToken | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useDocumentTitle(t('composer.title'));

  const popular = Object.values(t('interests', { returnObjects: true }) as Record<string, string>);
  const suggestions = useSuggestions(token, popular);
  const units = titleUnits(title);
  const chars = [...body].length;

  const trackCaret = (el: HTMLTextAreaElement) => {
    setToken(tokenAt(el.value, el.selectionStart));
    setActive(0);
  };
  const pick = (s: Suggestion) => {
    if (!token) return;
    const next = applySuggestion(body, token, s.value);
    setBody(next.text);
    setToken(null);
    requestAnimationFrame(() => {
      bodyRef.current?.focus();
      bodyRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onBodyKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % suggestions.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
    else if (e.key === 'Enter' || e.key === 'Tab') pick(suggestions[active]!);
    else if (e.key === 'Escape') setToken(null);
    else return;
    e.preventDefault();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    const items = uploads.items;
    if (items.some((it) => it.status === 'uploading')) return errors.setField('images', t('composer.waitUploads'));
    const ready = items.filter((it) => it.status === 'done' && it.image);
    if (ready.length === 0 && !body.trim() && !title.trim()) return errors.setField('body', t('composer.needContent'));
    if (units > LIMITS.noteTitleUnits) return errors.setField('title', t('composer.titleTooLong'));
    if (chars > LIMITS.noteBodyChars) return errors.setField('body', t('composer.bodyTooLong'));
    setBusy(true);
    try {
      const note = await createNote({
        type: ready.length > 0 ? 'photo' : 'text',
        title: title.trim(),
        body,
        ...(ready.length > 0 ? { images: ready.map((it) => ({ mediaId: it.image!.id, alt: it.alt.trim() })) } : {}),
        visibility,
      });
      rememberTags([...body.matchAll(HASHTAG_PATTERN)].map((m) => m[1]!));
      void client.invalidateQueries({ queryKey: ['feed'] });
      navigate(`/notes/${note.id}`);
    } catch (error) {
      errors.fromError(error, ['images', 'title', 'body', 'visibility']);
    } finally {
      setBusy(false);
    }
  }

  const listId = 'composer-suggestions';
  return (
    <form className="composer medium" onSubmit={submit} noValidate>
      <h1>{t('composer.title')}</h1>
      <ImagePicker uploads={uploads} error={errors.field('images')} />
      <div className="field">
        <label htmlFor="note-title">{t('composer.titleLabel')}</label>
        <input
          id="note-title"
          value={title}
          placeholder={t('composer.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={units > LIMITS.noteTitleUnits || Boolean(errors.field('title')) || undefined}
          aria-describedby="note-title-count"
        />
        <span id="note-title-count" className={`counter ${units > LIMITS.noteTitleUnits ? 'over' : ''}`}>
          {t('composer.counter', { used: Math.ceil(units), max: LIMITS.noteTitleUnits })}
        </span>
        {errors.field('title') && <span className="field-error">{errors.field('title')}</span>}
      </div>
      <div className="field body-field">
        <label htmlFor="note-body">{t('composer.bodyLabel')}</label>
        <textarea
          id="note-body"
          ref={bodyRef}
          value={body}
          rows={6}
          placeholder={t('composer.bodyPlaceholder')}
          onChange={(e) => {
            setBody(e.target.value);
            trackCaret(e.target);
          }}
          onClick={(e) => trackCaret(e.currentTarget)}
          onKeyDown={onBodyKey}
          onBlur={() => setTimeout(() => setToken(null), 150)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={suggestions.length > 0 ? `${listId}-${active}` : undefined}
          aria-invalid={chars > LIMITS.noteBodyChars || Boolean(errors.field('body')) || undefined}
          aria-describedby="note-body-count"
        />
        <Suggestions id={listId} items={suggestions} active={active} onPick={pick} />
        <span id="note-body-count" className={`counter ${chars > LIMITS.noteBodyChars ? 'over' : ''}`}>
          {t('composer.counter', { used: chars, max: LIMITS.noteBodyChars })}
        </span>
        {errors.field('body') && <span className="field-error">{errors.field('body')}</span>}
      </div>
      <fieldset className="segmented">
        <legend>{t('composer.visibility')}</legend>
        {VISIBILITIES.map((v) => (
          <label className="chip" key={v}>
            <input type="radio" name="visibility" checked={visibility === v} onChange={() => setVisibility(v)} />
            {t(`note.${v}`)}
          </label>
        ))}
      </fieldset>
      {errors.field('visibility') && <p className="field-error">{errors.field('visibility')}</p>}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? t('composer.publishing') : t('composer.publish')}
      </button>
    </form>
  );
}
