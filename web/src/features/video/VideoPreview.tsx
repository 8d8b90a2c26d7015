import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../api/types.js';
import type { VideoPreview as Preview } from '../../../../contract/video.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';

/**
 * A video note's card cover: the poster, with the smallest rendition playing muted on top while the
 * card is on screen (and paused when it leaves, so a long waterfall never plays a dozen at once).
 * The speaker button turns the sound on without opening the note.
 */
export function VideoPreview({ preview, poster, eager }: { preview: Preview; poster: Image | null; eager?: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const ref = useRef<HTMLVideoElement>(null);
  const [visible, setVisible] = useState(false);
  const [muted, setMuted] = useState(true);
  const reduceMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

  useEffect(() => {
    // The card is watched, not the video: the video has no size until it has a source.
    const el = box.current;
    if (!el || reduceMotion || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setVisible(Boolean(entry?.isIntersecting && entry.intersectionRatio >= 0.6)), {
      threshold: [0, 0.6, 1],
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [reduceMotion]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (visible) void el.play().catch(() => undefined);
    else el.pause();
  }, [visible]);

  const seconds = Math.round(preview.durationMs / 1000);
  return (
    <div className="video-preview" ref={box}>
      {poster && <ProgressiveImage image={poster} width={240} alt="" eager={eager} />}
      <video ref={ref} src={visible ? preview.url : undefined} muted={muted} loop playsInline preload="none" aria-hidden="true" tabIndex={-1} />
      <span className="video-duration">{`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}</span>
      <button
        type="button"
        className="video-sound"
        aria-label={muted ? t('video.soundOn') : t('video.soundOff')}
        aria-pressed={!muted}
        onClick={(e) => {
          // Inside the card's link: sound on, but stay on the waterfall.
          e.preventDefault();
          e.stopPropagation();
          setMuted((m) => !m);
          setVisible(true);
        }}
      >
        {muted ? '🔇' : '🔊'}
      </button>
    </div>
  );
}
