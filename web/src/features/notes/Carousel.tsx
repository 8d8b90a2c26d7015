// The APG carousel pattern: a focusable scroll track (arrow keys page it) holding role=group slides.
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: the scrollable track must be focusable for keyboard paging
// biome-ignore-all lint/a11y/noStaticElementInteractions: arrow keys on the focused track page the carousel
// biome-ignore-all lint/a11y/useAriaPropsSupportedByRole: the track's label announces the current photo
// biome-ignore-all lint/a11y/useSemanticElements: a slide is a group per the APG carousel pattern, not a form fieldset
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../api/types.js';
import { ChevronIcon } from '../../components/Icons.js';
import { ProgressiveImage } from '../../components/ProgressiveImage.js';

/**
 * Photo carousel: swipe (native scroll snapping), arrow keys when focused, previous/next buttons
 * and dots. Its height follows the first photo, as RedNote does, kept between 3:4 and 4:3.
 */
export function Carousel({ images, label }: { images: Image[]; label: string }) {
  const { t } = useTranslation();
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const first = images[0];
  if (!first) return null;
  const ratio = Math.min(4 / 3, Math.max(3 / 4, first.height / Math.max(1, first.width)));
  const total = images.length;

  const go = (i: number) => {
    const next = Math.max(0, Math.min(total - 1, i));
    const el = track.current;
    if (el) el.scrollTo({ left: next * el.clientWidth, behavior: 'smooth' });
    setIndex(next);
  };
  const onScroll = () => {
    const el = track.current;
    if (el && el.clientWidth > 0) setIndex(Math.round(el.scrollLeft / el.clientWidth));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(index + 1);
    else if (e.key === 'ArrowLeft') go(index - 1);
    else return;
    e.preventDefault();
  };

  return (
    <section className="carousel" aria-roledescription="carousel" aria-label={label}>
      <div
        className="carousel-track"
        ref={track}
        onScroll={onScroll}
        onKeyDown={onKey}
        tabIndex={0}
        style={{ aspectRatio: `1 / ${ratio}` }}
        aria-label={t('note.imageOf', { n: index + 1, total })}
      >
        {images.map((image, i) => (
          <div
            className="carousel-slide"
            key={image.id}
            role="group"
            aria-roledescription="slide"
            aria-label={t('note.imageOf', { n: i + 1, total })}
            aria-hidden={i !== index}
          >
            <ProgressiveImage image={image} width={720} alt={image.alt} eager={i < 2} fit="contain" />
          </div>
        ))}
      </div>
      {total > 1 && (
        <>
          <button
            type="button"
            className="carousel-nav prev"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t('note.previousImage')}
          >
            <ChevronIcon dir="left" />
          </button>
          <button
            type="button"
            className="carousel-nav next"
            onClick={() => go(index + 1)}
            disabled={index === total - 1}
            aria-label={t('note.nextImage')}
          >
            <ChevronIcon dir="right" />
          </button>
          <div className="carousel-dots">
            {images.map((image, i) => (
              <button
                type="button"
                key={image.id}
                className="carousel-dot"
                aria-label={t('note.imageOf', { n: i + 1, total })}
                aria-current={i === index ? 'true' : undefined}
                onClick={() => go(i)}
              />
            ))}
          </div>
          <span className="carousel-count" aria-hidden="true">
            {index + 1}/{total}
          </span>
        </>
      )}
    </section>
  );
}
