import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../api/types.js';
import { uploadImage } from '../../api/upload.js';
import { chooseVideoFrame, type Video } from '../../api/video.js';
import { errorText } from '../../components/ErrorNotice.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';

/**
 * The cover of a video note: the poster frame (scrub to pick another; the server makes it from the
 * video) or an uploaded image, which then wins.
 */
export function CoverChooser({ video, cover, onCover }: { video: Video; cover: Image | null; onCover: (image: Image | null) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const scrubber = useRef<HTMLVideoElement>(null);
  const [atMs, setAtMs] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const smallest = video.renditions.at(-1);
  const shown = cover ?? video.poster;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="cover-chooser">
      <legend>{t('video.cover')}</legend>
      <div className="cover-row">
        {shown && <ProgressiveImage image={shown} width={120} alt={t('video.currentCover')} className="cover-current" />}
        {smallest && !cover && (
          <div className="cover-scrub">
            <video ref={scrubber} src={`${smallest.url}#t=0.1`} muted playsInline preload="metadata" aria-hidden="true" tabIndex={-1} />
            <input
              type="range"
              min={0}
              max={Math.max(0, (video.durationMs ?? 0) - 100)}
              step={100}
              value={atMs}
              aria-label={t('video.frameAt', { seconds: (atMs / 1000).toFixed(1) })}
              onChange={(e) => {
                const ms = Number(e.target.value);
                setAtMs(ms);
                if (scrubber.current) scrubber.current.currentTime = ms / 1000;
              }}
            />
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void run(async () => void client.setQueryData(['video', video.id], await chooseVideoFrame(video.id, atMs)))}
            >
              {t('video.useFrame')}
            </button>
          </div>
        )}
      </div>
      <div className="cover-upload">
        <label className="btn btn-small">
          {t('video.uploadCover')}
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void run(async () => onCover(await uploadImage(file, () => undefined)));
            }}
          />
        </label>
        {cover && (
          <button type="button" className="btn btn-small" onClick={() => onCover(null)}>
            {t('video.useFrameInstead')}
          </button>
        )}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
