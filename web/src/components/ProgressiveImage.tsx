import { useState } from 'react';
import type { Image } from '../api/types.js';
import { smallestVariant } from './Avatar.js';
import { BlurhashCanvas } from './BlurhashCanvas.js';

interface Props {
  image: Image;
  /** Display width in CSS pixels, to pick the variant. */
  width: number;
  alt: string;
  className?: string;
  eager?: boolean;
  fit?: 'cover' | 'contain';
}

/** The dominant colour, then the blurhash, then the photo fading in over them. */
export function ProgressiveImage({ image, width, alt, className, eager, fit = 'cover' }: Props) {
  const [loaded, setLoaded] = useState(false);
  const src = smallestVariant(image, Math.min(width * 2, 1080));
  return (
    <div className={`progressive ${className ?? ''}`} style={{ backgroundColor: image.color || '#ddd' }}>
      {!loaded && <BlurhashCanvas hash={image.blurhash} />}
      {src && (
        <img
          src={src}
          alt={alt}
          width={image.width}
          height={image.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          style={{ objectFit: fit }}
          className={loaded ? 'loaded' : ''}
          onLoad={() => setLoaded(true)}
        />
      )}
    </div>
  );
}
