import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { ACCEPTED_IMAGE_TYPES } from '../../../../contract/media.js';
import { ChevronIcon, CloseIcon, PlusIcon } from '../../components/Icons.js';
import type { useUploads } from './useUploads.js';

type Uploads = ReturnType<typeof useUploads>;

/** Drop or pick photos; each shows its upload progress, can be reordered (buttons or drag), removed and described. */
export function ImagePicker({ uploads, error }: { uploads: Uploads; error: string | null }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { items } = uploads;
  const full = items.length >= LIMITS.noteImages.max;

  const addFiles = (list: FileList | null) => {
    const files = [...(list ?? [])].filter((f) => f.type.startsWith('image/') || f.type === '');
    const left = uploads.add(files, items.length);
    setNotice(left > 0 ? t('composer.tooMany', { max: LIMITS.noteImages.max }) : null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length > 0) addFiles(e.dataTransfer.files);
  };

  return (
    <section className="image-picker" aria-labelledby={`${inputId}-title`}>
      <div className="picker-head">
        <h2 id={`${inputId}-title`} className="field-label">
          {t('composer.images')}
        </h2>
        <span className="counter">{t('composer.imageCount', { count: items.length, max: LIMITS.noteImages.max })}</span>
      </div>
      <ol className="upload-grid">
        {items.map((it, i) => (
          <li
            key={it.key}
            className={`upload-item ${it.status}`}
            draggable
            onDragStart={() => setDragKey(it.key)}
            onDragOver={(e) => {
              if (dragKey) e.preventDefault();
            }}
            onDrop={(e) => {
              if (!dragKey) return;
              e.preventDefault();
              e.stopPropagation();
              uploads.moveTo(dragKey, it.key);
              setDragKey(null);
            }}
          >
            <div className="upload-thumb">
              <img src={it.preview} alt={it.alt} />
              {i === 0 && <span className="cover-badge">{t('composer.cover')}</span>}
              <button
                type="button"
                className="thumb-btn remove"
                onClick={() => uploads.remove(it.key)}
                aria-label={t('composer.remove', { n: i + 1 })}
              >
                <CloseIcon size={16} />
              </button>
            </div>
            {it.status === 'uploading' && (
              <progress max={1} value={it.progress} aria-label={t('composer.uploading', { name: it.name })} />
            )}
            {it.status === 'failed' && (
              <p className="field-error" role="alert">
                {t('composer.uploadFailed')}: {it.error}
              </p>
            )}
            <div className="thumb-tools">
              <button
                type="button"
                className="thumb-btn"
                disabled={i === 0}
                onClick={() => uploads.move(it.key, -1)}
                aria-label={t('composer.moveEarlier', { n: i + 1 })}
              >
                <ChevronIcon dir="left" size={16} />
              </button>
              <button
                type="button"
                className="thumb-btn"
                disabled={i === items.length - 1}
                onClick={() => uploads.move(it.key, 1)}
                aria-label={t('composer.moveLater', { n: i + 1 })}
              >
                <ChevronIcon dir="right" size={16} />
              </button>
            </div>
            <label className="visually-hidden" htmlFor={`${it.key}-alt`}>
              {t('composer.altText', { n: i + 1 })}
            </label>
            <textarea
              id={`${it.key}-alt`}
              className="alt-input"
              rows={2}
              maxLength={LIMITS.altText.max}
              placeholder={t('composer.altHint')}
              value={it.alt}
              onChange={(e) => uploads.setAlt(it.key, e.target.value)}
            />
          </li>
        ))}
        {!full && (
          <li
            className={`drop-zone ${over ? 'over' : ''}`}
            onDragOver={(e) => {
              if (dragKey) return;
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              accept={ACCEPTED_IMAGE_TYPES.join(',')}
              multiple
              onChange={(e) => {
                addFiles(e.target.files);
                e.target.value = '';
              }}
            />
            <label htmlFor={inputId} className="drop-label">
              <PlusIcon size={28} />
              <span>{items.length === 0 ? t('composer.dropHere') : t('composer.addImages')}</span>
            </label>
          </li>
        )}
      </ol>
      {(notice || error) && (
        <p className="field-error" role="alert">
          {notice ?? error}
        </p>
      )}
    </section>
  );
}
