import { useTranslation } from 'react-i18next';
import { translatedCaptionUrl, type Video } from '../../api/video.js';
import { smallestVariant } from '../../components/Avatar.js';
import { languageName } from '../profile/languageName.js';

/** Screens this narrow get the 360p rendition: it looks the same there and starts sooner. */
const SMALL = '(max-width: 600px)';

/**
 * A video note's player: the poster shows at once, playback starts from the right rendition for the
 * screen (the browser picks the first <source> whose media query matches), and the author's caption
 * tracks are offered with, for each, a machine translation into the reader's language when it differs.
 */
export function VideoPlayer({ video, title }: { video: Video; title: string }) {
  const { t, i18n } = useTranslation();
  const [best, ...rest] = video.renditions;
  const smallest = rest.at(-1);
  const poster = (video.poster && smallestVariant(video.poster, 1080)) || undefined;
  const reader = i18n.language;
  return (
    // biome-ignore lint/a11y/useMediaCaption: the <track>s below are the author's caption files; a video without any has none to offer.
    <video
      className="video-player"
      controls
      playsInline
      preload="metadata"
      poster={poster}
      aria-label={t('video.player', { title })}
      width={video.width ?? undefined}
      height={video.height ?? undefined}
      style={{ backgroundColor: video.poster?.color }}
      data-testid="video-player"
    >
      {smallest && <source src={smallest.url} type="video/mp4" media={SMALL} />}
      {best && <source src={best.url} type="video/mp4" />}
      {video.captions.map((c) => (
        <track key={c.lang} kind="subtitles" src={c.url} srcLang={c.lang} label={t('video.captionsIn', { lang: languageName(c.lang, reader) })} />
      ))}
      {video.captions
        .filter((c) => !video.captions.some((o) => o.lang === reader) && c.lang !== reader)
        .slice(0, 1)
        .map((c) => (
          <track
            key={`${c.lang}-to-${reader}`}
            kind="subtitles"
            src={translatedCaptionUrl(video.id, c.lang, reader)}
            srcLang={reader}
            label={t('video.captionsTranslated', { lang: languageName(reader, reader) })}
          />
        ))}
    </video>
  );
}
