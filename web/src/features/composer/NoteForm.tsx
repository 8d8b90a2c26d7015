import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HASHTAG_PATTERN } from '../../../../contract/facets.js';
import { LIMITS } from '../../../../contract/limits.js';
import { titleUnits } from '../../../../contract/title-units.js';
import { createNote, updateNote } from '../../api/notes.js';
import type { Image, Note, Visibility } from '../../api/types.js';
import { errorText } from '../../components/ErrorNotice.js';
import { useFormErrors } from '../auth/useFormErrors.js';
// video notes (issue 9)
import type { Video } from '../../api/video.js';
import { VideoPicker } from '../video/VideoPicker.js';
import '../video/video.css';
import { ImagePicker } from './ImagePicker.js';
import { type Suggestion, Suggestions } from './Suggestions.js';
import { applySuggestion, type TypedToken, tokenAt } from './token.js';
import { useUploads } from './useUploads.js';
import { rememberTags, useSuggestions } from './useSuggestions.js';

const VISIBILITIES: Visibility[] = ['public', 'mutuals', 'private'];
const FIELDS = ['images', 'video', 'title', 'body', 'visibility', 'locationLabel'];

/**
 * The composer: a new note, or (given `note`) the author's edit of one, prefilled with its photos in
 * order, alt texts, visibility and location. A note keeps its type: a text note gets no photo picker.
 */
export function NoteForm({ note }: { note?: Note }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errors = useFormErrors();
  const uploads = useUploads((e) => errorText(e, t), note?.images);
  const [title, setTitle] = useState(note?.title ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [visibility, setVisibility] = useState<Visibility>(note?.visibility ?? 'public');
  const [location, setLocation] = useState(note?.locationLabel ?? '');
  const [token, setToken] = useState<TypedToken | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const editing = Boolean(note);
  const photos = !note || note.type === 'photo';
  // A new note can be photos (or text) or one video; an existing note keeps its kind.
  const [kind, setKind] = useState<'photos' | 'video'>('photos');
  const [video, setVideo] = useState<Video | null>(null);
  const onVideo = useCallback((v: Video | null) => setVideo(v), []);
  const [cover, setCover] = useState<Image | null>(null);
  const videoMode = !note && kind === 'video';

  const popular = Object.values(t('interests', { returnObjects: true }) as Record<string, string>);
  const suggestions = useSuggestions(token, popular);
  const units = titleUnits(title);
  const chars = [...body].length;
  const open = suggestions.length > 0;

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
    if (!open) return;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % suggestions.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
    else if (e.key === 'Enter' || e.key === 'Tab') pick(suggestions[Math.min(active, suggestions.length - 1)]!);
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
    if (!videoMode && ready.length === 0 && !body.trim() && !title.trim()) return errors.setField('body', t('composer.needContent'));
    if (units > LIMITS.noteTitleUnits) return errors.setField('title', t('composer.titleTooLong'));
    if (chars > LIMITS.noteBodyChars) return errors.setField('body', t('composer.bodyTooLong'));
    const images = ready.map((it) => ({ mediaId: it.image!.id, alt: it.alt.trim() }));
    const locationLabel = location.trim() || null;
    if (videoMode && !video) return errors.setField('video', t('video.notReady'));
    setBusy(true);
    try {
      const saved = videoMode
        ? await createNote({ type: 'video', title: title.trim(), body, video: { id: video!.id, ...(cover ? { coverMediaId: cover.id } : {}) }, visibility, ...(locationLabel ? { locationLabel } : {}) })
        : note
        ? await updateNote(note.id, { title: title.trim(), body, visibility, locationLabel, ...(photos ? { images } : {}) })
        : await createNote({
            type: images.length > 0 ? 'photo' : 'text',
            title: title.trim(),
            body,
            ...(images.length > 0 ? { images } : {}),
            visibility,
            ...(locationLabel ? { locationLabel } : {}),
          });
      rememberTags([...body.matchAll(HASHTAG_PATTERN)].map((m) => m[1]!));
      client.setQueryData(['note', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['feed'] });
      navigate(`/notes/${saved.id}`, { replace: editing });
    } catch (error) {
      errors.fromError(error, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  const listId = 'composer-suggestions';
  return (
    <form className="composer medium" onSubmit={submit} noValidate>
      <h1>{editing ? t('composer.editTitle') : t('composer.title')}</h1>
      {!note && (
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('video.kind')}</legend>
          <label className="chip">
            <input type="radio" name="note-kind" checked={kind === 'photos'} onChange={() => setKind('photos')} />
            {t('composer.images')}
          </label>
          <label className="chip">
            <input type="radio" name="note-kind" checked={kind === 'video'} onChange={() => setKind('video')} />
            {t('video.kindVideo')}
          </label>
        </fieldset>
      )}
      {videoMode && <VideoPicker onReady={onVideo} cover={cover} onCover={setCover} error={errors.field('video')} />}
      {photos && !videoMode && <ImagePicker uploads={uploads} error={errors.field('images')} />}
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
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
          aria-invalid={chars > LIMITS.noteBodyChars || Boolean(errors.field('body')) || undefined}
          aria-describedby="note-body-count"
        />
        <Suggestions id={listId} items={suggestions} active={Math.min(active, suggestions.length - 1)} onPick={pick} />
        <span id="note-body-count" className={`counter ${chars > LIMITS.noteBodyChars ? 'over' : ''}`}>
          {t('composer.counter', { used: chars, max: LIMITS.noteBodyChars })}
        </span>
        {errors.field('body') && <span className="field-error">{errors.field('body')}</span>}
      </div>
      <div className="field">
        <label htmlFor="note-location">
          {t('composer.location')} <span className="hint">({t('common.optional')})</span>
        </label>
        <input
          id="note-location"
          value={location}
          maxLength={LIMITS.locationLabel.max}
          placeholder={t('composer.locationPlaceholder')}
          onChange={(e) => setLocation(e.target.value)}
          aria-invalid={Boolean(errors.field('locationLabel')) || undefined}
        />
        {errors.field('locationLabel') && <span className="field-error">{errors.field('locationLabel')}</span>}
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
      <div className="composer-actions">
        {note && (
          <Link to={`/notes/${note.id}`} className="btn">
            {t('common.cancel')}
          </Link>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {editing ? (busy ? t('composer.saving') : t('composer.saveChanges')) : busy ? t('composer.publishing') : t('composer.publish')}
        </button>
      </div>
    </form>
  );
}
