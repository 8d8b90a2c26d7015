import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { fetchVideo, uploadVideo, type Video } from '../../api/video.js';
import { errorText } from '../../components/ErrorNotice.js';
import type { Image } from '../../api/types.js';
import { CaptionsEditor } from './CaptionsEditor.js';
import { CoverChooser } from './CoverChooser.js';

const ACCEPT = 'video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm';

/**
 * The composer's video slot: pick a file, watch it upload (resumable, with a progress bar), then
 * follow the server's processing (queued → n % → ready, or why it failed). Reports the video once
 * it is ready to post.
 */
export function VideoPicker({
  onReady,
  cover,
  onCover,
  error,
}: {
  onReady: (video: Video | null) => void;
  /** An uploaded cover image, which replaces the poster frame. */
  cover: Image | null;
  onCover: (image: Image | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<number | null>(null);
  const [videoId, setVideoId] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const status = useQuery({
    queryKey: ['video', videoId],
    queryFn: () => fetchVideo(videoId!),
    enabled: videoId !== null,
    // Poll while the server works on it; stop once it is settled.
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'ready' || q.state.data.state === 'failed') ? false : 1000),
  });
  const video = status.data ?? null;
  useEffect(() => onReady(video?.state === 'ready' ? video : null), [video, onReady]);

  const pick = (file: File | undefined) => {
    if (!file) return;
    if (file.size > LIMITS.video.maxBytes) return setUploadError(t('video.tooLarge', { limit: LIMITS.video.maxBytes / 1024 / 1024 }));
    abort.current?.abort();
    abort.current = new AbortController();
    setUploadError(null);
    setVideoId(null);
    setSent(0);
    uploadVideo(file, setSent, abort.current.signal).then(setVideoId, (e) => {
      setSent(null);
      setUploadError(errorText(e, t));
    });
  };

  const uploading = sent !== null && videoId === null;
  return (
    <div className="video-picker">
      <label className="btn">
        {video || uploading ? t('video.replace') : t('video.choose')}
        <input type="file" accept={ACCEPT} className="visually-hidden" data-testid="video-input" onChange={(e) => pick(e.target.files?.[0])} />
      </label>
      <p className="hint">{t('video.limits', { minutes: LIMITS.video.maxDurationSeconds / 60, mb: LIMITS.video.maxBytes / 1024 / 1024 })}</p>
      {uploading && (
        <div className="video-status">
          <span>{t('video.uploading', { percent: Math.round((sent ?? 0) * 100) })}</span>
          <progress max={1} value={sent ?? 0} aria-label={t('video.uploadProgress')} />
        </div>
      )}
      {video && video.state !== 'ready' && video.state !== 'failed' && (
        <div className="video-status" role="status">
          <span>{video.state === 'processing' ? t('video.processing', { percent: video.progress }) : t(`video.state.${video.state}`)}</span>
          <progress max={100} value={video.state === 'processing' ? video.progress : undefined} aria-label={t('video.processingProgress')} />
        </div>
      )}
      {video?.state === 'ready' && (
        <p className="video-ready" role="status">
          {t('video.ready', { seconds: Math.round((video.durationMs ?? 0) / 1000) })}
        </p>
      )}
      {video?.state === 'ready' && <CoverChooser video={video} cover={cover} onCover={onCover} />}
      {video?.state === 'ready' && <CaptionsEditor video={video} />}
      {video?.state === 'failed' && <p className="field-error">{video.error?.message ?? t('video.failed')}</p>}
      {(uploadError || error) && <p className="field-error">{uploadError ?? error}</p>}
    </div>
  );
}
