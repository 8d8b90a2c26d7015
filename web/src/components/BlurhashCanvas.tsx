import { decode } from 'blurhash';
import { useEffect, useRef } from 'react';

/** Paints a blurhash placeholder, stretched over its box by CSS; silent when the hash is bad. */
export function BlurhashCanvas({ hash }: { hash: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !hash) return;
    try {
      const pixels = decode(hash, 32, 32);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const image = ctx.createImageData(32, 32);
      image.data.set(pixels);
      ctx.putImageData(image, 0, 0);
    } catch {
      // A malformed hash leaves the colour placeholder underneath.
    }
  }, [hash]);
  return <canvas ref={ref} width={32} height={32} className="blurhash" />;
}
